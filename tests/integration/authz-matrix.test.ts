import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { randomUUID } from "node:crypto";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../helpers/control-plane.js";
import { seedActivePerson } from "#server/domain/registry/seed.js";
import { matrixRoutes } from "#server/http/routes/matrix.js";
import { saveRoom } from "#server/domain/rooms/repo.js";
import type { Ctx } from "#server/domain/context.js";
import type { RoleGrant } from "#server/domain/auth/principal.js";
import { currentTotp } from "#server/domain/auth/totp.js";

// Every operation of the route table × every kind of caller, each cell with its exact expected status.
// Cells that change state get fresh objects, so no cell depends on another.

type Who = "anonymous" | "focal" | "alternate" | "coordCL" | "coordAR" | "officerTourism" | "officerMaritime" | "admin" | "suspended";
type ActiveWho = Exclude<Who, "anonymous" | "suspended">;
const WHO: Who[] = ["anonymous", "focal", "alternate", "coordCL", "coordAR", "officerTourism", "officerMaritime", "admin", "suspended"];
const PROFILE: Record<ActiveWho, { roles: RoleGrant[]; state: string | null }> = {
  focal: { roles: [role.focal("CL", "tourism")], state: "CL" },
  alternate: { roles: [role.alternate("CL", "tourism")], state: "CL" },
  coordCL: { roles: [role.coordinator("CL")], state: "CL" },
  coordAR: { roles: [role.coordinator("AR")], state: "AR" },
  officerTourism: { roles: [role.officer("tourism")], state: null },
  officerMaritime: { roles: [role.officer("maritime")], state: null },
  admin: { roles: [role.admin()], state: null },
};
const ACTIVE = Object.keys(PROFILE) as ActiveWho[];
const COORDS_AND_STAFF: Who[] = ["coordCL", "coordAR", "officerTourism", "officerMaritime", "admin"];
const CANNOT_SEE_CL: Who[] = ["focal", "alternate", "coordAR"]; // CL's people are hidden from them (404)

type Grid = Record<Who, number>;
/** Public operations: the same answer whoever calls (a token, even a dead one, changes nothing). */
const open = (ok: number): Grid => Object.fromEntries(WHO.map((w) => [w, ok])) as Grid;
/** Session operations: 401 without a live session; `ok` for the allowed; 404 for those the object is hidden from; 403 otherwise. */
const grid = (ok: number, allowed: readonly Who[], hidden: readonly Who[] = []): Grid =>
  Object.fromEntries(WHO.map((w) => [w, w === "anonymous" || w === "suspended" ? 401 : allowed.includes(w) ? ok : hidden.includes(w) ? 404 : 403])) as Grid;

interface Req {
  params?: Record<string, string>;
  body?: unknown;
  query?: string;
  token?: string;
}
interface Cell {
  method: string;
  path: string;
  expect: Grid;
  prepare?: (who: Who) => Promise<Req>;
  body?: unknown;
}
type Res = Awaited<ReturnType<typeof api>>;

const MATRIX_LINK = { serverName: "hs.test", publicUrl: "http://hs.test", jwtSecret: "matrix-jwt-secret-for-tests-only-0123456789" };

describe("authorization matrix: every operation × every role", () => {
  let plane: TestPlane;
  const actors = {} as Record<Exclude<Who, "anonymous">, Actor>;
  const tokenOf = (who: Who) => (who === "anonymous" ? undefined : actors[who].token);
  let n = 0;
  const uniq = () => `${n++}-${Date.now()}`;

  const clFocal = (state = "CL", program = "tourism") => ({
    email: `nominee-${uniq()}@gob.${state.toLowerCase()}`,
    fullName: "Nominee",
    memberState: state,
    roles: [{ role: "focal_point" as const, memberState: state, program }],
  });
  const ok = async (r: Promise<Res>, status: number) => {
    const res = await r;
    if (res.status !== status) throw new Error(`fixture: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const fresh = {
    active: async (state = "CL", program = "tourism") =>
      (
        await seedActivePerson(plane.ctx, {
          email: `active-${uniq()}@gob.${state.toLowerCase()}`,
          fullName: "Active Person",
          memberState: state,
          roles: [role.focal(state, program)],
          password: "correct horse battery staple",
          matrixUserId: `@active-${uniq()}:hs.test`,
        })
      ).id,
    nominated: async (by: Who = "coordCL", body: unknown = clFocal()) =>
      (await ok(api(plane, "POST", "/api/nominations", { token: tokenOf(by), body }), 201)).id as string,
    suspended: async () => {
      const id = await fresh.active();
      await ok(api(plane, "POST", `/api/people/${id}/suspend`, { token: tokenOf("admin"), body: { reason: "fixture" } }), 200);
      return id;
    },
    approved: async () => {
      const id = await fresh.nominated();
      const r = await ok(api(plane, "POST", `/api/people/${id}/approve`, { token: tokenOf("officerTourism"), body: { reason: "fixture" } }), 200);
      return { id, link: r.enrollment.token as string };
    },
  };
  /** A second signed-in person of `who`'s role, and the password and current code that re-authenticate them. */
  const reauth = async (who: Who): Promise<Req & { body: { password: string; totp: string } }> => {
    if (!ACTIVE.includes(who as ActiveWho)) return { body: { password: "whatever it is", totp: "000000" } };
    const a = await actor(plane, PROFILE[who as ActiveWho].roles, PROFILE[who as ActiveWho].state);
    plane.clock.advance(30_000); // the sign-in used this step's code: the next one is not a replay
    return { token: a.token, body: { password: a.password, totp: a.totpSecret ? currentTotp(a.totpSecret, plane.clock.now.getTime()) : "000000" } };
  };
  const byId = (make: () => Promise<string>) => async () => ({ params: { id: await make() } });

  const cells: Record<string, Cell> = {
    health: { method: "get", path: "/health", expect: open(200) },
    login: {
      method: "post",
      path: "/auth/login",
      expect: open(200),
      prepare: async () => {
        const email = `login-${uniq()}@gob.cl`;
        await seedActivePerson(plane.ctx, { email, fullName: "L", memberState: "CL", roles: [role.focal("CL", "tourism")], password: "a good long password" });
        return { body: { email, password: "a good long password" } };
      },
    },
    enrollStart: { method: "post", path: "/auth/enroll/start", expect: open(200), prepare: async () => ({ body: { token: (await fresh.approved()).link } }) },
    enrollComplete: {
      method: "post",
      path: "/auth/enroll/complete",
      expect: open(200),
      prepare: async () => ({ body: { token: (await fresh.approved()).link, password: "a long enough passphrase" } }),
    },
    // Logging out is tried on a second person of the same role, so the matrix's own sessions stay alive.
    logout: {
      method: "post",
      path: "/auth/logout",
      expect: grid(204, ACTIVE),
      prepare: async (who) =>
        ACTIVE.includes(who as ActiveWho) ? { token: (await actor(plane, PROFILE[who as ActiveWho].roles, PROFILE[who as ActiveWho].state)).token } : {},
    },
    getSession: { method: "get", path: "/auth/session", expect: grid(200, ACTIVE) },
    // One's own second factor: anyone signed in, on a second person of the same role (the codes move on).
    totpStatus: { method: "get", path: "/account/totp", expect: grid(200, ACTIVE) },
    totpBegin: { method: "post", path: "/account/totp/begin", expect: grid(200, ACTIVE), prepare: async (who) => reauth(who) },
    totpConfirm: {
      method: "post",
      path: "/account/totp/confirm",
      expect: grid(200, ACTIVE),
      prepare: async (who) => {
        if (!ACTIVE.includes(who as ActiveWho)) return { body: { totp: "000000" } };
        const r = await reauth(who);
        const begun = await ok(api(plane, "POST", "/api/account/totp/begin", { token: r.token, body: r.body }), 200);
        return { token: r.token, body: { totp: currentTotp(begun.secret, plane.clock.now.getTime()) } };
      },
    },
    // Under the tests' policy "staff", only focal points and alternates may turn it off.
    totpDisable: {
      method: "post",
      path: "/account/totp/disable",
      expect: { ...grid(200, ["focal", "alternate"]), ...Object.fromEntries(COORDS_AND_STAFF.map((w) => [w, 409])) },
      prepare: async (who) => reauth(who),
    },
    nominate: { method: "post", path: "/nominations", expect: grid(201, ["coordCL", "officerTourism", "admin"]), prepare: async () => ({ body: clFocal() }) },
    listPeople: { method: "get", path: "/people", expect: grid(200, COORDS_AND_STAFF) },
    getPerson: {
      method: "get",
      path: "/people/:id",
      expect: grid(200, ["coordCL", "officerTourism", "officerMaritime", "admin"], CANNOT_SEE_CL),
      prepare: byId(() => fresh.active()),
    },
    approvePerson: {
      method: "post",
      path: "/people/:id/approve",
      body: { reason: "vetted" },
      // An officer of the program, or an administrator as the second pair of eyes (the nominator is coordCL).
      expect: grid(200, ["officerTourism", "admin"], CANNOT_SEE_CL),
      prepare: byId(() => fresh.nominated()),
    },
    rejectPerson: {
      method: "post",
      path: "/people/:id/reject",
      body: { reason: "no" },
      expect: grid(200, ["officerTourism", "admin"], CANNOT_SEE_CL),
      prepare: byId(() => fresh.nominated()),
    },
    suspendPerson: {
      method: "post",
      path: "/people/:id/suspend",
      body: { reason: "left" },
      expect: grid(200, ["coordCL", "officerTourism", "admin"], CANNOT_SEE_CL),
      prepare: byId(() => fresh.active()),
    },
    reinstatePerson: {
      method: "post",
      path: "/people/:id/reinstate",
      body: { reason: "back" },
      expect: grid(200, ["officerTourism", "admin"], CANNOT_SEE_CL),
      prepare: byId(() => fresh.suspended()),
    },
    revokePerson: {
      method: "post",
      path: "/people/:id/revoke",
      body: { reason: "misconduct" },
      expect: grid(200, ["officerTourism", "admin"], CANNOT_SEE_CL),
      prepare: byId(() => fresh.active()),
    },
    reissueEnrollmentLink: {
      method: "post",
      path: "/people/:id/enrollment-link",
      expect: grid(200, ["officerTourism", "admin"], CANNOT_SEE_CL),
      prepare: byId(async () => (await fresh.approved()).id),
    },
    nominationQueue: { method: "get", path: "/vetting/nominations", expect: grid(200, COORDS_AND_STAFF) },
    revettingQueue: { method: "get", path: "/vetting/revetting", expect: grid(200, COORDS_AND_STAFF) },
    setMyExpertise: { method: "put", path: "/me/expertise", body: { areas: ["stadium security"], languages: ["es"] }, expect: grid(200, ACTIVE) },
    searchDirectory: { method: "get", path: "/directory", expect: grid(200, ACTIVE), prepare: async () => ({ query: "q=person&limit=5" }) },
    listMemberStates: { method: "get", path: "/member-states", expect: grid(200, ACTIVE) },
    listPrograms: { method: "get", path: "/programs", expect: grid(200, ACTIVE) },
    listHomeservers: { method: "get", path: "/homeservers", expect: grid(200, ["admin"]) },
    registerHomeserver: {
      method: "post",
      path: "/homeservers",
      expect: grid(201, ["admin"]),
      prepare: async () => ({ body: { serverName: `matrix${n++}.gob.cl`, memberState: "CL" } }),
    },
    setHomeserverStatus: {
      method: "patch",
      path: "/homeservers/:id",
      body: { status: "suspended" },
      expect: grid(200, ["admin"]),
      prepare: byId(
        async () =>
          (await ok(api(plane, "POST", "/api/homeservers", { token: tokenOf("admin"), body: { serverName: `matrix${n++}.gob.ar`, memberState: "AR" } }), 201))
            .id,
      ),
    },
    listEvents: { method: "get", path: "/events", expect: grid(200, ACTIVE) },
    getEvent: {
      method: "get",
      path: "/events/:id",
      expect: grid(200, ACTIVE),
      prepare: byId(
        async () =>
          (
            await ok(
              api(plane, "POST", "/api/events", {
                token: tokenOf("admin"),
                body: { name: "Summit", hostState: "AR", startsOn: "2027-01-01", endsOn: "2027-01-03", venueType: "summit-venue" },
              }),
              201,
            )
          ).id,
      ),
    },
    createEvent: {
      method: "post",
      path: "/events",
      expect: grid(201, ["coordCL", "officerTourism", "officerMaritime", "admin"]),
      body: { name: "Copa", hostState: "CL", startsOn: "2027-06-01", endsOn: "2027-06-30", venueType: "stadium", supportingStates: ["AR"] },
    },
    // Editing follows registering: the Secretariat, and the host state's coordinator (CL's event, staying in CL).
    updateEvent: {
      method: "put",
      path: "/events/:id",
      expect: grid(200, ["coordCL", "officerTourism", "officerMaritime", "admin"]),
      body: { name: "Copa (edited)", hostState: "CL", startsOn: "2027-06-02", endsOn: "2027-06-30", venueType: "stadium", supportingStates: ["AR", "PE"] },
      prepare: byId(
        async () =>
          (
            await ok(
              api(plane, "POST", "/api/events", {
                token: tokenOf("admin"),
                body: { name: "Copa", hostState: "CL", startsOn: "2027-06-01", endsOn: "2027-06-30", venueType: "stadium" },
              }),
              201,
            )
          ).id,
      ),
    },
    // Officers read the entries about their programs' people (tests/integration/audit-visibility.test.ts).
    listAudit: { method: "get", path: "/audit", expect: grid(200, ["admin", "officerTourism", "officerMaritime"]) },
    verifyAudit: { method: "get", path: "/audit/verify", expect: grid(200, ["admin", "officerTourism", "officerMaritime"]) },
    getSecretariatKey: { method: "get", path: "/credentials/secretariat-key", expect: grid(200, ACTIVE) },
    getCredential: {
      method: "get",
      path: "/credentials/:userId",
      expect: grid(200, ACTIVE),
      prepare: async () => {
        const id = await fresh.active("AR");
        const u = (await plane.ctx.db.query("SELECT matrix_user_id FROM people WHERE id = $1", [id])).rows[0].matrix_user_id;
        return { params: { userId: u } };
      },
    },
    getRevocations: { method: "get", path: "/revocations", expect: grid(200, ACTIVE) },
    registerMasterKey: { method: "put", path: "/me/master-key", body: { masterKey: "M".repeat(43) }, expect: grid(200, ACTIVE) },
    reserveAdvisoryNumber: { method: "post", path: "/advisories/numbers", body: { programCode: "tourism" }, expect: grid(201, ["officerTourism"]) },
    countersignAdvisory: {
      method: "post",
      path: "/advisories/countersign",
      expect: grid(200, ["officerTourism"]),
      prepare: async () => {
        const r = await ok(api(plane, "POST", "/api/advisories/numbers", { token: tokenOf("officerTourism"), body: { programCode: "tourism" } }), 201);
        return { body: { programCode: "tourism", number: r.number, digest: "D".repeat(43) } };
      },
    },
    createMatrixSession: { method: "post", path: "/matrix/session", expect: grid(200, ACTIVE) },

    getVapidKey: { method: "get", path: "/notifications/vapid-key", expect: grid(200, ACTIVE) },
    putPushSubscription: {
      method: "put",
      path: "/me/devices/:deviceId/push-subscription",
      expect: grid(204, ACTIVE),
      prepare: async (who) => ({
        params: { deviceId: "DEVICEAAAA" },
        body: { endpoint: `https://push.example.org/send/${who}-${uniq()}`, keys: { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) } },
      }),
    },
    deletePushSubscription: {
      method: "delete",
      path: "/me/devices/:deviceId/push-subscription",
      expect: grid(204, ACTIVE),
      prepare: async () => ({ params: { deviceId: "DEVICEAAAA" } }),
    },
    getNotificationPreferences: { method: "get", path: "/me/notification-preferences", expect: grid(200, ACTIVE) },
    putNotificationPreferences: {
      method: "put",
      path: "/me/notification-preferences",
      body: { channels: { push: true, email: true }, quietHours: null, language: "fr" },
      expect: grid(200, ACTIVE),
    },
    // Membership is the registry's: the tourism network room holds its focal point, alternate and officer.
    reportUrgentContent: {
      method: "post",
      path: "/notifications/urgent",
      expect: grid(202, ["focal", "alternate", "officerTourism"]),
      prepare: async () => {
        await urgentRoom();
        return { body: { roomId: "!network-tourism:hs.test", eventId: `$e${uniq()}`, severity: "high" } };
      },
    },
    // Any vetted person, with another vetted person (a new one each time: 201, a new conversation).
    startConversation: {
      method: "post",
      path: "/conversations",
      expect: grid(201, ACTIVE),
      prepare: async () => {
        await urgentRoom(); // registers hs.test, the actors' homeserver
        return { body: { with: await fresh.active() } };
      },
    },
    listConversations: { method: "get", path: "/conversations", expect: grid(200, ACTIVE) },
    acknowledgeAdvisory: {
      method: "post",
      path: "/advisories/:program/:number/acknowledgements",
      expect: grid(200, ["focal", "alternate", "coordCL", "coordAR"]),
      prepare: async () => ({ params: { program: "tourism", number: String(await signedAdvisory()) } }),
    },
    getReminderTimeline: {
      method: "get",
      path: "/advisories/:program/:number/reminders",
      expect: grid(200, ["officerTourism", "admin"]),
      prepare: async () => ({ params: { program: "tourism", number: String(await signedAdvisory()) } }),
    },
    remindNow: {
      method: "post",
      path: "/advisories/:program/:number/reminders",
      expect: grid(202, ["officerTourism", "admin"]),
      prepare: async () => ({ params: { program: "tourism", number: String(await signedAdvisory()) }, body: { memberState: "CL" } }),
    },
  };
  async function signedAdvisory() {
    const r = await ok(api(plane, "POST", "/api/advisories/numbers", { token: tokenOf("officerTourism"), body: { programCode: "tourism" } }), 201);
    const ack = { ackDeadline: new Date(plane.clock.now.getTime() + 72 * 3600_000).toISOString() };
    await ok(
      api(plane, "POST", "/api/advisories/countersign", {
        token: tokenOf("officerTourism"),
        body: { programCode: "tourism", number: r.number, digest: "D".repeat(43), ...ack },
      }),
      200,
    );
    return r.number as number;
  }
  let roomReady = false;
  async function urgentRoom() {
    if (roomReady) return;
    await ok(api(plane, "POST", "/api/homeservers", { token: tokenOf("admin"), body: { serverName: "hs.test", memberState: "CL" } }), 201);
    await saveRoom(plane.ctx.db, "network:tourism", "!network-tourism:hs.test", "network");
    roomReady = true;
  }

  async function runCell(cell: Cell, who: Who): Promise<Res> {
    const req = (await cell.prepare?.(who)) ?? {};
    const path = "/api" + cell.path.replace(/:([A-Za-z]+)/g, (_, k) => encodeURIComponent(req.params![k])) + (req.query ? `?${req.query}` : "");
    return api(plane, cell.method.toUpperCase(), path, { token: req.token ?? tokenOf(who), body: req.body ?? cell.body });
  }

  beforeAll(async () => {
    // The production route table includes the Matrix sign-in route once a homeserver is linked.
    const lazyCtx = new Proxy({} as Ctx, { get: (_t, k) => (plane.ctx as any)[k] });
    plane = await startTestPlane({ extraRoutes: matrixRoutes(lazyCtx, MATRIX_LINK) });
    for (const who of ACTIVE) actors[who] = await actor(plane, PROFILE[who].roles, PROFILE[who].state, { matrixUserId: `@u-${who.toLowerCase()}:hs.test` });
    actors.suspended = await actor(plane, [role.focal("CL", "tourism")], "CL", { matrixUserId: "@suspended:hs.test" });
    await ok(api(plane, "POST", `/api/people/${actors.suspended.id}/suspend`, { token: tokenOf("admin"), body: { reason: "matrix" } }), 200);
  });
  afterAll(() => plane.close());

  it("has an expectation for every operation of the route table, at its method and path, and no others", async () => {
    const doc = (await api(plane, "GET", "/api/openapi.json")).body;
    const published = Object.entries(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(([p, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ id: op.operationId, method, path: p.replace(/^\/api/, "").replace(/\{([A-Za-z]+)\}/g, ":$1") })),
    );
    expect(published.length).toBeGreaterThanOrEqual(35);
    for (const op of published)
      expect(cells[op.id] && { method: cells[op.id].method, path: cells[op.id].path }, `no matrix row for ${op.id}`).toEqual({
        method: op.method,
        path: op.path,
      });
    expect(Object.keys(cells).sort()).toEqual(published.map((o) => o.id).sort());
  });

  for (const [op, cell] of Object.entries(cells)) {
    it(`${op}`, async () => {
      const got = {} as Record<Who, number>;
      for (const who of WHO) {
        const res = await runCell(cell, who);
        got[who] = res.status;
        if (res.status >= 400) {
          expect(res.headers.get("content-type"), `${op} as ${who}`).toMatch(/^application\/problem\+json/);
          const type = { 401: "unauthenticated", 403: "forbidden", 404: "not-found" }[res.status as 401 | 403 | 404];
          if (type) expect(res.body.type, `${op} as ${who}`).toBe(`https://enlace.oas.org/problems/${type}`);
        }
      }
      expect(got).toEqual(cell.expect);
    });
  }

  it("a coordinator of AR cannot read, list, suspend, decide on or see in queues CL's people", async () => {
    const active = await fresh.active();
    const nominee = await fresh.nominated();
    await plane.ctx.db.query("UPDATE people SET vetted_until = now() + interval '10 days' WHERE id = $1", [active]); // due for re-vetting
    const ar = await fresh.active("AR");
    const t = tokenOf("coordAR");
    const ghost = await api(plane, "GET", `/api/people/${randomUUID()}`, { token: t });
    for (const id of [active, nominee]) {
      const r = await api(plane, "GET", `/api/people/${id}`, { token: t });
      expect(r.status).toBe(404);
      expect(r.body).toEqual(ghost.body); // indistinguishable from someone who does not exist
      for (const action of ["suspend", "approve", "reject", "reinstate", "revoke"]) {
        expect((await api(plane, "POST", `/api/people/${id}/${action}`, { token: t, body: { reason: "x" } })).status).toBe(404);
      }
    }
    expect((await api(plane, "POST", `/api/people/${nominee}/enrollment-link`, { token: t })).status).toBe(404);
    const status = async (id: string) => (await plane.ctx.db.query("SELECT status FROM people WHERE id = $1", [id])).rows[0].status;
    expect([await status(active), await status(nominee)]).toEqual(["active", "nominated"]);
    for (const path of [
      "/api/people",
      "/api/people?memberState=CL",
      "/api/people?limit=500&status=active",
      "/api/vetting/nominations",
      "/api/vetting/revetting",
    ]) {
      const r = await api(plane, "GET", path, { token: t });
      expect(r.status, path).toBe(200);
      expect(
        r.body.filter((p: { memberState: string }) => p.memberState !== "AR"),
        path,
      ).toEqual([]);
    }
    expect((await api(plane, "GET", "/api/people?memberState=CL", { token: t })).body).toEqual([]);
    expect((await api(plane, "GET", "/api/people?limit=500", { token: t })).body.map((p: { id: string }) => p.id)).toContain(ar);
    // …while CL's own coordinator sees exactly CL's people, in the list and in both queues.
    const cl = tokenOf("coordCL");
    const list = (await api(plane, "GET", "/api/people?limit=500", { token: cl })).body as { id: string; memberState: string }[];
    expect(list.every((p) => p.memberState === "CL")).toBe(true);
    expect(list.map((p) => p.id)).toEqual(expect.arrayContaining([active, nominee, actors.focal.id, actors.coordCL.id]));
    expect(list.map((p) => p.id)).not.toContain(ar);
    const queue = (await api(plane, "GET", "/api/vetting/nominations", { token: cl })).body as { id: string; memberState: string; canApprove: boolean }[];
    expect(queue.map((p) => p.id)).toContain(nominee);
    expect(queue.every((p) => p.memberState === "CL" && p.canApprove === false)).toBe(true);
    expect((await api(plane, "GET", "/api/vetting/revetting", { token: cl })).body.map((p: { id: string }) => p.id)).toContain(active);
  });

  it("a focal point approves nothing and lists nobody, but sees themself", async () => {
    const nominees = [
      await fresh.nominated(),
      await fresh.nominated("coordAR", clFocal("AR")),
      await fresh.nominated("officerMaritime", clFocal("CL", "maritime")),
    ];
    for (const who of ["focal", "alternate"] as const) {
      const t = tokenOf(who);
      for (const id of nominees) {
        expect([403, 404]).toContain((await api(plane, "POST", `/api/people/${id}/approve`, { token: t, body: { reason: "x" } })).status);
      }
      for (const path of ["/api/people", "/api/people?memberState=CL", "/api/vetting/nominations", "/api/vetting/revetting"]) {
        expect((await api(plane, "GET", path, { token: t })).status, `${who} ${path}`).toBe(403);
      }
      expect((await api(plane, "GET", `/api/people/${actors[who === "focal" ? "alternate" : "focal"].id}`, { token: t })).status).toBe(404);
      const self = await api(plane, "GET", `/api/people/${actors[who].id}`, { token: t });
      expect(self.status).toBe(200);
      expect(self.body.id).toBe(actors[who].id);
    }
    const statuses = (await plane.ctx.db.query("SELECT status FROM people WHERE id = ANY($1::uuid[])", [nominees])).rows.map((r) => r.status);
    expect(statuses).toEqual(["nominated", "nominated", "nominated"]);
  });

  it("four eyes: nobody approves a nomination they made; a second eligible person can", async () => {
    const staffNominee = {
      email: `coord-${uniq()}@gob.pe`,
      fullName: "Coordinator PE",
      memberState: "PE",
      roles: [{ role: "national_coordinator" as const, memberState: "PE" }],
    };
    const secondAdmin = await actor(plane, [role.admin()], null);
    const secondOfficer = await actor(plane, [role.officer("tourism")], null);
    const cases: { nominator: Exclude<Who, "anonymous">; body: unknown; approver: Actor }[] = [
      { nominator: "coordCL", body: clFocal(), approver: actors.officerTourism },
      { nominator: "officerTourism", body: clFocal("AR"), approver: secondOfficer },
      // A program with one officer: an administrator is the second pair of eyes on the officer's own nomination.
      { nominator: "officerTourism", body: clFocal("BR"), approver: actors.admin },
      { nominator: "admin", body: staffNominee, approver: secondAdmin },
    ];
    for (const c of cases) {
      const id = await fresh.nominated(c.nominator, { ...(c.body as object), reason: "met at the regional workshop" });
      const own = await api(plane, "POST", `/api/people/${id}/approve`, { token: tokenOf(c.nominator), body: { reason: "mine" } });
      expect(own.status, `${c.nominator} approving their own nomination`).toBe(403);
      expect(own.body.detail).toMatch(/four eyes/i);
      const queue = (await api(plane, "GET", "/api/vetting/nominations", { token: tokenOf(c.nominator) })).body as { id: string; canApprove: boolean }[];
      expect(queue.find((p) => p.id === id)?.canApprove).toBe(false);
      // The approver's queue says who nominated, with the note, and that they may approve.
      type Queued = { id: string; canApprove: boolean; nominatorName: string | null; note: string | null; approvalRule: string };
      const theirs = ((await api(plane, "GET", "/api/vetting/nominations", { token: c.approver.token })).body as Queued[]).find((p) => p.id === id);
      const nominatorName = (await plane.ctx.db.query("SELECT full_name FROM people WHERE id = $1", [actors[c.nominator].id])).rows[0].full_name;
      expect(theirs).toMatchObject({
        canApprove: true,
        nominatorName,
        note: "met at the regional workshop",
        approvalRule: c.nominator === "admin" ? "admin" : "officer-or-admin",
      });
      expect((await api(plane, "POST", `/api/people/${id}/approve`, { token: c.approver.token, body: { reason: "second pair of eyes" } })).status).toBe(200);
    }
    // A person in two programs needs an officer of both: an officer of one of them is not enough.
    const both = await fresh.nominated("coordCL", { ...clFocal(), roles: [role.focal("CL", "tourism"), role.focal("CL", "maritime")] });
    expect((await api(plane, "POST", `/api/people/${both}/approve`, { token: tokenOf("officerTourism"), body: { reason: "x" } })).status).toBe(403);
    const twoHats = await actor(plane, [role.officer("tourism"), role.officer("maritime")], null);
    expect((await api(plane, "POST", `/api/people/${both}/approve`, { token: twoHats.token, body: { reason: "x" } })).status).toBe(200);
  });

  it("a coordinator nominates only for their own state, and never staff", async () => {
    const t = tokenOf("coordCL");
    expect((await api(plane, "POST", "/api/nominations", { token: t, body: clFocal("AR") })).status).toBe(403);
    expect(
      (
        await api(plane, "POST", "/api/nominations", {
          token: t,
          body: { email: `c-${uniq()}@gob.cl`, fullName: "C", memberState: "CL", roles: [{ role: "national_coordinator", memberState: "CL" }] },
        })
      ).status,
    ).toBe(403);
    expect((await api(plane, "POST", "/api/nominations", { token: tokenOf("coordAR"), body: clFocal("CL") })).status).toBe(403);
    expect((await api(plane, "POST", "/api/nominations", { token: tokenOf("officerMaritime"), body: clFocal("CL", "tourism") })).status).toBe(403);
  });

  it("events: each says what the caller may do to it; a coordinator edits only within their state", async () => {
    const body = { name: "Juegos", hostState: "CL", startsOn: "2027-09-01", endsOn: "2027-09-10", venueType: "multiple" };
    const id = (await ok(api(plane, "POST", "/api/events", { token: tokenOf("coordCL"), body }), 201)).id as string;
    for (const who of ACTIVE) {
      const mine = ((await api(plane, "GET", "/api/events", { token: tokenOf(who) })).body as { id: string; mayDo: string[] }[]).find((e) => e.id === id);
      const may = ["coordCL", "officerTourism", "officerMaritime", "admin"].includes(who);
      expect(mine?.mayDo, who).toEqual(may ? ["edit"] : []);
      expect((await api(plane, "GET", `/api/events/${id}`, { token: tokenOf(who) })).body.mayDo, who).toEqual(may ? ["edit"] : []);
    }
    // Moving the event out of the coordinator's state, or a missing event: refused, nothing changed.
    expect((await api(plane, "PUT", `/api/events/${id}`, { token: tokenOf("coordCL"), body: { ...body, hostState: "AR" } })).status).toBe(403);
    expect((await api(plane, "PUT", `/api/events/${randomUUID()}`, { token: tokenOf("admin"), body })).status).toBe(404);
    expect((await api(plane, "PUT", `/api/events/${randomUUID()}`, { token: tokenOf("focal"), body })).status).toBe(403);
    expect((await api(plane, "GET", `/api/events/${id}`, { token: tokenOf("admin") })).body.hostState).toBe("CL");
    // The Secretariat moves it; the host is never listed as its own supporter; the edit is audited.
    const moved = await api(plane, "PUT", `/api/events/${id}`, { token: tokenOf("admin"), body: { ...body, hostState: "AR", supportingStates: ["AR", "CL"] } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ hostState: "AR", supportingStates: ["CL"], mayDo: ["edit"] });
    const audit = await plane.ctx.db.query("SELECT details FROM audit_log WHERE action = 'event.updated' AND subject = $1", [id]);
    expect(audit.rows.map((r) => r.details.changed)).toEqual([["hostState", "supportingStates"]]);
  });

  it("ended sessions are dead everywhere: logged out and suspended tokens get 401", async () => {
    const a = await actor(plane, [role.coordinator("CL")], "CL");
    expect((await api(plane, "POST", "/api/auth/logout", { token: a.token })).status).toBe(204);
    for (const t of [a.token, actors.suspended.token]) {
      const r = await api(plane, "GET", "/api/people", { token: t });
      expect(r.status).toBe(401);
      expect(r.body.type).toMatch(/unauthenticated$/);
    }
  });
});
