// rehydrate_ms: a person whose only device is away (signed out) while N messages arrive in their
// room signs in on a new device; time from sign-in to all N decrypted, the keys coming from their
// dehydrated device (MSC3814). The floor, in the same run: the same sign-in, restore and N messages
// for a person who was online while they arrived, whose new device gets the keys from the key backup.
import { Method, MatrixEventEvent, type MatrixEvent } from "matrix-js-sdk";
import { startTestSynapse } from "../tests/helpers/synapse.js";
import { startTestPlane, role } from "../tests/helpers/control-plane.js";
import { member, credentialsPublished, roomsReady, type Member } from "../tests/helpers/e2ee.js";
import { signInThroughControlPlane, type EnlaceSession } from "#shared/matrix/session.js";
import { restoreFromRecoveryKey } from "#shared/matrix/first-run.js";
import { findRoomByKey, waitForRoom } from "#shared/matrix/rooms.js";
import { sendContent } from "#shared/matrix/send.js";
import { trustOf } from "#shared/matrix/trust.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { round } from "./lib/stats.js";
import { synapseDatabase } from "./lib/matrix.js";

const ROOMS = ["space", "network:tourism"];
const MSC3814 = "/_matrix/client/unstable/org.matrix.msc3814.v1";

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 120_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await f();
    if (ok(v)) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`rehydrate bench: ${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const deviceIds = async (observer: EnlaceSession, userId: string) => [
  ...((await observer.client.getCrypto()!.getUserDeviceInfo([userId], true)).get(userId)?.keys() ?? []),
];

function decrypted(e: MatrixEvent): Promise<void> {
  const done = () => !e.isBeingDecrypted() && !e.isDecryptionFailure() && e.getClearContent() !== null;
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const on = () => {
      if (!done()) return;
      e.off(MatrixEventEvent.Decrypted, on);
      resolve();
    };
    e.on(MatrixEventEvent.Decrypted, on);
  });
}

/** A new device of `m` signs in, restores with the recovery key and reads every one of `ids`: the time it takes, and the device. */
async function comeBack(m: Member, roomKey: string, ids: string[]): Promise<{ ms: number; session: EnlaceSession; events: MatrixEvent[] }> {
  const t0 = performance.now();
  const s = await signInThroughControlPlane(m.cp, { deviceName: "bench (new device)" });
  const room = await waitForRoom(s.client, roomKey, 60_000);
  await restoreFromRecoveryKey(s, m.recoveryKey);
  const want = new Set(ids);
  // The initial sync brings the last few events; a person scrolling back loads the rest.
  while ([...want].some((id) => !room.findEventById(id))) {
    if (!(await s.client.paginateEventTimeline(room.getLiveTimeline(), { backwards: true, limit: 100 })))
      throw new Error("rehydrate bench: history ended before every message");
  }
  const events = ids.map((id) => room.findEventById(id)!);
  await Promise.race([
    Promise.all(events.map(decrypted)),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`rehydrate bench: ${m.session.userId}'s new device did not decrypt all messages`)), 120_000)),
  ]);
  return { ms: performance.now() - t0, session: s, events };
}

export async function benchRehydrate(pgAdminUrl: string, log: (s: string) => void, messages = 100) {
  const database = await synapseDatabase(pgAdminUrl, "synapse_rehydrate");
  const hs = await startTestSynapse({ database });
  const plane = await startTestPlane({ pgAdminUrl, validateResponses: false, synapse: hs });
  const open: EnlaceSession[] = [];
  try {
    await roomsReady(plane);
    const [sender, away, online] = await Promise.all([
      member(plane, [role.focal("CL", "tourism")], "CL", ROOMS),
      member(plane, [role.focal("JM", "tourism")], "JM", ROOMS),
      member(plane, [role.focal("BR", "tourism")], "BR", ROOMS),
    ]);
    open.push(sender.session, online.session);
    for (const m of [sender, away, online]) await credentialsPublished(m.session, [sender, away, online]);
    // The floor person has no dehydrated device: their new device can only use the key backup.
    await online.session.client.http.authedRequest(Method.Delete, "/dehydrated_device", undefined, {}, { prefix: MSC3814 });
    // The away person signs out: device logged out, nothing of theirs runs.
    const awayDevice = away.session.deviceId;
    await away.session.client.logout(true);
    away.session.stop();
    await until(
      () => deviceIds(sender.session, away.session.userId),
      (ids) => !ids.includes(awayDevice),
      "the sender seeing the sign-out",
    );

    log(`rehydrate: ${messages} alerts while one person is away…`);
    const roomId = findRoomByKey(sender.session.client, "network:tourism")!.roomId;
    const ids: string[] = [];
    for (let i = 0; i < messages; i++) ids.push(await sendContent(sender.session, roomId, "alert", { ...EXAMPLES.alert, title: `away ${i}` }));
    // The online person's device backs up the keys it received; the floor needs them there.
    const sessionIds = new Set(
      await Promise.all(
        ids.map(async (id) => {
          const e = await until(async () => online.session.client.getRoom(roomId)?.findEventById(id), Boolean, "the online device receiving every alert");
          await decrypted(e!);
          return e!.getWireContent().session_id as string;
        }),
      ),
    );
    const backup = await online.session.client.http.authedRequest<{ version: string }>(Method.Get, "/room_keys/version");
    type Keys = { sessions?: Record<string, unknown> };
    await until(
      () =>
        online.session.client.http
          .authedRequest<Keys>(Method.Get, `/room_keys/keys/${encodeURIComponent(roomId)}`, { version: backup.version })
          .catch((): Keys => ({})),
      (r) => [...sessionIds].every((sid) => r.sessions?.[sid]),
      "the online person's backup holding the keys",
    );
    online.session.stop();

    const floor = await comeBack(online, "network:tourism", ids);
    open.push(floor.session);
    floor.session.stop();
    const back = await comeBack(away, "network:tourism", ids);
    open.push(back.session);
    // Every one read through the rehydrated device is verified (the key came through Olm).
    const verdicts = await Promise.all(back.events.map((e) => trustOf(back.session, e)));
    const verified = verdicts.filter((v) => v.level === "verified").length;
    log(
      `rehydrate: new device after ${messages} away: ${round(back.ms, 0)} ms to all decrypted (${verified}/${messages} verified); after being online (backup): ${round(floor.ms, 0)} ms`,
    );
    return {
      rehydrate_ms: round(back.ms, 1),
      rehydrate_floor_backup_ms: round(floor.ms, 1),
      rehydrate_ratio_vs_backup: round(back.ms / floor.ms),
      rehydrate_verified_fraction: round(verified / messages, 3),
    };
  } finally {
    for (const s of open) s.stop();
    await plane.close();
    await hs.close();
    await database.drop();
  }
}
