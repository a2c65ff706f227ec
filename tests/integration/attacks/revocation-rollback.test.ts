import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { MatrixEvent } from "matrix-js-sdk";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, role, api, actor, type TestPlane, type Actor } from "../../helpers/control-plane.js";
import { acquaintedMembers, roomsReady, type Member } from "../../helpers/e2ee.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { sendContent } from "#shared/matrix/send.js";
import { nextEvent } from "#shared/matrix/receive.js";
import { findRoomByKey, waitForRoom } from "#shared/matrix/rooms.js";
import { signInThroughControlPlane } from "#shared/matrix/session.js";
import { trustOf } from "#shared/matrix/trust.js";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { CREDENTIAL_TYPE, REVOCATIONS_TYPE, credentialStateKey, verifyRevocationList, type SignedRevocationList } from "#shared/credentials/credential.js";
import { memoryRevocationStore, REVOCATION_MAX_AGE_MS } from "#shared/credentials/revocation-status.js";
import { startRevocationRefresh, RESIGN_AFTER_MS } from "#server/jobs/revocation-refresh.js";
import { startReconciler } from "#server/jobs/reconciler.js";

/**
 * Issue 9 item 4. The operator of the Secretariat's homeserver can write any state into the Space
 * (here with the registry bot's admin token, as Synapse's admin would): put an older signed
 * revocation list back, or empty it, to make a revoked focal point look vetted again. Readers keep
 * the highest list they have seen per Secretariat key and treat a missing or day-old list as
 * "revocation status unknown", which is never "verified".
 */
describe("operator of the Secretariat's homeserver vs the revocation list (issue 9 item 4)", () => {
  let hs: TestSynapse, plane: TestPlane;
  let ana: Member, bea: Member, jan: Member, officer: Actor;
  let spaceId: string, roomId: string;
  let beaAlert: MatrixEvent, janAlert: MatrixEvent;
  let listBefore: SignedRevocationList, beaCredential: Record<string, unknown>;
  const stops: Array<() => Promise<void>> = [];
  const ROOMS = ["space", "network:tourism"];
  const spaceState = (s: EnlaceSession, type: string, key = "") => findRoomByKey(s.client, "space")?.currentState.getStateEvents(type, key)?.getContent();
  /** A reader with no memory of earlier lists and no control plane to ask (a standalone reader, or the control plane unreachable). */
  const freshReader = (m: Member): EnlaceSession => ({ ...m.session, revocations: memoryRevocationStore() });
  const storedHead = async () => (await plane.ctx.db.query("SELECT serial, issued_at FROM revocation_list")).rows[0] as { serial: number; issued_at: Date };

  /** Stopped workers finish the job in hand: wait for it, or it could undo the operator's write. */
  const jobsIdle = () =>
    eventually(
      async () => (await plane.ctx.db.query("SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'active'")).rows[0].n,
      (n) => n === 0,
      60_000,
      100,
    );

  async function alertFrom(sender: Member, title: string) {
    let seen: MatrixEvent | undefined;
    const wait = nextEvent(ana.session, roomId, (e) => {
      const hit = e.getSender() === sender.session.userId;
      if (hit) seen = e;
      return hit;
    });
    await sendContent(sender.session, roomId, "alert", { ...EXAMPLES.alert, title });
    const read = await wait;
    return { event: seen!, read };
  }

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    await roomsReady(plane);
    [ana, bea, jan] = await acquaintedMembers(
      plane,
      ROOMS,
      { roles: [role.focal("CL", "tourism")], state: "CL" },
      { roles: [role.focal("BR", "tourism")], state: "BR" },
      { roles: [role.focal("JM", "tourism")], state: "JM" },
    );
    officer = await actor(plane, [role.admin()], null);
    spaceId = findRoomByKey(ana.session.client, "space")!.roomId;
    roomId = findRoomByKey(ana.session.client, "network:tourism")!.roomId;
    const b = await alertFrom(bea, "from bea, before her revocation");
    const j = await alertFrom(jan, "from jan");
    expect(b.read.trust.level).toBe("verified");
    expect(j.read.trust.level).toBe("verified");
    beaAlert = b.event;
    janAlert = j.event;
    // What the operator keeps for later: the genuine list and credential from before the revocation.
    listBefore = await eventually(
      async () => spaceState(ana.session, REVOCATIONS_TYPE) as SignedRevocationList,
      (l) => !!l?.list,
      30_000,
    ).then((r) => r.value);
    beaCredential = spaceState(ana.session, CREDENTIAL_TYPE, credentialStateKey(bea.session.userId))!;
  }, 300_000);

  afterAll(async () => {
    for (const m of [ana, bea, jan]) m?.session.stop();
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await plane?.close();
    await hs?.close();
  });

  it("(a) an older signed list put back after a revocation: a reader who saw the revocation still says revoked", async () => {
    expect((await api(plane, "POST", `/api/people/${bea.personId}/revoke`, { token: officer.token, body: { reason: "test" } })).status).toBe(200);
    const after = await eventually(
      async () => spaceState(ana.session, REVOCATIONS_TYPE) as SignedRevocationList,
      (l) => l?.list?.serial > listBefore.list.serial && l.list.entries.some((e) => e.personId === bea.personId),
      30_000,
      50,
    );
    expect((await verifyRevocationList(after.value, [plane.ctx.keys.secretariat.publicKey])).ok).toBe(true);
    // Honest state: her credential is withdrawn as well.
    await eventually(
      async () => spaceState(ana.session, CREDENTIAL_TYPE, credentialStateKey(bea.session.userId)),
      (c) => !!c && Object.keys(c).length === 0,
      30_000,
      50,
    );
    expect((await trustOf(ana.session, beaAlert)).level).toBe("unverified");

    // The control plane would put the honest state back within a minute; it is paused to look at the attack.
    await plane.link!.reconciler.stop();
    await plane.link!.revocations.stop();
    await jobsIdle();
    await hs.admin.putState(spaceId, CREDENTIAL_TYPE, credentialStateKey(bea.session.userId), beaCredential);
    await hs.admin.putState(spaceId, REVOCATIONS_TYPE, "", listBefore);
    await eventually(
      async () => spaceState(ana.session, REVOCATIONS_TYPE)?.list?.serial,
      (s) => s === listBefore.list.serial,
      15_000,
      50,
    );
    await eventually(
      async () => spaceState(ana.session, CREDENTIAL_TYPE, credentialStateKey(bea.session.userId))?.credential,
      (c) => !!c,
      15_000,
      50,
    );

    expect(await trustOf(ana.session, beaAlert)).toEqual({ level: "unverified", reason: "vetting revoked" });
    expect(ana.session.revocations.get(plane.ctx.keys.secretariat.publicKey)?.list.serial).toBe(after.value.list.serial);
    // Others are unaffected: the older list is not "unknown" for them, it is simply not the newest.
    expect((await trustOf(ana.session, janAlert)).level).toBe("verified");
  }, 120_000);

  it("(b) the list removed (empty state content): 'revocation status unknown' for a fresh reader, still revoked for one who saw the revocation", async () => {
    await hs.admin.putState(spaceId, REVOCATIONS_TYPE, "", {});
    // Both readers' clients must have synced the emptied list: the fresh reader below judges with Jan's.
    for (const m of [ana, jan])
      await eventually(
        async () => spaceState(m.session, REVOCATIONS_TYPE),
        (c) => !!c && Object.keys(c).length === 0,
        15_000,
        50,
      );

    expect(await trustOf(ana.session, beaAlert)).toEqual({ level: "unverified", reason: "vetting revoked" });
    const fresh = freshReader(jan);
    for (const event of [beaAlert, janAlert]) {
      const v = await trustOf(fresh, event);
      expect(v).toMatchObject({ level: "unverified", code: "revocation-unknown" });
      expect(v.level === "unverified" && v.reason).toMatch(/^revocation status unknown/);
    }
    // A reader who holds a fresh genuine list keeps judging with it.
    expect((await trustOf(ana.session, janAlert)).level).toBe("verified");
    // A new device signing in through the control plane is handed the current list there, so it
    // is not fooled either (the Space, as its homeserver shows it, has no list).
    const newDevice = await signInThroughControlPlane(jan.cp, { deviceName: "new device" });
    try {
      await waitForRoom(newDevice.client, "space", 30_000);
      expect(spaceState(newDevice, REVOCATIONS_TYPE)).toEqual({});
      expect(await trustOf(newDevice, beaAlert)).toEqual({ level: "unverified", reason: "vetting revoked" });
    } finally {
      newDevice.stop();
    }
  }, 60_000);

  it("(c) a list older than 24 hours gives 'revocation status unknown' (and still revokes)", async () => {
    const later = { ...ana.session, now: () => new Date(Date.now() + REVOCATION_MAX_AGE_MS + 3600_000) };
    const v = await trustOf(later, janAlert);
    expect(v).toMatchObject({ level: "unverified", code: "revocation-unknown" });
    expect(v.level === "unverified" && v.reason).toMatch(/revocation status unknown: the newest revocation list is 2\d h old/);
    expect(await trustOf(later, beaAlert)).toEqual({ level: "unverified", reason: "vetting revoked" });
    // Just under the limit it is still known.
    const almost = {
      ...ana.session,
      now: () => new Date(Date.parse(ana.session.revocations.get(plane.ctx.keys.secretariat.publicKey)!.list.issuedAt) + REVOCATION_MAX_AGE_MS - 60_000),
    };
    expect((await trustOf(almost, janAlert)).level).toBe("verified");
  }, 30_000);

  it("(d) the refresh job really re-signs (issuedAt advances, serial unchanged) and heals the Space; serial and issuedAt never go back after a control-plane restart", async () => {
    const before = ana.session.revocations.get(plane.ctx.keys.secretariat.publicKey)!.list;
    // The job resumes, here told that every list is due (the test clock stands still).
    const refresh = await startRevocationRefresh(plane.ctx, plane.link!.boss, plane.link!.hs, { resignAfterMs: 0 });
    stops.push(() => refresh.stop());
    await refresh.runNow();
    const resigned = await eventually(
      async () => spaceState(ana.session, REVOCATIONS_TYPE) as SignedRevocationList,
      (l) => !!l?.list && Date.parse(l.list.issuedAt) > Date.parse(before.issuedAt),
      30_000,
      100,
    );
    expect(resigned.value.list.serial).toBe(before.serial);
    expect((await verifyRevocationList(resigned.value, [plane.ctx.keys.secretariat.publicKey])).ok).toBe(true);
    // The fresh reader of (b) now knows again, and a reader at +24 h of the old signature is fine with the new one.
    // Jan's client syncs on its own: wait until it has the re-signed list too.
    await eventually(
      async () => spaceState(jan.session, REVOCATIONS_TYPE) as SignedRevocationList,
      (l) => !!l?.list && Date.parse(l.list.issuedAt) > Date.parse(before.issuedAt),
      30_000,
      100,
    );
    expect(await trustOf(freshReader(jan), beaAlert)).toEqual({ level: "unverified", reason: "vetting revoked" });
    expect((await trustOf(freshReader(jan), janAlert)).level).toBe("verified");
    // The full reconcile withdraws the credential the operator put back.
    const reconciler = await startReconciler(plane.ctx, plane.link!.boss, plane.link!.hs);
    stops.push(() => reconciler.stop());
    await eventually(
      async () => spaceState(ana.session, CREDENTIAL_TYPE, credentialStateKey(bea.session.userId)),
      (c) => !!c && Object.keys(c).length === 0,
      90_000,
      200,
    );

    // Restart on the same database and keys.
    const head = await storedHead();
    const first = plane;
    for (const stop of stops.splice(0).reverse()) await stop();
    await first.close();
    plane = await startTestPlane({ synapse: hs, keysFrom: first });
    // Nothing changed: the restarted plane publishes nothing older, and what it hands out is the same or newer.
    const served = (await api(plane, "GET", "/api/revocations", { token: (await actor(plane, [role.admin()], null)).token })).body as SignedRevocationList;
    expect(served.list.serial).toBe(head.serial);
    expect(Date.parse(served.list.issuedAt)).toBeGreaterThanOrEqual(new Date(head.issued_at).getTime());
    // A decision after the restart: the next serial, a later signature, and readers move to it.
    const admin = await actor(plane, [role.admin()], null);
    expect((await api(plane, "POST", `/api/people/${jan.personId}/suspend`, { token: admin.token, body: { reason: "test" } })).status).toBe(200);
    const next = await eventually(
      async () => spaceState(ana.session, REVOCATIONS_TYPE) as SignedRevocationList,
      (l) => l?.list?.serial > head.serial,
      60_000,
      100,
    );
    expect(next.value.list.serial).toBe(head.serial + 1);
    expect(Date.parse(next.value.list.issuedAt)).toBeGreaterThan(new Date(head.issued_at).getTime());
    expect(next.value.list.entries).toContainEqual(expect.objectContaining({ personId: jan.personId, status: "suspended" }));
    // (Her credential is also withdrawn from the Space by now or shortly: either way, not verified.)
    expect(await trustOf(ana.session, janAlert)).toMatchObject({
      level: "unverified",
      reason: expect.stringMatching(/^(vetting suspended|no Secretariat credential for this sender)$/),
    });
    expect(ana.session.revocations.get(plane.ctx.keys.secretariat.publicKey)?.list.serial).toBe(head.serial + 1);
    // And the time-based refresh goes on from there on the restarted plane.
    plane.clock.advance(RESIGN_AFTER_MS + 60_000);
    await plane.link!.revocations.runNow();
    const again = await eventually(
      async () => spaceState(ana.session, REVOCATIONS_TYPE) as SignedRevocationList,
      (l) => !!l?.list && Date.parse(l.list.issuedAt) > Date.parse(next.value.list.issuedAt),
      30_000,
      100,
    );
    expect(again.value.list.serial).toBe(head.serial + 1);
    // Administrators see the refresh in the health details.
    const details = await eventually(
      async () => (await api(plane, "GET", "/api/health/details", { token: admin.token })).body,
      (b) => b?.revocations?.lastSignedAt === again.value.list.issuedAt,
      20_000,
      100,
    );
    expect(details.value.revocations).toMatchObject({ health: "ok", lastSerial: head.serial + 1, lastError: null });
  }, 240_000);
});
