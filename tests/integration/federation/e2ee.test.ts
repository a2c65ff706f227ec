import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MatrixEvent } from "matrix-js-sdk";
import { EventShieldReason } from "matrix-js-sdk/lib/crypto-api/index.js";
import { findRoomByKey, waitForRoom } from "#shared/matrix/rooms.js";
import { sendAck, sendContent } from "#shared/matrix/send.js";
import { publishAdvisory, tallyAcks } from "#shared/matrix/advisories.js";
import { computeCoverage } from "#shared/content/coverage.js";
import { expectedStates } from "#shared/content/expected-states.js";
import { ACK_EVENT_TYPE } from "#shared/content/ack.js";
import { sendText } from "#shared/matrix/messages.js";
import { nextEvent, readEvent } from "#shared/matrix/receive.js";
import { signInThroughControlPlane, type EnlaceSession } from "#shared/matrix/session.js";
import { isCrossSigned, restoreFromRecoveryKey } from "#shared/matrix/first-run.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { startGovernedFederation, type GovernedFederation } from "../../helpers/federation/governed.js";
import { remoteMember } from "../../helpers/federation/remote-member.js";
import { asUser, readValid } from "../../helpers/federation/read.js";
import { api, role } from "../../helpers/control-plane.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { credentialsPublished, member, roomsReady, type Member } from "../../helpers/e2ee.js";

const ROOMS = ["space", "network:tourism", "advisories:tourism"];
// Three homeservers, a control plane and Rust-crypto clients on a loaded 2-core machine.
const SLOW = 180_000;

describe("end-to-end encryption across homeservers", () => {
  let g: GovernedFederation;
  let ana: Member; // focal point, Chile's homeserver
  let jan: Member; // focal point, Jamaica's homeserver
  let officer: Member; // Secretariat officer, the Secretariat's homeserver
  const everyone = () => [ana, jan, officer];
  const roomOf = (m: Member, key: string) => findRoomByKey(m.session.client, key)!.roomId;

  beforeAll(async () => {
    g = await startGovernedFederation();
    await g.register("chile", "CL");
    await g.register("jamaica", "JM");
    await roomsReady(g.plane, 28, SLOW);
    // Every room admits both member states' servers before their people are vetted (and invited).
    const all = [...(await g.rooms()).values()];
    await eventually(
      async () => (await Promise.all(all.map((id) => g.aclAt(id)))).every((a) => !!a?.includes(g.net.names.chile) && a.includes(g.net.names.jamaica)),
      (ok) => ok,
      SLOW,
      250,
    );
    [officer, ana, jan] = await Promise.all([
      member(g.plane, [role.officer("tourism")], null, ROOMS),
      remoteMember(g, "chile", "ana", [role.focal("CL", "tourism")], "CL", ROOMS, SLOW),
      remoteMember(g, "jamaica", "jan", [role.focal("JM", "tourism")], "JM", ROOMS, SLOW),
    ]);
    for (const m of everyone()) await credentialsPublished(m.session, everyone(), SLOW);
  }, 600_000);
  afterAll(async () => {
    for (const m of [ana, jan, officer]) m?.session.stop();
    await g?.close();
  });

  async function roundTrip(from: Member, roomKey: string, send: (roomId: string) => Promise<string>) {
    const roomId = findRoomByKey(from.session.client, roomKey)!.roomId;
    let sentId = "";
    const since = Date.now() - 5;
    const waits = everyone()
      .filter((m) => m !== from)
      .map((m) =>
        nextEvent(m.session, roomId, (e: MatrixEvent) => e.getSender() === from.session.userId && e.getTs() >= since && (!sentId || e.getId() === sentId)),
      );
    sentId = await send(roomId);
    return Promise.all(waits);
  }

  it(
    "an alert from a Chilean focal point on Chile's homeserver decrypts and verifies at the Secretariat's and Jamaica's people, and the reverse",
    async () => {
      const fromChile = await roundTrip(ana, "network:tourism", (r) => sendContent(ana.session, r, "alert", EXAMPLES.alert));
      const fromJamaica = await roundTrip(jan, "network:tourism", (r) => sendContent(jan.session, r, "alert", EXAMPLES.alert));
      for (const [received, state] of [
        [fromChile, "CL"],
        [fromJamaica, "JM"],
      ] as const) {
        expect(received).toHaveLength(2);
        for (const r of received) {
          expect(r.encrypted).toBe(true);
          expect(r.content).toMatchObject({ status: "valid", kind: "alert" });
          expect(r.trust).toMatchObject({ level: "verified", memberState: state });
        }
      }
    },
    SLOW,
  );

  it(
    "a direct conversation between Chile's and Jamaica's focal points: both accept the bot's invites by themselves, and a message decrypts and verifies",
    async () => {
      const started = await api(g.plane, "POST", "/api/conversations", { token: ana.cp.token, body: { with: jan.personId } });
      expect(started.status).toBe(201);
      const key = `dm:${started.body.id}`;
      // Inner waits shorter than the test's, so a stall says which step it was.
      const [roomAna] = await Promise.all([waitForRoom(ana.session.client, key, 100_000), waitForRoom(jan.session.client, key, 100_000)]);
      // As the client's message box does: send once Ana's client sees Jan in the room and knows his
      // device (over federation), or the room key goes to Ana's devices only.
      await eventually(
        async () =>
          roomAna.getMember(jan.session.userId)?.membership === "join" &&
          ((await ana.session.client.getCrypto()!.getUserDeviceInfo([jan.session.userId], true)).get(jan.session.userId)?.has(jan.session.deviceId) ?? false),
        (ready) => ready,
        60_000,
        250,
      );
      const since = Date.now() - 5;
      const waiting = nextEvent(jan.session, roomAna.roomId, (e: MatrixEvent) => e.getSender() === ana.session.userId && e.getTs() >= since, 60_000);
      const eventId = await sendText(ana.session, roomAna.roomId, "Hola Jan, ¿hablamos?");
      const got = await waiting;
      expect(got).toMatchObject({ eventId, encrypted: true, trust: { level: "verified", memberState: "CL" } });
      expect(jan.session.client.getRoom(roomAna.roomId)!.findEventById(eventId)!.getContent().body).toBe("Hola Jan, ¿hablamos?");
    },
    SLOW,
  );

  it(
    "a new device of Ana's on Chile's homeserver, restored with her recovery key, gets the key of the next alert (device list over federation) and verifies it",
    async () => {
      const roomId = roomOf(officer, "network:tourism");
      const phone = await signInThroughControlPlane(ana.cp, { deviceName: "new phone" });
      try {
        for (const key of ROOMS) await waitForRoom(phone.client, key, SLOW);
        // The product's way to a trusted new device: the recovery key cross-signs it.
        await restoreFromRecoveryKey(phone, ana.recoveryKey);
        await eventually(
          () => isCrossSigned(phone),
          (signed) => signed,
          SLOW,
          250,
        );
        // Chile's homeserver tells the Secretariat's of the new device; the officer's client sees it, cross-signed.
        await eventually(
          async () => (await officer.session.client.getCrypto()!.getDeviceVerificationStatus(ana.session.userId, phone.deviceId))?.signedByOwner ?? false,
          (signed) => signed,
          SLOW,
          250,
        );
        const after = await sendContent(officer.session, roomId, "alert", { ...EXAMPLES.alert, title: "After the new phone" });
        const { ev, read } = await readValid(g, phone, roomId, after, SLOW);
        expect(read.encrypted).toBe(true);
        expect(read.content).toMatchObject({ kind: "alert", content: { title: "After the new phone" } });
        expect(read.trust).toMatchObject({ level: "verified", memberState: null });
        // The key came from the officer's device through Olm, not from Ana's own key backup.
        expect((await phone.client.getCrypto()!.getEncryptionInfoForEvent(ev))?.shieldReason).not.toBe(EventShieldReason.AUTHENTICITY_NOT_GUARANTEED);
      } finally {
        phone.stop();
      }
    },
    SLOW * 3,
  );
  it(
    "an advisory from the Secretariat is acknowledged from Chile's and Jamaica's homeservers, and the officer's coverage counts both states",
    async () => {
      const roomId = roomOf(officer, "advisories:tourism");
      const deadline = new Date(Date.now() + 3_600_000).toISOString();
      const { eventId } = await publishAdvisory(officer.session, officer.cp, roomId, {
        tlp: "AMBER",
        programCode: "tourism",
        title: "Cruise terminal screening",
        body: "Share what you see at the terminals.",
        programs: ["tourism"],
        requiresAck: true,
        ackDeadline: deadline,
      });
      for (const m of [ana, jan]) {
        const { read } = await readValid(g, m.session, roomId, eventId, SLOW);
        expect(read).toMatchObject({ encrypted: true, content: { kind: "advisory" }, trust: { level: "verified" } });
        await sendAck(m.session, roomId, eventId);
      }
      // The officer's client, as the coverage view reads it: acks from both servers, each verified for its state.
      const { value: tally } = await eventually(
        async () => {
          const events = findRoomByKey(officer.session.client, "advisories:tourism")!.getLiveTimeline().getEvents();
          const items = await Promise.all(events.filter((e) => e.getType() === ACK_EVENT_TYPE).map((e) => readEvent(officer.session, e, 2_000)));
          return tallyAcks(items, eventId);
        },
        (t) => t.counted.length === 2,
        SLOW,
        500,
      );
      expect(tally.notCounted).toEqual([]);
      const programs = (await api(g.plane, "GET", "/api/programs", { token: officer.cp.token! })).body as Array<{
        code: string;
        participatingStates: string[];
      }>;
      const states = (await api(g.plane, "GET", "/api/member-states", { token: officer.cp.token! })).body as Array<{ code: string }>;
      const expected = expectedStates({
        roomKey: "advisories:tourism",
        programs: ["tourism"],
        memberStates: states.map((x) => x.code),
        participating: new Map(programs.map((p) => [p.code, p.participatingStates])),
      });
      expect(expected).toEqual({ scope: "program", states: ["CL", "JM"] });
      const report = computeCoverage({ advisory: { ackDeadline: deadline }, expectedStates: expected.states, acks: tally.counted, now: new Date() });
      expect(report.states.map((x) => [x.state, x.status])).toEqual([
        ["CL", "acknowledged"],
        ["JM", "acknowledged"],
      ]);
    },
    SLOW * 2,
  );

  /** The wire event as Ana's client holds it (ciphertext), handed to another device to try. */
  const ciphertextOf = async (roomId: string, eventId: string) =>
    new MatrixEvent(await asUser(ana.session).call("GET", `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/event/${encodeURIComponent(eventId)}`));
  const decrypts = async (s: EnlaceSession, ev: MatrixEvent) => {
    await s.client.decryptEventIfNeeded(ev).catch(() => {});
    return !ev.isDecryptionFailure() && ev.getType() !== "m.room.encrypted";
  };

  it(
    "a revoked person on Jamaica's homeserver is banned from every room and their device gets no key for the next alert, which Chile's focal point reads",
    async () => {
      const roomId = roomOf(officer, "network:tourism");
      // Control: before the revocation, Jan's device holds the key of the officer's alert.
      const before = await sendContent(officer.session, roomId, "alert", { ...EXAMPLES.alert, title: "Before the revocation" });
      await readValid(g, ana.session, roomId, before, SLOW);
      await readValid(g, jan.session, roomId, before, SLOW);
      expect(await decrypts(jan.session, await ciphertextOf(roomId, before))).toBe(true);

      const revoked = await api(g.plane, "POST", `/api/people/${jan.personId}/revoke`, { token: g.admin, body: { reason: "left the service" } });
      expect(revoked.status).toBe(200);
      // Every room of the registry, as the Secretariat's homeserver holds Jan's membership: banned
      // wherever he was, in none still joined or invited.
      const rooms = await g.rooms();
      const membershipOf = async (id: string) =>
        ((await g.bot.stateContent(id, "m.room.member", jan.session.userId)) as { membership?: string } | null)?.membership;
      await eventually(
        async () => Promise.all([...rooms].map(async ([key, id]) => [key, await membershipOf(id)] as const)),
        (ms) => ms.every(([key, m]) => (ROOMS.includes(key) ? m === "ban" : m !== "join" && m !== "invite")),
        SLOW,
        250,
      );
      // The officer's client shares room keys with the members it sees: wait until it sees the ban.
      await eventually(
        async () => officer.session.client.getRoom(roomId)?.getMember(jan.session.userId)?.membership,
        (m) => m === "ban",
        SLOW,
        250,
      );
      const after = await sendContent(officer.session, roomId, "alert", { ...EXAMPLES.alert, title: "After the revocation" });
      const { read } = await readValid(g, ana.session, roomId, after, SLOW);
      expect(read).toMatchObject({ encrypted: true, content: { content: { title: "After the revocation" } }, trust: { level: "verified" } });
      // Jan's device still works on Jamaica's homeserver (the Secretariat cannot log it out), but
      // handed the ciphertext it has no key for it.
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await decrypts(jan.session, await ciphertextOf(roomId, after))).toBe(false);
      expect(jan.session.client.getRoom(roomId)?.findEventById(after)).toBeUndefined();
    },
    SLOW * 2,
  );
});
