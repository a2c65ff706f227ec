import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createServer, type Server } from "node:http";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { MatrixEvent } from "matrix-js-sdk";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, type TestPlane } from "../../helpers/control-plane.js";
import { acquaintedMembers, roomsReady, type Member } from "../../helpers/e2ee.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { matrixFetch } from "#server/synapse/http.js";
import { mintLoginGrant } from "#server/synapse/admin-client.js";
import { sendContent, sendAck } from "#shared/matrix/send.js";
import { readEvent, type Received } from "#shared/matrix/receive.js";
import { trustOf } from "#shared/matrix/trust.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { openSession, loginThroughControlPlane, type EnlaceSession } from "#shared/matrix/session.js";
import { waitForRoom } from "#shared/matrix/rooms.js";
import { cryptoMasterKey } from "#shared/matrix/rust-crypto.js";
import { publishAdvisory } from "#shared/matrix/advisories.js";
import { tallyAcks } from "#shared/matrix/advisories.js";
import { computeCoverage } from "#shared/content/coverage.js";
import { ACK_EVENT_TYPE, ACK_SIGNATURE_KEY, buildAckContent, type AckSignature } from "#shared/content/ack.js";
import { buildEventContent } from "#shared/content/event.js";
import { EXAMPLES } from "#shared/content/examples.js";

/**
 * A homeserver that answers /keys/query two ways: the Rust crypto's own queries (batches of every
 * user it tracks) get the truth; a query about the victim alone (what a separate look-up of one
 * sender's master key sends) gets `stale`, the answer from before the operator replaced the victim's
 * cross-signing keys. A client that judged devices by one answer and compared master keys with
 * another would be fooled.
 */
async function splitViewProxy(target: string, victim: string) {
  const state = { stale: null as string | null, cryptoQueries: 0, otherQueries: 0 };
  const server: Server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      if (req.method === "POST" && req.url?.includes("/keys/query")) {
        const q = JSON.parse(body.toString("utf8") || "{}") as { device_keys?: Record<string, unknown> };
        const users = Object.keys(q.device_keys ?? {});
        if (!(users.length === 1 && users[0] === victim)) state.cryptoQueries++;
        else {
          state.otherQueries++;
          if (state.stale) {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(state.stale);
            return;
          }
        }
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !["host", "connection", "content-length"].includes(k))) as Record<
        string,
        string
      >;
      const r = await fetch(target + req.url, { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : body });
      res.writeHead(
        r.status,
        Object.fromEntries([...r.headers].filter(([k]) => !["content-encoding", "content-length", "transfer-encoding", "connection"].includes(k))),
      );
      res.end(Buffer.from(await r.arrayBuffer()));
    } catch (err) {
      res.writeHead(502);
      res.end(String(err));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    state,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}

/**
 * Issue 9, item 2: the operator of the Secretariat's homeserver (or anyone with a stolen access
 * token) posts under a focal point's name, in the clear, into encrypted Enlace rooms. Synapse's admin
 * API hands the operator an access token for any local user, with no device and no keys. Readers
 * must never call that content verified, and forged acknowledgements must not change coverage.
 */
describe("operator of the Secretariat's homeserver (issue 9 items 2 and 6)", () => {
  let hs: TestSynapse, plane: TestPlane;
  let ana: Member, jan: Member, officer: Member;
  let operatorToken: string; // a Synapse admin the operator made with the registration secret
  let asAna: string; // the access token the admin API gives the operator for Ana
  const ROOMS = ["space", "network:tourism", "advisories:tourism"];
  const roomOf = (m: Member, key: string) => findRoomByKey(m.session.client, key)!.roomId;

  /** The operator's raw client-server calls, with a token of their choosing. */
  const operatorPut = (token: string, roomId: string, type: string, content: unknown) =>
    matrixFetch<{ event_id: string }>(
      { baseUrl: hs.url },
      "PUT",
      `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(type)}/forged-${Math.random().toString(36).slice(2)}`,
      content,
      token,
    ).then((r) => r.event_id);

  /** How a member's own client reads an event once it has arrived. */
  async function readAt(s: EnlaceSession, roomId: string, eventId: string): Promise<{ event: MatrixEvent; read: Received }> {
    const { value } = await eventually(
      async () => s.client.getRoom(roomId)?.findEventById(eventId),
      (e) => e !== undefined,
      20_000,
      50,
    );
    return { event: value!, read: await readEvent(s, value!) };
  }

  /** Every acknowledgement the officer's client holds for the advisories room, read and judged. */
  async function acksAtOfficer(roomId: string): Promise<Received[]> {
    const events = officer.session.client
      .getRoom(roomId)!
      .getLiveTimeline()
      .getEvents()
      .filter((e) => e.getType() === ACK_EVENT_TYPE);
    return Promise.all(events.map((e) => readEvent(officer.session, e)));
  }

  const coverageAtOfficer = async (roomId: string, advisoryEventId: string) => {
    const tally = tallyAcks(await acksAtOfficer(roomId), advisoryEventId);
    const report = computeCoverage({ advisory: {}, expectedStates: ["CL", "JM"], acks: tally.counted, now: new Date() });
    return { tally, status: Object.fromEntries(report.states.map((s) => [s.state, s.status])) };
  };

  const advisory = (title: string) =>
    publishAdvisory(officer.session, officer.cp, roomOf(officer, "advisories:tourism"), {
      tlp: "AMBER",
      programCode: "tourism",
      title,
      body: "Review barrier placement.",
      programs: ["tourism"],
      requiresAck: true,
      ackDeadline: new Date(Date.now() + 86400_000).toISOString(),
    });

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    await roomsReady(plane);
    [ana, jan, officer] = await acquaintedMembers(
      plane,
      ROOMS,
      { roles: [role.focal("CL", "tourism")], state: "CL" },
      { roles: [role.focal("JM", "tourism")], state: "JM" },
      { roles: [role.officer("tourism")], state: null },
    );
    // The operator holds homeserver.yaml: the registration secret makes a Synapse admin...
    operatorToken = (await hs.admin.register(hs.registrationSharedSecret, `operator${Date.now()}`, true)).access_token;
    // ...and the admin API logs in as any local user (a token with no device, no keys).
    asAna = (
      await matrixFetch<{ access_token: string }>(
        { baseUrl: hs.url },
        "POST",
        `/_synapse/admin/v1/users/${encodeURIComponent(ana.session.userId)}/login`,
        {},
        operatorToken,
      )
    ).access_token;
  }, 240_000);
  afterAll(async () => {
    for (const m of [ana, jan, officer]) m?.session.stop();
    await plane?.close();
    await hs?.close();
  });

  describe("forges content and acknowledgements under a focal point's name (item 2)", () => {
    it("a cleartext alert posted as a vetted focal point through the admin API is 'unencrypted' and invalid at every reader, never verified", async () => {
      const roomId = roomOf(ana, "network:tourism");
      const whoami = await matrixFetch<{ user_id: string; device_id?: string }>(
        { baseUrl: hs.url },
        "GET",
        "/_matrix/client/v3/account/whoami",
        undefined,
        asAna,
      );
      expect(whoami.user_id).toBe(ana.session.userId);
      // A valid Enlace alert, exactly as Ana's client would build it, but in the clear (without the
      // coordinates: Synapse refuses floats in cleartext events, and the forger does not need them).
      const forged = await operatorPut(
        asAna,
        roomId,
        "m.room.message",
        buildEventContent(
          "alert",
          { ...EXAMPLES.alert, title: "Forged: evacuate the stadium", location: { text: "Estadio Nacional, Santiago" } },
          { roomCeiling: "AMBER" },
        ),
      );
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
      const asOfficer = (
        await matrixFetch<{ access_token: string }>(
          { baseUrl: hs.url },
          "POST",
          `/_synapse/admin/v1/users/${encodeURIComponent(officer.session.userId)}/login`,
          {},
          operatorToken,
        )
      ).access_token;
      const forged = await operatorPut(asOfficer, roomId, "m.room.message", buildEventContent("advisory", content, { roomCeiling: "AMBER" }));
      const { read } = await readAt(ana.session, roomId, forged);
      expect(read.trust.level).toBe("unencrypted");
      expect(read.content).toMatchObject({ status: "invalid", kind: "advisory" });
    });

    it("unsigned, replayed, lifted and uncross-signed acknowledgements forged for Chile leave Chile's coverage unchanged", async () => {
      const roomId = roomOf(officer, "advisories:tourism");
      const earlier = await advisory("Earlier advisory");
      const target = await advisory("Target advisory");
      await eventually(
        async () => ana.session.client.getRoom(roomId)?.findEventById(target.eventId),
        (e) => e !== undefined,
        20_000,
      );
      await eventually(
        async () => jan.session.client.getRoom(roomId)?.findEventById(target.eventId),
        (e) => e !== undefined,
        20_000,
      );
      // Genuine acks the operator can see (acks travel in the clear): Ana's of the earlier advisory,
      // Jan's of the target.
      const anaEarlier = await sendAck(ana.session, roomId, earlier.eventId);
      const janTarget = await sendAck(jan.session, roomId, target.eventId);
      const sigOf = async (eventId: string) => (await readAt(officer.session, roomId, eventId)).event.getContent()[ACK_SIGNATURE_KEY] as AckSignature;
      const anaSig = await sigOf(anaEarlier),
        janSig = await sigOf(janTarget);
      expect(anaSig.device_id).toBe(ana.session.deviceId);

      const before = await coverageAtOfficer(roomId, target.eventId);
      expect(before.status).toEqual({ CL: "pending", JM: "acknowledged" });

      const unsigned = await operatorPut(asAna, roomId, ACK_EVENT_TYPE, buildAckContent(target.eventId));
      const replayed = await operatorPut(asAna, roomId, ACK_EVENT_TYPE, buildAckContent(target.eventId, anaSig));
      const lifted = await operatorPut(asAna, roomId, ACK_EVENT_TYPE, buildAckContent(target.eventId, janSig));
      const garbage = await operatorPut(
        asAna,
        roomId,
        ACK_EVENT_TYPE,
        buildAckContent(target.eventId, { device_id: ana.session.deviceId, ed25519: anaSig.ed25519.replace(/^./, (c) => (c === "A" ? "B" : "A")) }),
      );

      // The operator also holds the JWT secret: a new device for Ana, with real device keys, that Ana
      // never cross-signed. It signs a perfectly formed ack of the target.
      const login = await hs.admin.loginWithGrant(await mintLoginGrant(hs.jwtSecret, ana.session.userId.slice(1).split(":")[0]!), "operator's device");
      const rogue = await openSession({
        baseUrl: hs.url,
        userId: login.user_id,
        deviceId: login.device_id,
        accessToken: login.access_token,
        secretariatKeys: [plane.ctx.keys.secretariat.publicKey],
      });
      let uncrossSigned: string;
      try {
        // Let the officer's crypto learn the new device, so the verdict is about its cross-signature.
        await eventually(
          async () => (await officer.session.client.getCrypto()!.getUserDeviceInfo([ana.session.userId])).get(ana.session.userId)?.has(login.device_id),
          (v) => v === true,
          20_000,
          100,
        );
        uncrossSigned = await sendAck(rogue, roomId, target.eventId);
      } finally {
        rogue.stop();
      }

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
      await eventually(
        async () => ana.session.client.getRoom(roomId)?.findEventById(eventId),
        (e) => e !== undefined,
        20_000,
      );
      expect((await coverageAtOfficer(roomId, eventId)).status).toEqual({ CL: "pending", JM: "pending" });
      const ack = await sendAck(ana.session, roomId, eventId);
      const { read } = await readAt(officer.session, roomId, ack);
      expect(read.encrypted).toBe(false);
      expect(read.trust).toMatchObject({ level: "verified", memberState: "CL" });
      expect((await coverageAtOfficer(roomId, eventId)).status).toEqual({ CL: "acknowledged", JM: "pending" });
    });
  });

  describe("shows the Rust crypto one cross-signing identity and the rest of the client another (item 6)", () => {
    it("a device cross-signed by a replacement master key does not count, although a separate /keys/query answers with the credential's key", async () => {
      const roomId = roomOf(officer, "advisories:tourism");
      const { eventId } = await advisory("Advisory for the split view");
      const original = ana.masterKey;
      const proxy = await splitViewProxy(hs.url, ana.session.userId);
      // Before the swap: what the homeserver said about Ana's keys (the credential's master key).
      proxy.state.stale = JSON.stringify(
        await matrixFetch({ baseUrl: hs.url }, "POST", "/_matrix/client/v3/keys/query", { device_keys: { [ana.session.userId]: [] } }, operatorToken),
      );
      // Replacing cross-signing keys needs interactive authentication, which nobody can pass here (no
      // passwords on this homeserver). The operator owns the database: drop Ana's cross-signing keys
      // while Synapse is stopped, and the next upload is a "first" one that needs none (MSC3967).
      await hs.stop();
      execFileSync("python3", [
        "-c",
        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM e2e_cross_signing_keys WHERE user_id=?', (sys.argv[2],)); c.commit()",
        join(hs.dataDir, "homeserver.db"),
        ana.session.userId,
      ]);
      await hs.restart();
      const login = await hs.admin.loginWithGrant(await mintLoginGrant(hs.jwtSecret, ana.session.userId.slice(1).split(":")[0]!), "operator's second device");
      const rogue = await openSession({
        baseUrl: hs.url,
        userId: login.user_id,
        deviceId: login.device_id,
        accessToken: login.access_token,
        secretariatKeys: [plane.ctx.keys.secretariat.publicKey],
      });
      // A reader (a new device of the officer) whose homeserver traffic the operator controls.
      const readerLogin = await loginThroughControlPlane(officer.cp, { deviceName: "reader behind the operator" });
      let reader: EnlaceSession | null = null;
      try {
        // Ana's secret storage would want the new private keys; the rogue device simply unsets it.
        await rogue.client.setAccountData("m.secret_storage.default_key" as any, {} as any);
        await rogue.client.getCrypto()!.bootstrapCrossSigning({
          setupNewCrossSigning: true,
          authUploadDeviceSigningKeys: async (mk) => {
            await mk(null);
          },
        });
        const replacement = await rogue.client.getCrypto()!.getCrossSigningKeyId();
        expect(replacement).toBeTruthy();
        expect(replacement).not.toBe(original);
        reader = await openSession({ ...readerLogin, baseUrl: proxy.url });
        await waitForRoom(reader.client, "advisories:tourism", 60_000);
        const r = reader;
        // The reader's crypto holds the replacement identity, under which the rogue device is cross-signed...
        await eventually(
          () => cryptoMasterKey(r.client, ana.session.userId),
          (k) => k === replacement,
          20_000,
          200,
        );
        await eventually(
          async () => (await r.client.getCrypto()!.getDeviceVerificationStatus(ana.session.userId, login.device_id))?.signedByOwner,
          (v) => v === true,
          20_000,
          200,
        );
        // ...while any other key query about Ana answers with the key her credential names.
        const other = (await r.client.downloadKeysForUsers([ana.session.userId])) as { master_keys?: Record<string, { keys: Record<string, string> }> };
        expect(Object.values(other.master_keys?.[ana.session.userId]?.keys ?? {})).toEqual([original]);
        expect(proxy.state.cryptoQueries).toBeGreaterThan(0);

        const ack = await sendAck(rogue, roomId, eventId);
        const { value: ev } = await eventually(
          async () => r.client.getRoom(roomId)?.findEventById(ack),
          (e) => e !== undefined,
          20_000,
          50,
        );
        const read = await readEvent(r, ev!);
        expect(read.trust).toEqual({ level: "unverified", reason: "sender's cross-signing key does not match their credential" });
        expect(tallyAcks([read], eventId).counted).toEqual([]);
        // And the officer's own device, talking to the homeserver directly, agrees.
        expect((await coverageAtOfficer(roomId, eventId)).status).toEqual({ CL: "pending", JM: "pending" });
      } finally {
        reader?.stop();
        rogue.stop();
        await proxy.close();
      }
    }, 120_000);
  });
});
