import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import { MatrixEvent, ClientEvent, type ReceivedToDeviceMessage } from "matrix-js-sdk";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, api, actor, type TestPlane } from "../../helpers/control-plane.js";
import { acquaintedMembers, member, credentialsPublished, roomsReady, type Member } from "../../helpers/e2ee.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { sendAck } from "#shared/matrix/send.js";
import { nextEvent, readEvent, type Received } from "#shared/matrix/receive.js";
import { findRoomByKey, waitForRoom } from "#shared/matrix/rooms.js";
import { signInThroughControlPlane } from "#shared/matrix/session.js";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { publishAdvisory, tallyAcks } from "#shared/matrix/advisories.js";
import { computeCoverage } from "#shared/content/coverage.js";
import { startHistorySharing, shareHistory, type HistoryShareResult } from "#shared/matrix/history-share.js";
import { vettedIdentity } from "#shared/matrix/vetted.js";
import { deliveryReport } from "#shared/matrix/delivery.js";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { CREDENTIAL_TYPE, REVOCATIONS_TYPE, credentialStateKey, verifyCredential, type SignedRevocationList } from "#shared/credentials/credential.js";

/** Reads an event as this session sees it now, fetched afresh (a key that arrived later is used). */
async function readById(s: EnlaceSession, roomId: string, eventId: string): Promise<Received> {
  const ev = new MatrixEvent(await s.client.fetchRoomEvent(roomId, eventId));
  await s.client.decryptEventIfNeeded(ev).catch(() => {});
  return readEvent(s, ev, 2000);
}

describe("people approved later read the room's history (MSC4268 bundles from an officer's client)", () => {
  let hs: TestSynapse, plane: TestPlane;
  let officer: Member, ana: Member;
  const later: Member[] = [];
  const results: HistoryShareResult[] = [];
  let sharing: ReturnType<typeof startHistorySharing> | null = null;
  const ROOMS = ["space", "advisories:tourism"];
  const roomOf = (m: Member) => findRoomByKey(m.session.client, "advisories:tourism")!.roomId;
  const deadline = new Date(Date.now() + 7 * 86400_000).toISOString();
  const advisory = (title: string) =>
    publishAdvisory(officer.session, officer.cp, roomOf(officer), {
      tlp: "AMBER",
      programCode: "tourism",
      title,
      body: "Review barrier placement.",
      programs: ["tourism"],
      requiresAck: true,
      ackDeadline: deadline,
    }).then((x) => x.eventId);

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    await roomsReady(plane);
    [officer, ana] = await acquaintedMembers(
      plane,
      ROOMS,
      { roles: [role.officer("tourism")], state: null },
      { roles: [role.focal("CL", "tourism")], state: "CL" },
    );
  }, 240_000);
  afterAll(async () => {
    sharing?.stop();
    for (const m of [officer, ana, ...later]) m?.session.stop();
    await plane?.close();
    await hs?.close();
  });

  it("a focal point approved after an advisory reads it, acknowledges, and the coverage counts the state", async () => {
    const roomId = roomOf(officer);
    // The officer's crypto must know Ana's device as cross-signed, or her key is withheld (what the sender's card shows).
    await eventually(
      () => deliveryReport(officer.session.client, roomId),
      (r) => r.people === 1 && r.devices === 1 && r.withheld.length === 0,
      60_000,
      300,
    );
    const advisoryId = await advisory("Heightened threat to fan zones");
    // What a member who was there sees, before any history is shared.
    const { value: anaBefore } = await eventually(
      () => readById(ana.session, roomId, advisoryId),
      (r) => r.content.status === "valid",
      30_000,
      300,
    );
    expect(anaBefore.trust).toMatchObject({ level: "verified" });

    sharing = startHistorySharing(officer.session, { onResult: (r) => results.push(r) });
    const jm = await member(plane, [role.focal("JM", "tourism")], "JM", ROOMS);
    later.push(jm);
    await credentialsPublished(officer.session, [jm]);
    await eventually(
      async () => results.filter((r) => r.userId === jm.session.userId),
      (r) => r.some((x) => x.shared),
      60_000,
      200,
    );

    const { value: read } = await eventually(
      () => readById(jm.session, roomId, advisoryId),
      (r) => r.content.status === "valid",
      60_000,
      500,
    );
    expect(read.content).toMatchObject({ status: "valid", kind: "advisory" });
    // A bundled key cannot prove which device sent the message, the officer's device signature inside
    // the advisory does: the newcomer's verdict is the one members who got the key through Olm see.
    expect(read.trust).toEqual(anaBefore.trust);

    // Sent now, the officer's key would go to both focal points' devices.
    await eventually(
      () => deliveryReport(officer.session.client, roomId),
      (r) => r.people === 2 && r.devices === 2 && r.unreached.length === 0,
      30_000,
      300,
    );
    // The member who was there still sees exactly what they saw.
    expect((await readById(ana.session, roomId, advisoryId)).trust).toEqual(anaBefore.trust);

    // The new focal point acknowledges; the officer's coverage counts Jamaica.
    const seen = nextEvent(officer.session, roomId, (e) => e.getSender() === jm.session.userId && e.getType().endsWith(".ack"), 30_000);
    const ackId = await sendAck(jm.session, roomId, advisoryId);
    const ack = await seen;
    expect(ack.eventId).toBe(ackId);
    const { counted } = tallyAcks([ack], advisoryId);
    const coverage = computeCoverage({ advisory: { ackDeadline: deadline }, expectedStates: ["CL", "JM"], acks: counted, now: new Date() });
    expect(coverage.states.map((s) => [s.state, s.status])).toEqual([
      ["CL", "pending"],
      ["JM", "acknowledged"],
    ]);
  }, 240_000);

  it("a suspended person's device gets no key through the history path", async () => {
    const roomId = roomOf(officer);
    sharing?.stop(); // so that the approval below does not share before the suspension
    results.length = 0;
    const advisoryId = await advisory("Second advisory, before the suspension");
    const br = await member(plane, [role.focal("BR", "tourism")], "BR", ROOMS);
    later.push(br);
    await credentialsPublished(officer.session, [br]);
    const bundles: string[] = [];
    br.session.client.on(ClientEvent.ReceivedToDeviceMessage, ({ message }: ReceivedToDeviceMessage) => {
      if (message.type.endsWith("room_key_bundle")) bundles.push(message.sender ?? "");
    });

    expect((await api(plane, "POST", `/api/people/${br.personId}/suspend`, { token: officer.cp.token!, body: { reason: "test" } })).status).toBe(200);
    await eventually(
      () => vettedIdentity(officer.session, br.session.userId),
      (v) => !v.ok,
      60_000,
      200,
    );

    // The officer's client, started now, sees a recently issued credential and refuses it.
    sharing = startHistorySharing(officer.session, { onResult: (r) => results.push(r) });
    await sharing.settled();
    const direct = await shareHistory(officer.session, roomId, br.session.userId);
    expect(direct).toMatchObject({ shared: false, reason: expect.stringMatching(/suspended|no Secretariat credential/) });
    expect(results.filter((r) => r.userId === br.session.userId && r.shared)).toEqual([]);
    await new Promise((r) => setTimeout(r, 3000));
    expect(bundles).toEqual([]);
    const read = await readById(br.session, roomId, advisoryId).catch(() => null);
    expect(read?.content.status ?? "unreadable").not.toBe("valid");
  }, 240_000);

  it("the sender sees who the key goes to, and what is withheld and why", async () => {
    const roomId = roomOf(officer);
    // The person suspended above has left the room (the reconciler's fast path) before the counts are compared.
    const room = officer.session.client.getRoom(roomId)!;
    await eventually(
      async () => later.map((m) => room.getMember(m.session.userId)?.membership ?? "none"),
      (ms) => ms.filter((x) => x === "join").length === 1,
      60_000,
      300,
    );
    const base = await deliveryReport(officer.session.client, roomId);
    expect(base).toMatchObject({ people: 2, devices: 2, withheld: [], unreached: [] });
    // Vetted and joined by the reconciler, never signed in: no device to encrypt to.
    const newcomer = await actor(plane, [role.focal("AR", "tourism")], "AR");
    const { value: before } = await eventually(
      () => deliveryReport(officer.session.client, roomId),
      (r) => r.withheld.some((w) => w.reason === "no-device"),
      60_000,
      300,
    );
    const userId = before.withheld.find((w) => w.reason === "no-device")!.userId;
    expect(before.unreached).toContain(userId);
    expect(before.people).toBe(base.people);

    // Signed in, but the device is not cross-signed yet (first run not done): withheld for that reason.
    const session = await signInThroughControlPlane(new ControlPlaneClient(plane.url, newcomer.token), { deviceName: "test" });
    try {
      await waitForRoom(session.client, "advisories:tourism", 60_000);
      const { value: after } = await eventually(
        () => deliveryReport(officer.session.client, roomId),
        (r) => r.withheld.some((w) => w.userId === userId && w.reason === "not-cross-signed"),
        60_000,
        300,
      );
      expect(after.withheld.filter((w) => w.userId === userId)).toEqual([{ userId, deviceId: session.deviceId, reason: "not-cross-signed" }]);
      expect(after.unreached).toContain(userId);
      expect(after.people).toBe(base.people);
      expect(after.devices).toBe(base.devices);
    } finally {
      session.stop();
    }
  }, 240_000);

  it("an officer vetted after an advisory reads it at first sign-in, once another officer's client runs", async () => {
    const roomId = roomOf(officer);
    sharing?.stop(); // no officer's client shares while the new officer arrives
    results.length = 0;
    const advisoryId = await advisory("Published before the new officer was vetted");
    const { value: anaView } = await eventually(
      () => readById(ana.session, roomId, advisoryId),
      (r) => r.content.status === "valid",
      30_000,
      300,
    );
    const newOfficer = await member(plane, [role.officer("tourism")], null, ROOMS);
    later.push(newOfficer);
    await credentialsPublished(officer.session, [newOfficer]);
    // Nothing but an officer's bundle brings this key (the new officer's key backup is empty): without one, unreadable.
    expect((await readById(newOfficer.session, roomId, advisoryId)).content.status).not.toBe("valid");

    // The first officer's client starts: the recently issued credential is served at once.
    sharing = startHistorySharing(officer.session, { onResult: (r) => results.push(r) });
    await eventually(
      async () => results.filter((r) => r.userId === newOfficer.session.userId),
      (r) => r.some((x) => x.shared),
      60_000,
      200,
    );
    const { value: read } = await eventually(
      () => readById(newOfficer.session, roomId, advisoryId),
      (r) => r.content.status === "valid",
      60_000,
      500,
    );
    expect(read.content).toMatchObject({
      status: "valid",
      kind: "advisory",
      content: expect.objectContaining({ title: "Published before the new officer was vetted" }),
    });
    // The sender's verdict is what a member who got the key through Olm sees.
    expect(read.trust).toEqual(anaView.trust);
    expect(read.trust).toMatchObject({ level: "verified" });
  }, 240_000);

  it("a revoked person's device gets no key through the history path: the signed revocation list refuses them, even with their credential put back", async () => {
    const roomId = roomOf(officer);
    sharing?.stop(); // so that the approval below does not share before the revocation
    results.length = 0;
    const crypto = officer.session.client.getCrypto() as unknown as { shareRoomHistoryWithUser(roomId: string, userId: string): Promise<void> };
    const shares = vi.spyOn(crypto, "shareRoomHistoryWithUser");
    const advisoryId = await advisory("Third advisory, before the revocation");
    const pe = await member(plane, [role.focal("PE", "tourism")], "PE", ROOMS);
    later.push(pe);
    const userId = pe.session.userId;
    await credentialsPublished(officer.session, [pe]);
    const space = findRoomByKey(officer.session.client, "space")!;
    const credentialOf = () => space.currentState.getStateEvents(CREDENTIAL_TYPE, credentialStateKey(userId))?.getContent() ?? {};
    // What the homeserver's operator keeps for later: her genuine credential from before the revocation.
    const genuine = credentialOf();
    const bundles: string[] = [];
    pe.session.client.on(ClientEvent.ReceivedToDeviceMessage, ({ message }: ReceivedToDeviceMessage) => {
      if (message.type.endsWith("room_key_bundle")) bundles.push(message.sender ?? "");
    });

    expect((await api(plane, "POST", `/api/people/${pe.personId}/revoke`, { token: officer.cp.token!, body: { reason: "test" } })).status).toBe(200);
    // The officer's client sees the Secretariat's signed list naming her as revoked (her credential is withdrawn too).
    const { value: list } = await eventually(
      async () => space.currentState.getStateEvents(REVOCATIONS_TYPE, "")?.getContent() as SignedRevocationList | undefined,
      (l) => !!l?.list?.entries.some((e) => e.userId === userId && e.status === "revoked"),
      60_000,
      200,
    );
    await eventually(
      async () => credentialOf(),
      (c) => Object.keys(c).length === 0,
      60_000,
      200,
    );

    // (a) An officer's client started now refuses her on the list's word.
    sharing = startHistorySharing(officer.session, { onResult: (r) => results.push(r) });
    await sharing.settled();
    const refusal = { roomId, userId, shared: false, reason: "on the Secretariat's signed revocation list: vetting revoked" };
    expect(await shareHistory(officer.session, roomId, userId)).toEqual(refusal);

    // (b) The operator of the Secretariat's homeserver puts her genuine credential back in the Space. The
    // control plane would withdraw it again within a minute: paused, to look at what the officer's client decides.
    await plane.link!.reconciler.stop();
    await plane.link!.revocations.stop();
    await eventually(
      async () => (await plane.ctx.db.query("SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'active'")).rows[0].n,
      (n) => n === 0,
      60_000,
      100,
    );
    await hs.admin.putState(space.roomId, CREDENTIAL_TYPE, credentialStateKey(userId), genuine);
    await eventually(
      async () => credentialOf().credential?.masterKey,
      (k) => k === pe.masterKey,
      30_000,
      100,
    );
    // The credential itself is genuine and unexpired: only the signed revocation list stands against it.
    expect(await verifyCredential(credentialOf(), { pinnedKeys: officer.session.secretariatKeys, userId })).toMatchObject({ status: "valid" });
    expect(await verifyCredential(credentialOf(), { pinnedKeys: officer.session.secretariatKeys, userId, revocations: list })).toMatchObject({
      status: "revoked",
      revocation: "revoked",
    });
    // vetted.ts's check (the one trust.ts uses too) refuses her by the list, and so does the history path.
    expect(await vettedIdentity(officer.session, userId)).toMatchObject({ ok: false, code: "revoked", reason: "vetting revoked" });
    expect(await shareHistory(officer.session, roomId, userId)).toEqual(refusal);
    await sharing.settled();

    expect(results.filter((r) => r.userId === userId && r.shared)).toEqual([]);
    expect(shares.mock.calls.filter(([, u]) => u === userId)).toEqual([]);
    expect(bundles).toEqual([]);
    const read = await readById(pe.session, roomId, advisoryId).catch(() => null);
    expect(read?.content.status ?? "unreadable").not.toBe("valid");
    shares.mockRestore();
  }, 240_000);
});
