import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../../helpers/control-plane.js";
import { eventually } from "../../helpers/matrix-wait.js";
import { SynapseAdmin, MatrixError } from "#server/synapse/admin-client.js";
import { CREDENTIAL_STATE_TYPE } from "#server/domain/rooms/event-types.js";
import { Q_ALL, Q_PERSON } from "#server/jobs/reconciler.js";
import { TOKEN_SECONDS } from "#server/domain/matrix-session/service.js";
import { pgReconcileDeps } from "#server/domain/rooms/registry-port.js";

// Issue 9 item 1. A national coordinator tries to choose a nominee's Matrix account (the registry
// bot, a Synapse admin, someone else's), and a registry row bound to such an account (forced by SQL,
// as an insider or an old bug would leave it) is used to get a login token for it or to make the
// reconciler lock its own bot. Real PostgreSQL, real Synapse.

const PROBLEM = "https://enlace.oas.org/problems/";
const CL_HS = "hs.gob.cl.example",
  AR_HS = "hs.gob.ar.example",
  CL_SUSPENDED_HS = "old.gob.cl.example";
let seq = 0;
const nomination = (extra: Record<string, unknown> = {}) => ({
  email: `nominee${seq++}-${Date.now()}@gob.cl`,
  fullName: "Nominee",
  memberState: "CL",
  roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }],
  ...extra,
});

describe("attack: a national coordinator chooses the nominee's Matrix account (issue 9 item 1)", () => {
  let hs: TestSynapse, plane: TestPlane, coord: Actor, officer: Actor, admin: Actor;
  const nominate = (extra: Record<string, unknown> = {}) => api(plane, "POST", "/api/nominations", { token: coord.token, body: nomination(extra) });

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    coord = await actor(plane, [role.coordinator("CL")], "CL");
    officer = await actor(plane, [role.officer("tourism")], null);
    admin = await actor(plane, [role.admin()], null);
    for (const [serverName, memberState] of [
      [CL_HS, "CL"],
      [AR_HS, "AR"],
      [CL_SUSPENDED_HS, "CL"],
    ]) {
      const r = await api(plane, "POST", "/api/homeservers", { token: admin.token, body: { serverName, memberState } });
      expect(r.status).toBe(201);
      if (serverName === CL_SUSPENDED_HS)
        expect((await api(plane, "PATCH", `/api/homeservers/${r.body.id}`, { token: admin.token, body: { status: "suspended" } })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await plane?.close();
    await hs?.close();
  });

  it("the registry bot's ID (a Synapse admin) is refused, on our homeserver and under its name elsewhere", async () => {
    expect((await hs.admin.getUser(hs.botUserId)).admin).toBeTruthy();
    const ours = await nominate({ matrixUserId: hs.botUserId });
    expect(ours.status).toBe(422);
    expect(ours.body.type).toBe(`${PROBLEM}matrix-id-not-allowed`);
    const elsewhere = await nominate({ matrixUserId: `@enlace-registry:${CL_HS}` });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.type).toBe(`${PROBLEM}matrix-id-reserved`);
  });

  it("any ID on the Secretariat's homeserver is refused: those are assigned by the server", async () => {
    await hs.admin.upsertUser("@existing.cl:enlace.test", {});
    for (const matrixUserId of ["@existing.cl:enlace.test", "@nobody.yet:enlace.test", "@ana.cl:ENLACE.TEST"]) {
      const r = await nominate({ matrixUserId });
      expect(r.status, matrixUserId).toBe(422);
      expect(r.body.type, matrixUserId).toBe(`${PROBLEM}matrix-id-not-allowed`);
    }
  });

  it("a remote ID is refused on an unregistered homeserver, on another state's, on a suspended one of the nominee's state, and spelt otherwise than registered", async () => {
    for (const matrixUserId of ["@ana:unregistered.example", `@ana:${AR_HS}`, `@ana:${CL_SUSPENDED_HS}`, `@ana:${CL_HS.toUpperCase()}`, `@ana:${CL_HS}:8448`]) {
      const r = await nominate({ matrixUserId });
      expect(r.status, matrixUserId).toBe(422);
      expect(r.body.type, matrixUserId).toBe(`${PROBLEM}matrix-id-not-allowed`);
    }
    expect((await plane.ctx.db.query("SELECT count(*)::int AS n FROM people WHERE matrix_user_id LIKE '@ana:%'")).rows[0].n).toBe(0);
  });

  it("a remote ID on the nominee's own state's active homeserver is accepted once; bound to another person it is 409 matrix-id-taken", async () => {
    const first = await nominate({ matrixUserId: `@maria:${CL_HS}` });
    expect(first.status).toBe(201);
    expect(first.body.matrixUserId).toBe(`@maria:${CL_HS}`);
    const again = await nominate({ matrixUserId: `@maria:${CL_HS}` });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe(`${PROBLEM}matrix-id-taken`);
  });

  it("the server-assigned ID skips an account that already exists on Synapse, and the approver sees the ID", async () => {
    await hs.admin.upsertUser("@pedro.cl:enlace.test", {}); // made by the homeserver's operator, say
    const r = await api(plane, "POST", "/api/nominations", { token: coord.token, body: nomination({ email: "pedro@gob.cl" }) });
    expect(r.status).toBe(201);
    expect(r.body.matrixUserId).toBe("@pedro.cl1:enlace.test");
    const seen = await api(plane, "GET", `/api/people/${r.body.id}`, { token: officer.token });
    expect(seen.body.matrixUserId).toBe("@pedro.cl1:enlace.test");
  });
});

describe("attack: a registry row bound to the bot or a Synapse admin, then suspended by a coordinator (issue 9 item 1)", () => {
  let hs: TestSynapse, plane: TestPlane, coord: Actor, officer: Actor, admin: Actor;
  let botBound: Actor, adminBound: Actor, ana: Actor;
  const OPS_ADMIN = "@ops.admin:enlace.test";
  const rooms = () => plane.ctx.db.query("SELECT room_id FROM matrix_rooms").then((r) => new Set<string>(r.rows.map((x) => x.room_id)));
  const managedRoomsOf = async (userId: string) => {
    const m = await rooms();
    return (await hs.admin.joinedRooms(userId)).joined_rooms.filter((id) => m.has(id));
  };
  const bind = (personId: string, userId: string) => plane.ctx.db.query("UPDATE people SET matrix_user_id = $2 WHERE id = $1", [personId, userId]);
  const health = () => api(plane, "GET", "/api/health");

  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    coord = await actor(plane, [role.coordinator("CL")], "CL");
    officer = await actor(plane, [role.officer("tourism")], null);
    admin = await actor(plane, [role.admin()], null);
    ana = await actor(plane, [role.focal("CL", "tourism")], "CL");
    botBound = await actor(plane, [role.focal("CL", "tourism")], "CL");
    adminBound = await actor(plane, [role.focal("CL", "tourism")], "CL");
    await hs.admin.register(hs.registrationSharedSecret, "ops.admin", true); // the operator's own admin account
    // Before the attack: everyone converged, health ok.
    await eventually(
      () => plane.link!.reconciler.idle(),
      (idle) => idle,
      60_000,
      200,
    );
    // (A job that failed once, say under load, is retried; wait for it rather than race it.)
    await eventually(health, (r) => r.status === 200 && r.body.reconciler?.status === "ok" && r.body.revocations?.status === "ok", 60_000, 200);
    await bind(botBound.id, hs.botUserId);
    await bind(adminBound.id, OPS_ADMIN);
  });
  afterAll(async () => {
    await plane?.close();
    await hs?.close();
  });

  it("POST /api/matrix/session gives no login token for the bot's or an admin's account, and audits the refusal", async () => {
    for (const [who, userId] of [
      [botBound, hs.botUserId],
      [adminBound, OPS_ADMIN],
    ] as const) {
      const r = await api(plane, "POST", "/api/matrix/session", { token: who.token });
      expect(r.status, userId).toBe(422);
      expect(r.body.type).toBe(`${PROBLEM}matrix-id-reserved`);
      expect(r.body.loginToken).toBeUndefined();
      expect(JSON.stringify(r.body)).not.toMatch(/eyJ/); // no JWT anywhere in the answer
      const audited = await plane.ctx.db.query("SELECT details FROM audit_log WHERE action = 'matrix.login_token_refused' AND subject = $1", [who.id]);
      expect(audited.rows.map((x) => x.details.userId)).toEqual([userId]);
    }
    expect((await plane.ctx.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'matrix.login_token_issued'")).rows[0].n).toBe(0);
  });

  it("the full reconcile gives neither account rooms or a credential, and health turns degraded", async () => {
    const { reconcileAll } = await import("#server/domain/rooms/reconcile.js");
    await reconcileAll(pgReconcileDeps(plane.ctx, plane.link!.hs));
    expect(await managedRoomsOf(OPS_ADMIN)).toEqual([]);
    const space = (await plane.ctx.db.query("SELECT room_id FROM matrix_rooms WHERE key = 'space'")).rows[0].room_id;
    const creds = (await hs.admin.roomState(space)).state.filter((e) => e.type === CREDENTIAL_STATE_TYPE && Object.keys(e.content ?? {}).length > 0);
    const subjects = creds.map((e) => (e.content.credential as { userId: string }).userId);
    expect(subjects.length).toBeGreaterThan(0);
    expect(subjects).not.toContain(OPS_ADMIN);
    expect(subjects).not.toContain(hs.botUserId);

    // The rows were changed behind the API (no person job): the reconciler's own full run says so.
    await plane.link!.boss.send(Q_ALL, {});
    plane.link!.reconciler.wake();
    const h = await eventually(health, (r) => r.status === 503, 30_000, 100);
    expect(h.value.body).toEqual({
      status: "degraded",
      database: "ok",
      synapse: { status: "ok" },
      reconciler: { status: "down" },
      revocations: { status: "ok" },
    });
    const details = await api(plane, "GET", "/api/health/details", { token: admin.token });
    expect([...details.body.reconciler.reservedAccountPeople].sort()).toEqual([botBound.id, adminBound.id].sort());
  });

  it("a coordinator suspends them: the reconciler refuses to touch the bot or the admin, health turns degraded with no details, and another suspension still takes effect", async () => {
    // Ana is signed in to Matrix on a device and in her rooms.
    const mx = await api(plane, "POST", "/api/matrix/session", { token: ana.token });
    expect(mx.status).toBe(200);
    const anaLogin = await new SynapseAdmin({ baseUrl: hs.url }).loginWithGrant(mx.body.loginToken);
    await eventually(
      () => managedRoomsOf(anaLogin.user_id),
      (r) => r.length === 4,
      20_000,
      50,
    );

    for (const who of [botBound, adminBound]) {
      expect((await api(plane, "POST", `/api/people/${who.id}/suspend`, { token: coord.token, body: { reason: "the attack" } })).status).toBe(200);
    }
    await eventually(
      async () => (await plane.ctx.db.query("SELECT subject FROM audit_log WHERE action = 'reconciler.reserved_account_refused'")).rows.map((x) => x.subject),
      (s) => s.includes(botBound.id) && s.includes(adminBound.id),
      20_000,
      100,
    );

    // The bot is neither locked nor logged out; the operator's admin keeps its account.
    expect((await hs.admin.getUser(hs.botUserId)).locked).toBeFalsy();
    expect((await hs.admin.whoami()).user_id).toBe(hs.botUserId);
    expect((await hs.admin.getUser(OPS_ADMIN)).locked).toBeFalsy();
    expect((await hs.admin.devices(OPS_ADMIN)).devices.length).toBeGreaterThan(0);

    // Public health: degraded, 503, status words only.
    const h = await eventually(health, (r) => r.body?.reconciler?.status === "down", 20_000, 100);
    expect(h.value.status).toBe(503);
    expect(h.value.body).toEqual({
      status: "degraded",
      database: "ok",
      synapse: { status: "ok" },
      reconciler: { status: "down" },
      revocations: { status: "ok" },
    });
    const text = JSON.stringify(h.value.body);
    for (const leak of ["@", "enlace.test", "_synapse", "/", "refused", "reserved", "M_"]) expect(text, leak).not.toContain(leak);

    // Details: administrators only.
    expect((await api(plane, "GET", "/api/health/details")).status).toBe(401);
    for (const who of [coord, officer, ana]) expect((await api(plane, "GET", "/api/health/details", { token: who.token })).status).toBe(403);
    const details = await api(plane, "GET", "/api/health/details", { token: admin.token });
    expect(details.status).toBe(200);
    expect(details.body.reconciler.health).toBe("down");
    expect(details.body.reconciler.failingPeople.map((f: { personId: string }) => f.personId)).toEqual(expect.arrayContaining([botBound.id, adminBound.id]));
    expect(JSON.stringify(details.body.reconciler.failingPeople)).toContain(hs.botUserId);

    // The bot still works: Ana's suspension removes her from every room and every device.
    expect((await api(plane, "POST", `/api/people/${ana.id}/suspend`, { token: officer.token, body: { reason: "still works" } })).status).toBe(200);
    await eventually(
      () => managedRoomsOf(anaLogin.user_id),
      (r) => r.length === 0,
      10_000,
      25,
    );
    await eventually(
      async () => (await hs.admin.devices(anaLogin.user_id)).devices.length,
      (n) => n === 0,
      10_000,
      25,
    );
    const tokenErr = await hs.admin.whoami(anaLogin.access_token).catch((e) => e);
    expect(tokenErr).toBeInstanceOf(MatrixError);
    expect((await hs.admin.getUser(anaLogin.user_id)).locked).toBe(true);

    // Still degraded: the two reserved rows keep failing until the registry is corrected.
    expect((await health()).status).toBe(503);
  });

  it("once the rows are corrected, health is ok again", async () => {
    await bind(botBound.id, "@corrected.one.cl:enlace.test");
    await bind(adminBound.id, "@corrected.two.cl:enlace.test");
    for (const who of [botBound, adminBound]) await plane.link!.boss.send(Q_PERSON, { personId: who.id });
    await plane.link!.boss.send(Q_ALL, {});
    plane.link!.reconciler.wake();
    const h = await eventually(health, (r) => r.status === 200, 30_000, 100);
    expect(h.value.body).toMatchObject({ status: "ok", reconciler: { status: "ok" } });
  });
});

describe("attack: someone holding a leaked Matrix login token (issue 9 item 8)", () => {
  let hs: TestSynapse, plane: TestPlane, fp: Actor;
  beforeAll(async () => {
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs });
    fp = await actor(plane, [role.focal("CL", "tourism")], "CL");
    // Let the reconciler create the account first, as it would long before a person signs in.
    await eventually(
      () => plane.link!.reconciler.idle(),
      (idle) => idle,
      60_000,
      200,
    );
  });
  afterAll(async () => {
    await plane?.close();
    await hs?.close();
  });

  it(`the grant works once, and only within ${TOKEN_SECONDS} s of issue (plus 5 s of clock skew) by Synapse's own clock, then is refused`, async () => {
    const mx = await api(plane, "POST", "/api/matrix/session", { token: fp.token });
    expect(mx.status).toBe(200);
    expect(mx.body.expiresInSeconds).toBe(TOKEN_SECONDS);
    const synapse = new SynapseAdmin({ baseUrl: hs.url });
    expect((await synapse.loginWithGrant(mx.body.loginToken)).user_id).toBe(mx.body.userId);
    const audited = await plane.ctx.db.query("SELECT details FROM audit_log WHERE action = 'matrix.login_token_issued' AND subject = $1", [fp.id]);
    expect(audited.rows[0].details).toMatchObject({ userId: mx.body.userId, jti: expect.any(String), expiresInSeconds: TOKEN_SECONDS });
    // Used once: spent.
    expect(await synapse.loginWithGrant(mx.body.loginToken).catch((e) => e)).toMatchObject({ statusCode: 403 });

    // A grant copied from a log or a proxy before its owner used it, tried a moment after its window: refused.
    const issued = Date.now();
    const copied = await api(plane, "POST", "/api/matrix/session", { token: fp.token });
    await new Promise((r) => setTimeout(r, Math.max(0, issued + (TOKEN_SECONDS + 6) * 1000 - Date.now())));
    const late = await synapse.loginWithGrant(copied.body.loginToken).catch((e) => e);
    expect(late).toBeInstanceOf(MatrixError);
    expect(late.statusCode).toBe(403);
  }, 60_000);
});
