import { describe, it, expect, beforeAll, afterAll, inject } from "vitest";
import { randomBytes } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { createClient, MatrixEvent, ClientEvent, SyncState, type MatrixClient } from "matrix-js-sdk";
import { AllDevicesIsolationMode } from "matrix-js-sdk/lib/crypto-api/index.js";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, api, actor, type TestPlane } from "../../helpers/control-plane.js";
import { member, credentialsPublished, roomsReady, requestForRegisteredEvent, type Member } from "../../helpers/e2ee.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { sendContent } from "#shared/matrix/send.js";
import { nextEvent, readEvent } from "#shared/matrix/receive.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { openSession, grantLoginBody } from "#shared/matrix/session.js";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { shareDocument } from "#shared/matrix/documents.js";
import { publishAdvisory } from "#shared/matrix/advisories.js";
import { EXAMPLES, EXAMPLE_UNSIGNED_ADVISORY } from "#shared/content/examples.js";
import { buildEventContent } from "#shared/content/event.js";
import { signAdvisory } from "#shared/content/advisory-signature.js";
import { generateSigningKeyPair } from "#shared/crypto/sign.js";
import { signCredential, credentialStateKey, CREDENTIAL_TYPE } from "#shared/credentials/credential.js";

async function filesContaining(dir: string, needle: Buffer): Promise<string[]> {
  const hits: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && (await stat(p)).size < 512 * 1024 * 1024 && (await readFile(p)).includes(needle)) hits.push(p);
    }
  };
  await walk(dir);
  return hits;
}

describe("confidentiality and hostile input", () => {
  let hs: TestSynapse, plane: TestPlane;
  let ana: Member, jan: Member, bea: Member, officer: Member;
  const logLines: string[] = [];
  let cleanupReconciler: (() => Promise<void>) | null = null;
  const ROOMS = ["space", "network:tourism"];
  const roomOf = (m: Member, key: string) => findRoomByKey(m.session.client, key)!.roomId;

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({
      synapse: hs,
      logSink: {
        write: (l) => {
          logLines.push(l);
        },
      },
    });
    await roomsReady(plane);
    [ana, jan, bea, officer] = await Promise.all([
      member(plane, [role.focal("CL", "tourism")], "CL", ROOMS),
      member(plane, [role.focal("JM", "tourism")], "JM", ROOMS),
      member(plane, [role.focal("BR", "tourism")], "BR", ROOMS),
      member(plane, [role.officer("tourism")], null, [...ROOMS, "advisories:tourism"]),
    ]);
    const t0 = Date.now();
    for (const m of [ana, jan, bea, officer]) {
      await credentialsPublished(m.session, [ana, jan, bea, officer]).catch((err) => {
        // The reconciler's own account of the delay (job failures are logged with their reason).
        throw new Error(
          `${(err as Error).message}\n${logLines
            .filter((l) => /reconcile|person/i.test(l))
            .slice(-20)
            .join("")}`,
        );
      });
    }
    console.log(`credentials with master keys seen by all four in ${Date.now() - t0} ms`);
  }, 240_000);
  afterAll(async () => {
    for (const m of [ana, jan, bea, officer]) m?.session.stop();
    await cleanupReconciler?.();
    await plane?.close();
    await hs?.close();
  });

  it("canary: a unique string in every content type and a document never reaches Synapse's or the control plane's storage or logs", async () => {
    const canary = `canary-${randomBytes(12).toString("hex")}`;
    const roomId = roomOf(ana, "network:tourism");
    const incident = await sendContent(ana.session, roomId, "incident", { ...EXAMPLES.incident, title: canary, what: canary });
    const request = await sendContent(ana.session, roomId, "expertise.request", { ...(await requestForRegisteredEvent(plane, ana.personId)), details: canary });
    await sendContent(ana.session, roomId, "alert", { ...EXAMPLES.alert, title: canary, summary: canary });
    await sendContent(ana.session, roomId, "incident.update", { ...EXAMPLES["incident.update"], incidentEventId: incident, text: canary });
    await sendContent(ana.session, roomId, "expertise.offer", { ...EXAMPLES["expertise.offer"], requestEventId: request, note: canary });
    await sendContent(ana.session, roomId, "expertise.status", { ...EXAMPLES["expertise.status"], requestEventId: request, note: canary });
    await shareDocument(
      ana.session,
      roomId,
      { bytes: Buffer.from(`${canary} `.repeat(5000)), filename: `${canary}.txt`, mimetype: "text/plain" },
      { tlp: "GREEN", title: canary, event: canary, date: "2024-07-14", topics: [canary], language: "en", summary: canary },
    );
    await publishAdvisory(officer.session, officer.cp, roomOf(officer, "advisories:tourism"), {
      ...EXAMPLE_UNSIGNED_ADVISORY,
      requiresAck: false,
      ackDeadline: undefined,
      title: canary,
      body: canary,
      programs: ["tourism"],
    });
    // Make sure everything arrived (and was processed server-side) before looking.
    await nextEvent(
      jan.session,
      roomId,
      (e) => e.getSender() === ana.session.userId && e.getType() === "m.room.encrypted" && e.getClearContent()?.msgtype === "m.file",
      20_000,
    ).catch(() => null);
    await hs.stop(); // flush SQLite WAL and logs
    const needle = Buffer.from(canary);
    expect(await filesContaining(hs.dataDir, needle)).toEqual([]);
    await hs.restart();
    const pgDir = inject("pgDataDir");
    if (pgDir) {
      await plane.ctx.db.query("CHECKPOINT");
      expect(await filesContaining(pgDir, needle)).toEqual([]);
    }
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => l.includes(canary))).toEqual([]);
  }, 120_000);

  it("a standard matrix-js-sdk client (no Enlace code) reads the plain fallback", async () => {
    const eve = await actor(plane, [role.focal("UY", "tourism")], "UY");
    const grant = await new ControlPlaneClient(plane.url, eve.token).matrixSession();
    const login = await createClient({ baseUrl: grant.homeserverUrl }).loginRequest(grantLoginBody(grant));
    const plain: MatrixClient = createClient({
      baseUrl: grant.homeserverUrl,
      userId: login.user_id,
      deviceId: login.device_id,
      accessToken: login.access_token,
    });
    await plain.initRustCrypto({ useIndexedDB: false });
    await plain.startClient();
    await new Promise<void>((r) =>
      plain.on(ClientEvent.Sync, (s: SyncState) => {
        if (s === SyncState.Prepared) r();
      }),
    );
    await plain.getCrypto()!.bootstrapCrossSigning({
      authUploadDeviceSigningKeys: async (mk) => {
        await mk(null);
      },
    });
    try {
      const room = await eventually(
        async () =>
          plain
            .getRooms()
            .find(
              (r) => r.currentState.getStateEvents("org.oas.enlace.room.key", "")?.getContent().key === "network:tourism" && r.getMyMembership() === "join",
            ),
        (r) => !!r,
        30_000,
        100,
      );
      const roomId = room.value!.roomId;
      const got = new Promise<MatrixEvent>((resolve) =>
        plain.on("Room.timeline" as any, (e: MatrixEvent) => {
          if (e.getRoomId() !== roomId || e.getSender() !== ana.session.userId) return;
          const check = () => {
            if (!e.isBeingDecrypted() && !e.isDecryptionFailure() && e.getClearContent()) resolve(e);
          };
          e.on("Event.decrypted" as any, check);
          check();
        }),
      );
      // Ana's client must know the new device is cross-signed before it shares a room key with it.
      await eventually(
        async () => (await ana.session.client.getCrypto()!.getDeviceVerificationStatus(login.user_id, login.device_id))?.signedByOwner,
        (v) => v === true,
        20_000,
        100,
      );
      await sendContent(ana.session, roomId, "alert", EXAMPLES.alert);
      const e = await got;
      expect(e.getContent().msgtype).toBe("m.text");
      expect(e.getContent().body).toMatch(/ALERT \[TLP:AMBER\] HIGH — Reported surveillance of stadium entrances/);
      expect(e.getContent().formatted_body).toContain("<strong>");
    } finally {
      plain.stopClient();
    }
  }, 90_000);

  it("a device its owner never cross-signed gets no room keys, and what it sends is not trusted", async () => {
    const cp = jan.cp;
    const grant = await cp.matrixSession();
    const login = await createClient({ baseUrl: grant.homeserverUrl }).loginRequest(grantLoginBody(grant));
    const rogue = await openSession({
      baseUrl: grant.homeserverUrl,
      userId: login.user_id,
      deviceId: login.device_id,
      accessToken: login.access_token,
      secretariatKeys: [grant.secretariatKey],
    });
    // An attacker's client would not honour our isolation mode when sending.
    rogue.client.getCrypto()!.setDeviceIsolationMode(new AllDevicesIsolationMode(false));
    try {
      const roomId = roomOf(ana, "network:tourism");
      await new Promise((r) => setTimeout(r, 1500));
      const atRogue = nextEvent(rogue, roomId, (e) => e.getSender() === ana.session.userId, 20_000);
      await sendContent(ana.session, roomId, "alert", EXAMPLES.alert);
      const seen = await atRogue;
      expect(seen.content.status).toBe("invalid"); // no key: nothing readable
      expect(seen.content.status === "invalid" && seen.content.reason).toMatch(/could not decrypt/);

      const atAna = nextEvent(ana.session, roomId, (e) => e.getSender() === jan.session.userId, 20_000);
      await rogue.client.sendEvent(roomId, "m.room.message" as any, buildEventContent("alert", EXAMPLES.alert, { roomCeiling: "AMBER" }) as any);
      const fromRogue = await atAna;
      expect(fromRogue.trust.level).not.toBe("verified");
      expect(fromRogue.content.status).toBe("invalid");
    } finally {
      rogue.stop();
    }
  }, 90_000);

  it("a hostile member's malformed, oversized and forged content is marked invalid and nothing breaks; the forged credential is healed", async () => {
    const roomId = roomOf(bea, "network:tourism");
    const rogueKey = await generateSigningKeyPair();
    const forgedAdvisory = await signAdvisory(rogueKey.secretKey, EXAMPLE_UNSIGNED_ADVISORY);
    const hostile: Array<Record<string, unknown>> = [
      { msgtype: "m.text", body: "x", "org.oas.enlace.alert": { version: 1, tlp: "AMBER", title: 123 } },
      { msgtype: "m.text", body: "x", "org.oas.enlace.alert": { ...EXAMPLES.alert, title: "x".repeat(30_000) } },
      { msgtype: "m.text", body: "x", "org.oas.enlace.advisory": forgedAdvisory },
      { msgtype: "m.text", body: "x", "org.oas.enlace.incident": { ...EXAMPLES.incident, __proto__: { polluted: true }, extra: 1 } },
    ];
    const results = [];
    for (const content of hostile) {
      const wait = nextEvent(ana.session, roomId, (e) => e.getSender() === bea.session.userId);
      await bea.session.client.sendEvent(roomId, "m.room.message" as any, content as any);
      results.push(await wait);
    }
    for (const r of results) expect(r.content.status).toBe("invalid");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // A homeserver administrator slips a credential signed by another key into the Space. (The
    // reconciler would put the genuine one back on its next sweep; it is paused to look at the forgery.)
    await plane.link!.reconciler.stop();
    const space = findRoomByKey(ana.session.client, "space")!.roomId;
    const fake = await signCredential(rogueKey.secretKey, rogueKey.publicKey, {
      v: 1,
      type: CREDENTIAL_TYPE,
      serial: 99,
      userId: bea.session.userId,
      personId: bea.personId,
      memberState: "US",
      programs: ["tourism"],
      roles: [{ role: "secretariat_officer", program: "tourism" }],
      issuedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 86400_000).toISOString(),
      masterKey: bea.masterKey,
    });
    await hs.admin.putState(space, CREDENTIAL_TYPE, credentialStateKey(bea.session.userId), fake);
    await eventually(
      async () =>
        findRoomByKey(ana.session.client, "space")!.currentState.getStateEvents(CREDENTIAL_TYPE, credentialStateKey(bea.session.userId))?.getContent().signature
          ?.publicKey,
      (k) => k === rogueKey.publicKey,
      10_000,
    );
    const wait = nextEvent(ana.session, roomId, (e) => e.getSender() === bea.session.userId);
    await sendContent(bea.session, roomId, "alert", EXAMPLES.alert);
    const forged = await wait;
    expect(forged.trust).toEqual({ level: "invalid", reason: "signed by a key that is not the Secretariat's" });
    // The reconciler resumes and puts the genuine credential back (a forgery is not "up to date").
    const { startReconciler } = await import("#server/jobs/reconciler.js");
    const resumed = await startReconciler(plane.ctx, plane.link!.boss, plane.link!.hs);
    cleanupReconciler = () => resumed.stop();
    await eventually(
      async () =>
        findRoomByKey(ana.session.client, "space")!.currentState.getStateEvents(CREDENTIAL_TYPE, credentialStateKey(bea.session.userId))?.getContent().signature
          ?.publicKey,
      (k) => k === plane.ctx.keys.secretariat.publicKey,
      90_000,
      200,
    );

    // And the reader keeps working.
    const ok = nextEvent(ana.session, roomId, (e) => e.getSender() === jan.session.userId);
    await sendContent(jan.session, roomId, "alert", EXAMPLES.alert);
    expect((await ok).trust.level).toBe("verified");
  }, 90_000);

  it("after revocation, the revoked person's device cannot decrypt anything sent later", async () => {
    const roomId = roomOf(ana, "network:tourism");
    const officerToken = officer.cp.token!;
    expect((await api(plane, "POST", `/api/people/${bea.personId}/revoke`, { token: officerToken, body: { reason: "test" } })).status).toBe(200);
    await eventually(
      async () => (await hs.admin.roomMembers(roomId)).members,
      (m) => !m.includes(bea.session.userId),
      10_000,
      50,
    );
    await new Promise((r) => setTimeout(r, 500));
    const eventId = await sendContent(ana.session, roomId, "alert", { ...EXAMPLES.alert, title: "after revocation" });
    const raw = await fetch(`${hs.url}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/event/${encodeURIComponent(eventId)}`, {
      headers: { authorization: `Bearer ${ana.session.client.getAccessToken()}` },
    }).then((r) => r.json());
    const ev = new MatrixEvent(raw);
    await bea.session.client.decryptEventIfNeeded(ev).catch(() => {});
    expect(ev.isDecryptionFailure()).toBe(true);
    const read = await readEvent(bea.session, new MatrixEvent(raw), 2000);
    expect(read.content.status).toBe("invalid");
  }, 60_000);
});
