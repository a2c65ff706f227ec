import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { MatrixEvent } from "matrix-js-sdk";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, type TestPlane } from "../../helpers/control-plane.js";
import { member, credentialsPublished, roomsReady, type Member } from "../../helpers/e2ee.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { matrixFetch } from "../../../server/synapse/http.js";
import { mintLoginJwt } from "../../../server/synapse/admin-client.js";
import { sendContent, sendAck } from "../../../shared/matrix/send.js";
import { readEvent, type Received } from "../../../shared/matrix/receive.js";
import { trustOf } from "../../../shared/matrix/trust.js";
import { findRoomByKey } from "../../../shared/matrix/rooms.js";
import { openSession, type EnlaceSession } from "../../../shared/matrix/session.js";
import { publishAdvisory } from "../../../shared/matrix/advisories.js";
import { tallyAcks } from "../../../shared/matrix/advisories.js";
import { computeCoverage } from "../../../shared/content/coverage.js";
import { ACK_EVENT_TYPE, ACK_SIGNATURE_KEY, buildAckContent, type AckSignature } from "../../../shared/content/ack.js";
import { buildEventContent } from "../../../shared/content/event.js";
import { EXAMPLES } from "../../../shared/content/examples.js";

/**
 * Issue 9, item 2: the operator of the Secretariat's homeserver (or anyone with a stolen access
 * token) posts under a focal point's name, in the clear, into encrypted Enlace rooms. Synapse's admin
 * API hands the operator an access token for any local user, with no device and no keys. Readers
 * must never call that content verified, and forged acknowledgements must not change coverage.
 */
describe("operator of the Secretariat's homeserver forges content and acknowledgements (issue 9 item 2)", () => {
  let hs: TestSynapse, plane: TestPlane;
  let ana: Member, jan: Member, officer: Member;
  let operatorToken: string;         // a Synapse admin the operator made with the registration secret
  let asAna: string;                 // the access token the admin API gives the operator for Ana
  const ROOMS = ["space", "network:tourism", "advisories:tourism"];
  const roomOf = (m: Member, key: string) => findRoomByKey(m.session.client, key)!.roomId;

  /** The operator's raw client-server calls, with a token of their choosing. */
  const operatorPut = (token: string, roomId: string, type: string, content: unknown) =>
    matrixFetch<{ event_id: string }>({ baseUrl: hs.url }, "PUT", `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(type)}/forged-${Math.random().toString(36).slice(2)}`, content, token).then((r) => r.event_id);

  /** How a member's own client reads an event once it has arrived. */
  async function readAt(s: EnlaceSession, roomId: string, eventId: string): Promise<{ event: MatrixEvent; read: Received }> {
    const { value } = await eventually(async () => s.client.getRoom(roomId)?.findEventById(eventId), (e) => e !== undefined, 20_000, 50);
    return { event: value!, read: await readEvent(s, value!) };
  }

  /** Every acknowledgement the officer's client holds for the advisories room, read and judged. */
  async function acksAtOfficer(roomId: string): Promise<Received[]> {
    const events = officer.session.client.getRoom(roomId)!.getLiveTimeline().getEvents().filter((e) => e.getType() === ACK_EVENT_TYPE);
    return Promise.all(events.map((e) => readEvent(officer.session, e)));
  }

  const coverageAtOfficer = async (roomId: string, advisoryEventId: string) => {
    const tally = tallyAcks(await acksAtOfficer(roomId), advisoryEventId);
    const report = computeCoverage({ advisory: {}, expectedStates: ["CL", "JM"], acks: tally.counted, now: new Date() });
    return { tally, status: Object.fromEntries(report.states.map((s) => [s.state, s.status])) };
  };

  const advisory = (title: string) => publishAdvisory(officer.session, officer.cp, roomOf(officer, "advisories:tourism"),
    { tlp: "AMBER", programCode: "tourism", title, body: "Review barrier placement.", programs: ["tourism"], requiresAck: true, ackDeadline: new Date(Date.now() + 86400_000).toISOString() });

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    await roomsReady(plane);
    [ana, jan, officer] = await Promise.all([
      member(plane, [role.focal("CL", "tourism")], "CL", ROOMS),
      member(plane, [role.focal("JM", "tourism")], "JM", ROOMS),
      member(plane, [role.officer("tourism")], null, ROOMS),
    ]);
    for (const m of [ana, jan, officer]) await credentialsPublished(m.session, [ana, jan, officer]);
    // The operator holds homeserver.yaml: the registration secret makes a Synapse admin...
    operatorToken = (await hs.admin.register(hs.registrationSharedSecret, `operator${Date.now()}`, true)).access_token;
    // ...and the admin API logs in as any local user (a token with no device, no keys).
    asAna = (await matrixFetch<{ access_token: string }>({ baseUrl: hs.url }, "POST", `/_synapse/admin/v1/users/${encodeURIComponent(ana.session.userId)}/login`, {}, operatorToken)).access_token;
  }, 240_000);
  afterAll(async () => { for (const m of [ana, jan, officer]) m?.session.stop(); await plane?.close(); await hs?.close(); });

  it("a cleartext alert posted as a vetted focal point through the admin API is 'unencrypted' and invalid at every reader, never verified", async () => {
    const roomId = roomOf(ana, "network:tourism");
    const whoami = await matrixFetch<{ user_id: string; device_id?: string }>({ baseUrl: hs.url }, "GET", "/_matrix/client/v3/account/whoami", undefined, asAna);
    expect(whoami.user_id).toBe(ana.session.userId);
    // A valid Enlace alert, exactly as Ana's client would build it, but in the clear (without the
    // coordinates: Synapse refuses floats in cleartext events, and the forger does not need them).
    const forged = await operatorPut(asAna, roomId, "m.room.message", buildEventContent("alert", { ...EXAMPLES.alert, title: "Forged: evacuate the stadium", location: { text: "Estadio Nacional, Santiago" } }, { roomCeiling: "AMBER" }));
    for (const reader of [jan, officer]) {
      const { event, read } = await readAt(reader.session, roomId, forged);
      expect(read.encrypted).toBe(false);
      expect(read.trust).toEqual({ level: "unencrypted", reason: "sent without encryption: cannot be verified" });
      expect(await trustOf(reader.session, event)).toMatchObject({ level: "unencrypted" });
      expect(read.content).toEqual({ status: "invalid", kind: "alert", reason: "sent without encryption: cannot be verified" });
    }
    // The same sender's genuine, encrypted alert is verified: it is the forgery that fails, not Ana.
    const genuine = await sendContent(ana.session, roomId, "alert", EXAMPLES.alert);
    const { read } = await readAt(jan.session, roomId, genuine);
    expect(read.trust).toMatchObject({ level: "verified", memberState: "CL" });
    expect(read.content).toMatchObject({ status: "valid", kind: "alert" });
  });

  it("a cleartext copy of a genuine, Secretariat-countersigned advisory posted as the officer is not valid either", async () => {
    const roomId = roomOf(officer, "advisories:tourism");
    const { content } = await advisory("Genuine advisory, replayed in the clear");
    const asOfficer = (await matrixFetch<{ access_token: string }>({ baseUrl: hs.url }, "POST", `/_synapse/admin/v1/users/${encodeURIComponent(officer.session.userId)}/login`, {}, operatorToken)).access_token;
    const forged = await operatorPut(asOfficer, roomId, "m.room.message", buildEventContent("advisory", content, { roomCeiling: "AMBER" }));
    const { read } = await readAt(ana.session, roomId, forged);
    expect(read.trust.level).toBe("unencrypted");
    expect(read.content).toMatchObject({ status: "invalid", kind: "advisory" });
  });

  it("unsigned, replayed, lifted and uncross-signed acknowledgements forged for Chile leave Chile's coverage unchanged", async () => {
    const roomId = roomOf(officer, "advisories:tourism");
    const earlier = await advisory("Earlier advisory");
    const target = await advisory("Target advisory");
    await eventually(async () => ana.session.client.getRoom(roomId)?.findEventById(target.eventId), (e) => e !== undefined, 20_000);
    await eventually(async () => jan.session.client.getRoom(roomId)?.findEventById(target.eventId), (e) => e !== undefined, 20_000);
    // Genuine acks the operator can see (acks travel in the clear): Ana's of the earlier advisory,
    // Jan's of the target.
    const anaEarlier = await sendAck(ana.session, roomId, earlier.eventId);
    const janTarget = await sendAck(jan.session, roomId, target.eventId);
    const sigOf = async (eventId: string) => (await readAt(officer.session, roomId, eventId)).event.getContent()[ACK_SIGNATURE_KEY] as AckSignature;
    const anaSig = await sigOf(anaEarlier), janSig = await sigOf(janTarget);
    expect(anaSig.device_id).toBe(ana.session.deviceId);

    const before = await coverageAtOfficer(roomId, target.eventId);
    expect(before.status).toEqual({ CL: "pending", JM: "acknowledged" });

    const unsigned = await operatorPut(asAna, roomId, ACK_EVENT_TYPE, buildAckContent(target.eventId));
    const replayed = await operatorPut(asAna, roomId, ACK_EVENT_TYPE, buildAckContent(target.eventId, anaSig));
    const lifted = await operatorPut(asAna, roomId, ACK_EVENT_TYPE, buildAckContent(target.eventId, janSig));
    const garbage = await operatorPut(asAna, roomId, ACK_EVENT_TYPE, buildAckContent(target.eventId, { device_id: ana.session.deviceId, ed25519: anaSig.ed25519.replace(/^./, (c) => (c === "A" ? "B" : "A")) }));

    // The operator also holds the JWT secret: a new device for Ana, with real device keys, that Ana
    // never cross-signed. It signs a perfectly formed ack of the target.
    const login = await hs.admin.loginWithJwt(await mintLoginJwt(hs.jwtSecret, ana.session.userId.slice(1).split(":")[0]!), "operator's device");
    const rogue = await openSession({ baseUrl: hs.url, userId: login.user_id, deviceId: login.device_id, accessToken: login.access_token, secretariatKeys: [plane.ctx.keys.secretariat.publicKey] });
    let uncrossSigned: string;
    try {
      // Let the officer's crypto learn the new device, so the verdict is about its cross-signature.
      await eventually(async () => (await officer.session.client.getCrypto()!.getUserDeviceInfo([ana.session.userId])).get(ana.session.userId)?.has(login.device_id), (v) => v === true, 20_000, 100);
      uncrossSigned = await sendAck(rogue, roomId, target.eventId);
    } finally { rogue.stop(); }

    const reasons: Record<string, string> = {};
    for (const [name, id] of Object.entries({ unsigned, replayed, lifted, garbage, uncrossSigned })) {
      const { read } = await readAt(officer.session, roomId, id);
      expect(read.content).toMatchObject({ status: "valid", kind: "ack" });
      expect(read.trust.level).not.toBe("verified");
      reasons[name] = (read.trust as { reason: string }).reason;
    }
    expect(reasons).toEqual({
      unsigned: "acknowledgement not signed by the acknowledging device: it does not count",
      replayed: "the acknowledgement's device signature is not valid for this advisory",
      lifted: "acknowledgement signed by a device this client does not know",
      garbage: "the acknowledgement's device signature is not valid for this advisory",
      uncrossSigned: "acknowledgement signed by a device its owner has not cross-signed",
    });

    const after = await coverageAtOfficer(roomId, target.eventId);
    expect(after.status).toEqual({ CL: "pending", JM: "acknowledged" });
    expect(after.tally.notCounted.map((n) => n.eventId).sort()).toEqual([unsigned, replayed, lifted, garbage, uncrossSigned].sort());
    // Ana's own client does not take the forgeries for her acknowledgement either.
    const atAna = await Promise.all([unsigned, replayed, uncrossSigned].map(async (id) => (await readAt(ana.session, roomId, id)).read.trust.level));
    expect(atAna.every((l) => l !== "verified")).toBe(true);
  });

  it("a real acknowledgement signed by the focal point's cross-signed device is counted for Chile", async () => {
    const roomId = roomOf(officer, "advisories:tourism");
    const { eventId } = await advisory("Acknowledged for real");
    await eventually(async () => ana.session.client.getRoom(roomId)?.findEventById(eventId), (e) => e !== undefined, 20_000);
    expect((await coverageAtOfficer(roomId, eventId)).status).toEqual({ CL: "pending", JM: "pending" });
    const ack = await sendAck(ana.session, roomId, eventId);
    const { read } = await readAt(officer.session, roomId, ack);
    expect(read.encrypted).toBe(false);
    expect(read.trust).toMatchObject({ level: "verified", memberState: "CL" });
    expect((await coverageAtOfficer(roomId, eventId)).status).toEqual({ CL: "acknowledged", JM: "pending" });
  });
});
