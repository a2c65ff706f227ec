// delivery_completeness: a scripted churn scenario in which every intended recipient must read every
// alert and advisory. Real Synapse, control plane and Rust-crypto clients; what people do:
// - a reader reloads twice (the client stops and opens the same device with its kept token and store),
// - a reader signs out (device logged out) and later signs in on a new device with the recovery key
//   (the dehydrated device brings what was sent meanwhile),
// - a reader's device is offline for a while (stopped, then opened again),
// - a focal point is approved after the first advisories (officers' clients share history with them),
// - a focal point is revoked midway (out of every room: not an intended recipient any more).
// Intended: network alerts go to the people who were vetted members when they were sent and still are;
// advisories to every vetted member of the program at the end, including the one approved later
// (docs/delivery.md: network rooms are read from arrival, advisories whole). Misses are reported by
// cause (the SDK's decryption failure code, or "not in the timeline").
import "fake-indexeddb/auto";
import { MatrixEvent } from "matrix-js-sdk";
import { startTestSynapse } from "../tests/helpers/synapse.js";
import { startTestPlane, actor, api, role, type TestPlane } from "../tests/helpers/control-plane.js";
import { credentialsPublished, roomsReady, type Member } from "../tests/helpers/e2ee.js";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { loginThroughControlPlane, openSession, signInThroughControlPlane, type EnlaceSession, type OpenOptions } from "#shared/matrix/session.js";
import { firstRun, restoreFromRecoveryKey } from "#shared/matrix/first-run.js";
import { findRoomByKey, waitForRoom } from "#shared/matrix/rooms.js";
import { sendContent } from "#shared/matrix/send.js";
import { publishAdvisory } from "#shared/matrix/advisories.js";
import { startHistorySharing } from "#shared/matrix/history-share.js";
import { EXAMPLES } from "#shared/content/examples.js";
import type { RoleGrant } from "#server/domain/auth/principal.js";
import { round } from "./lib/stats.js";
import { synapseDatabase } from "./lib/matrix.js";

const ROOMS = ["space", "network:tourism", "advisories:tourism"];

/** A person whose device can be stopped and opened again (its crypto store in IndexedDB, its token kept). */
interface Reader extends Member {
  name: string;
  creds: OpenOptions;
  prefix: string;
}

let readers = 0;
async function reader(plane: TestPlane, name: string, roles: RoleGrant[], state: string | null): Promise<Reader> {
  const a = await actor(plane, roles, state);
  const cp = new ControlPlaneClient(plane.url, a.token);
  const creds = await loginThroughControlPlane(cp, { deviceName: `churn ${name}` });
  const prefix = `churn-${readers++}`;
  const session = await openSession({ ...creds, useIndexedDB: true, cryptoDatabasePrefix: prefix });
  for (const key of ROOMS) await waitForRoom(session.client, key, 120_000);
  const { recoveryKey, masterKey } = await firstRun(session, cp);
  return { name, session, cp, personId: a.id, recoveryKey, masterKey, creds, prefix };
}

/** Opens the kept device again, as a reload does: the same token and store, no login. */
async function reopen(r: Reader) {
  r.session = await openSession({ ...r.creds, useIndexedDB: true, cryptoDatabasePrefix: r.prefix });
}

/** Signs in on a new device (a new store) and restores with the recovery key, which rehydrates. */
async function signInAgain(r: Reader) {
  r.session = await signInThroughControlPlane(r.cp, { deviceName: `churn ${r.name} (new device)` });
  await waitForRoom(r.session.client, "network:tourism", 120_000);
  await restoreFromRecoveryKey(r.session, r.recoveryKey);
}

/** Whether this session reads the event (waiting up to `ms` for late keys), else why not. */
async function readOrWhy(s: EnlaceSession, roomId: string, eventId: string, ms: number): Promise<string | null> {
  const t0 = Date.now();
  let why = "not in the timeline";
  for (;;) {
    try {
      const ev = new MatrixEvent(await s.client.fetchRoomEvent(roomId, eventId));
      await s.client.decryptEventIfNeeded(ev).catch(() => {});
      if (!ev.isDecryptionFailure() && ev.getClearContent()) return null;
      why = ev.decryptionFailureReason ?? "undecryptable";
    } catch (err) {
      why = `not fetched: ${(err as { errcode?: string }).errcode ?? "error"}`;
    }
    if (Date.now() - t0 > ms) return why;
    await new Promise((r) => setTimeout(r, 500));
  }
}

interface Sent {
  eventId: string;
  roomId: string;
  kind: "alert" | "advisory";
  /** Who was a vetted member when it was sent (for network alerts). */
  present: Set<string>;
}

export async function benchDelivery(pgAdminUrl: string, log: (s: string) => void, perPhase = 4) {
  const database = await synapseDatabase(pgAdminUrl, "synapse_churn");
  const hs = await startTestSynapse({ database });
  const plane = await startTestPlane({ pgAdminUrl, validateResponses: false, synapse: hs });
  const everyone: Reader[] = [];
  let sharing: ReturnType<typeof startHistorySharing> | null = null;
  try {
    await roomsReady(plane);
    log("delivery: setting up six people…");
    const officer = await reader(plane, "officer", [role.officer("tourism")], null);
    const sender = await reader(plane, "sender", [role.focal("CL", "tourism")], "CL");
    const reloading = await reader(plane, "reloading", [role.focal("JM", "tourism")], "JM");
    const signingOut = await reader(plane, "signing-out", [role.focal("BR", "tourism")], "BR");
    const offline = await reader(plane, "offline", [role.focal("MX", "tourism")], "MX");
    const revoked = await reader(plane, "revoked", [role.focal("PE", "tourism")], "PE");
    everyone.push(officer, sender, reloading, signingOut, offline, revoked);
    for (const r of everyone) await credentialsPublished(r.session, everyone, 180_000);
    sharing = startHistorySharing(officer.session);

    const network = findRoomByKey(sender.session.client, "network:tourism")!.roomId;
    const advisories = findRoomByKey(officer.session.client, "advisories:tourism")!.roomId;
    const vetted = new Set(everyone.map((r) => r.name));
    const sent: Sent[] = [];
    let n = 0;
    const phase = async (label: string) => {
      for (let i = 0; i < perPhase; i++) {
        const eventId = await sendContent(sender.session, network, "alert", { ...EXAMPLES.alert, title: `churn ${label} ${i}` });
        sent.push({ eventId, roomId: network, kind: "alert", present: new Set(vetted) });
      }
      const { eventId } = await publishAdvisory(officer.session, officer.cp, advisories, {
        tlp: "AMBER",
        programCode: "tourism",
        title: `churn advisory ${++n}`,
        body: "Review barrier placement.",
        programs: ["tourism"],
        requiresAck: true,
        ackDeadline: new Date(Date.now() + 7 * 86400_000).toISOString(),
      });
      sent.push({ eventId, roomId: advisories, kind: "advisory", present: new Set(vetted) });
    };

    await phase("all online");
    // Away: one signs out, one goes offline, one reloads between sends.
    await signingOut.session.client.logout(true);
    signingOut.session.stop();
    offline.session.stop();
    reloading.session.stop();
    await reopen(reloading);
    await phase("away");
    // Churn in the registry: a revocation and an approval.
    const r = await api(plane, "POST", `/api/people/${revoked.personId}/revoke`, { token: officer.cp.token!, body: { reason: "churn" } });
    if (r.status !== 200) throw new Error(`delivery bench: revocation failed: ${r.status}`);
    revoked.session.stop();
    vetted.delete("revoked");
    const later = await reader(plane, "approved-later", [role.focal("UY", "tourism")], "UY");
    everyone.push(later);
    await credentialsPublished(officer.session, [later], 180_000);
    vetted.add("approved-later");
    reloading.session.stop();
    await reopen(reloading);
    await phase("after churn");
    // Back: the signed-out person on a new device, the offline device again.
    await signInAgain(signingOut);
    await reopen(offline);

    log(`delivery: checking ${sent.length} messages at ${vetted.size - 1} readers…`);
    const misses = new Map<string, number>();
    let intended = 0;
    let read = 0;
    for (const m of sent) {
      for (const p of everyone) {
        if (!vetted.has(p.name) || p === sender || (m.kind === "advisory" && p === officer)) continue;
        if (m.kind === "alert" && !m.present.has(p.name)) continue; // network rooms are read from arrival
        intended++;
        const why = await readOrWhy(p.session, m.roomId, m.eventId, 60_000);
        if (why === null) read++;
        else misses.set(`${p.name}: ${why}`, (misses.get(`${p.name}: ${why}`) ?? 0) + 1);
      }
    }
    const completeness = intended ? read / intended : 1;
    log(
      `delivery: ${read}/${intended} read (completeness ${round(completeness, 3)})${misses.size ? `; misses: ${[...misses].map(([k, v]) => `${k} ×${v}`).join(", ")}` : ""}`,
    );
    return { delivery_completeness: round(completeness, 3), delivery_intended: intended, delivery_misses: intended - read };
  } finally {
    sharing?.stop();
    for (const r of everyone) r.session.stop();
    await plane.close();
    await hs.close();
    await database.drop();
  }
}
