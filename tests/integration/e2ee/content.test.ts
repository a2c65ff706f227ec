import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { Method, type MatrixEvent } from "matrix-js-sdk";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, api, type TestPlane } from "../../helpers/control-plane.js";
import { acquaintedMembers, roomsReady, requestForRegisteredEvent, type Member } from "../../helpers/e2ee.js";
import { sendContent, sendAck } from "#shared/matrix/send.js";
import { nextEvent, readEvent } from "#shared/matrix/receive.js";
import { findRoomByKey, waitForRoom } from "#shared/matrix/rooms.js";
import { signInThroughControlPlane } from "#shared/matrix/session.js";
import { restoreFromRecoveryKey, isCrossSigned } from "#shared/matrix/first-run.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { publishAdvisory } from "#shared/matrix/advisories.js";
import { shareDocument, fetchDocument } from "#shared/matrix/documents.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { computeCoverage } from "#shared/content/coverage.js";
import { TlpCeilingError } from "#shared/content/tlp.js";
import { buildEventContent } from "#shared/content/event.js";
import { UnknownMajorEventError } from "#shared/matrix/registry.js";
import { ACK_EVENT_TYPE } from "#shared/content/ack.js";
import type { MessageKind } from "#shared/content/types.js";

describe("end-to-end encrypted content between vetted members", () => {
  let hs: TestSynapse, plane: TestPlane;
  let ana: Member, jan: Member, bea: Member, officer: Member;
  const ROOMS = ["space", "network:tourism", "advisories:tourism"];
  const roomOf = (m: Member, key: string) => findRoomByKey(m.session.client, key)!.roomId;

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    await roomsReady(plane);
    [ana, jan, bea, officer] = await acquaintedMembers(
      plane,
      ROOMS,
      { roles: [role.focal("CL", "tourism")], state: "CL" },
      { roles: [role.focal("JM", "tourism")], state: "JM" },
      { roles: [role.focal("BR", "tourism")], state: "BR" },
      { roles: [role.officer("tourism")], state: null },
    );
  }, 240_000);
  afterAll(async () => {
    for (const m of [ana, jan, bea, officer]) m?.session.stop();
    await plane?.close();
    await hs?.close();
  });

  /** Sends with `from`, returns what each other member read. */
  async function roundTrip(from: Member, roomKey: string, send: (roomId: string) => Promise<string>, to = [ana, jan, bea, officer]) {
    const roomId = roomOf(from, roomKey);
    let sentId = "";
    const readers = to.filter((m) => m !== from);
    // Sent from here on (same machine, same clock): a late copy of an earlier test's event must not match.
    const since = Date.now() - 5;
    const waits = readers.map((m) =>
      nextEvent(m.session, roomId, (e: MatrixEvent) => e.getSender() === from.session.userId && e.getTs() >= since && (!sentId || e.getId() === sentId)),
    );
    sentId = await send(roomId);
    return { eventId: sentId, received: await Promise.all(waits) };
  }

  it("every message content type is decrypted, valid and verified at every other member", async () => {
    const request = await roundTrip(ana, "network:tourism", async (r) =>
      sendContent(ana.session, r, "expertise.request", await requestForRegisteredEvent(plane, ana.personId)),
    );
    const incident = await roundTrip(jan, "network:tourism", (r) => sendContent(jan.session, r, "incident", EXAMPLES.incident));
    const kinds: Array<[Member, MessageKind, unknown]> = [
      [ana, "alert", EXAMPLES.alert],
      [jan, "incident.update", { ...EXAMPLES["incident.update"], incidentEventId: incident.eventId }],
      [bea, "expertise.offer", { ...EXAMPLES["expertise.offer"], requestEventId: request.eventId }],
      [ana, "expertise.status", { ...EXAMPLES["expertise.status"], requestEventId: request.eventId }],
    ];
    const results = [request, incident];
    for (const [from, kind, content] of kinds)
      results.push(await roundTrip(from, "network:tourism", (r) => sendContent(from.session, r, kind, content as never)));
    const states = { [ana.session.userId]: "CL", [jan.session.userId]: "JM", [bea.session.userId]: "BR" };
    for (const { received } of results) {
      for (const r of received) {
        expect(r.encrypted).toBe(true);
        expect(r.content.status).toBe("valid");
        expect(r.trust).toMatchObject({ level: "verified", memberState: states[r.sender] });
      }
    }
    expect(results.map((x) => x.received[0].content.status === "valid" && x.received[0].content.kind)).toEqual([
      "expertise.request",
      "incident",
      "alert",
      "incident.update",
      "expertise.offer",
      "expertise.status",
    ]);
  });

  it("an expertise request must name a major event of the registry, with the registry's facts", async () => {
    const roomId = roomOf(ana, "network:tourism");
    const unknown = { ...EXAMPLES["expertise.request"], eventId: randomUUID() };
    await expect(sendContent(ana.session, roomId, "expertise.request", unknown)).rejects.toThrow(UnknownMajorEventError);
    const real = await requestForRegisteredEvent(plane, ana.personId);
    await expect(sendContent(ana.session, roomId, "expertise.request", { ...real, hostState: "JM" })).rejects.toThrow(/host state differ/);

    // A member whose client skips the check: every reader marks the request invalid, with the reason.
    const raw = (content: typeof real) => (r: string) =>
      ana.session.client
        .sendEvent(r, "m.room.message" as any, buildEventContent("expertise.request", content, { roomCeiling: "AMBER" }) as any)
        .then((x) => x.event_id);
    const forged = await roundTrip(ana, "network:tourism", raw(unknown));
    for (const r of forged.received)
      expect(r.content).toEqual({ status: "invalid", kind: "expertise.request", reason: "the major event is not in the registry" });
    const dressedUp = await roundTrip(ana, "network:tourism", raw({ ...real, eventName: "G20 Summit", startDate: "2027-07-01" }));
    for (const r of dressedUp.received)
      expect(r.content).toMatchObject({ status: "invalid", reason: "the name, start date differ from the registry's major event" });
    const genuine = await roundTrip(ana, "network:tourism", raw(real));
    for (const r of genuine.received) expect(r.content).toMatchObject({ status: "valid", kind: "expertise.request" });
  });

  it("a lessons-learned document travels encrypted, downloads intact, and a changed byte is refused", async () => {
    const bytes = randomBytes(200_000);
    const { received } = await roundTrip(ana, "network:tourism", (r) =>
      shareDocument(
        ana.session,
        r,
        { bytes, filename: "lecciones.pdf", mimetype: "application/pdf" },
        {
          tlp: "GREEN",
          title: "Lessons learned",
          event: "Final",
          date: "2024-07-14",
          topics: ["crowd management"],
          language: "es",
          summary: "Staggered entry works.",
        },
      ),
    );
    for (const r of received) {
      expect(r.content).toMatchObject({ status: "valid", kind: "document" });
      const doc = (r.content as { content: any }).content;
      expect(Buffer.from(await fetchDocument(jan.session, doc)).equals(bytes)).toBe(true);
      const tampered = { ...doc, file: { ...doc.file, hashes: { sha256: Buffer.alloc(32, 1).toString("base64").replace(/=+$/, "") } } };
      await expect(fetchDocument(jan.session, tampered)).rejects.toThrow(/integrity/);
    }
  });

  it("a signed advisory is acknowledged by several states and coverage is computed, overdue included", async () => {
    // Far enough ahead that a slow machine never reaches it before "before" is computed; "after" moves the clock.
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const { received, eventId } = await roundTrip(officer, "advisories:tourism", (r) =>
      publishAdvisory(officer.session, officer.cp, r, {
        tlp: "AMBER",
        programCode: "tourism",
        title: "Heightened threat to fan zones",
        body: "Review barrier placement.",
        programs: ["tourism"],
        requiresAck: true,
        ackDeadline: deadline,
      }).then((x) => x.eventId),
    );
    for (const r of received) {
      expect(r.content).toMatchObject({ status: "valid", kind: "advisory", content: { number: 1 } });
      expect(r.trust.level).toBe("verified");
    }
    const roomId = roomOf(officer, "advisories:tourism");
    const acksSeen = new Promise<MatrixEvent[]>((resolve) => {
      const seen: MatrixEvent[] = [];
      const on = (e: MatrixEvent) => {
        if (e.getType() === ACK_EVENT_TYPE && e.getRoomId() === roomId) {
          seen.push(e);
          if (seen.length === 2) {
            officer.session.client.off("Room.timeline" as any, on);
            resolve(seen);
          }
        }
      };
      officer.session.client.on("Room.timeline" as any, on);
    });
    await sendAck(ana.session, roomOf(ana, "advisories:tourism"), eventId);
    await sendAck(jan.session, roomOf(jan, "advisories:tourism"), eventId);
    const acks = await Promise.all((await acksSeen).map((e) => readEvent(officer.session, e)));
    for (const a of acks) {
      expect(a.encrypted).toBe(false);
      expect(a.content).toMatchObject({ status: "valid", kind: "ack" });
    }
    const ackList = acks
      .filter((a) => a.trust.level === "verified")
      .map((a) => ({ state: (a.trust as { memberState: string }).memberState, at: new Date(a.ts) }));
    const before = computeCoverage({ advisory: { ackDeadline: deadline }, expectedStates: ["CL", "JM", "BR"], acks: ackList, now: new Date() });
    expect(before.states.map((s) => [s.state, s.status])).toEqual([
      ["CL", "acknowledged"],
      ["JM", "acknowledged"],
      ["BR", "pending"],
    ]);
    const after = computeCoverage({
      advisory: { ackDeadline: deadline },
      expectedStates: ["CL", "JM", "BR"],
      acks: ackList,
      now: new Date(Date.parse(deadline) + 1),
    });
    expect(after.states.find((s) => s.state === "BR")!.status).toBe("overdue");
  });

  it("a focal point cannot post in an advisories room (the homeserver refuses), and nobody can send above the room's TLP ceiling", async () => {
    await expect(sendContent(ana.session, roomOf(ana, "advisories:tourism"), "alert", EXAMPLES.alert)).rejects.toMatchObject({ httpStatus: 403 });
    await expect(sendContent(ana.session, roomOf(ana, "network:tourism"), "alert", { ...EXAMPLES.alert, tlp: "RED" })).rejects.toBeInstanceOf(TlpCeilingError);
  });

  it("the control plane countersigns advisories only for officers of the program, once per number", async () => {
    const r = await api(plane, "POST", "/api/advisories/numbers", { token: ana.cp.token, body: { programCode: "tourism" } });
    expect(r.status).toBe(403);
  });
  it("a member's new device reads earlier messages after restoring from the recovery key (server-side key backup)", async () => {
    const roomId = roomOf(ana, "network:tourism");
    // Jan's dehydrated device would hand the new laptop this key through Olm (away.test.ts): without
    // it, only the backup holds it, which is the path this test is about.
    await jan.session.client.http.authedRequest(
      Method.Delete,
      "/dehydrated_device",
      undefined,
      {},
      { prefix: "/_matrix/client/unstable/org.matrix.msc3814.v1" },
    );
    await eventually(
      async () => [...((await ana.session.client.getCrypto()!.getUserDeviceInfo([jan.session.userId], true)).get(jan.session.userId)?.values() ?? [])],
      (ds) => !ds.some((d) => d.dehydrated),
      20_000,
      250,
    );
    const earlier = await roundTrip(
      ana,
      "network:tourism",
      (r) => sendContent(ana.session, r, "alert", { ...EXAMPLES.alert, title: "Sent before the new laptop" }),
      [jan],
    );
    expect(earlier.received[0].content.status).toBe("valid");
    const laptop = await signInThroughControlPlane(jan.cp, { deviceName: "new laptop" });
    try {
      await waitForRoom(laptop.client, "network:tourism", 60_000);
      const old = () =>
        laptop.client
          .getRoom(roomId)
          ?.getLiveTimeline()
          .getEvents()
          .find((e) => e.getId() === earlier.eventId);
      await eventually(
        async () => old(),
        (e) => e !== undefined,
        20_000,
      );
      // Room keys were never shared with this device: without the backup the message stays closed.
      expect((await readEvent(laptop, old()!, 1_000)).content.status).toBe("invalid");
      // Jan's first device uploads its room keys to the backup in the background; restore once they are there.
      await eventually(
        () => restoreFromRecoveryKey(laptop, jan.recoveryKey),
        (r) => r.imported > 0,
        45_000,
        1_000,
      );
      // The device's cross-signature reaches this device's own view of itself shortly after the restore.
      await eventually(
        () => isCrossSigned(laptop),
        (signed) => signed,
        30_000,
        250,
      );
      // Jan's device may upload this room's key to the backup a moment after the others: until it is in
      // what was restored, fetch the backup again, then read (the SDK retries the event on new keys).
      const { value: r } = await eventually(
        async () => {
          const now = await readEvent(laptop, old()!, 1_000);
          if (now.content.status === "valid") return now;
          await laptop.client.getCrypto()!.restoreKeyBackup();
          return readEvent(laptop, old()!, 2_000);
        },
        (x) => x.content.status === "valid",
        45_000,
        500,
      );
      expect(r.content).toMatchObject({ status: "valid", kind: "alert", content: { title: "Sent before the new laptop" } });
      // The backup cannot prove which device sent it, the sending device's signature inside the content does.
      expect(r.trust).toMatchObject({ level: "verified", memberState: "CL" });
      // What arrives after the restore comes with its key from the sender's device: verified again.
      const later = await roundTrip(
        ana,
        "network:tourism",
        (rid) => sendContent(ana.session, rid, "alert", { ...EXAMPLES.alert, title: "After the restore" }),
        [jan],
      );
      const fresh = await readEvent(
        laptop,
        await eventually(
          async () => laptop.client.getRoom(roomId)?.findEventById(later.eventId),
          (e) => e !== undefined,
          20_000,
        ).then((x) => x.value!),
      );
      expect(fresh.trust).toMatchObject({ level: "verified", memberState: "CL" });
    } finally {
      laptop.stop();
    }
  });
});
