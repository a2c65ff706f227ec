import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../helpers/control-plane.js";
import { seedActivePerson } from "../../server/domain/registry/seed.js";
import { collectRoutes } from "../../server/app.js";
import { createLoginThrottle } from "../../server/http/throttle.js";

// Every operation × every role, allowed and denied, including cross-state object access.
type Who = "anonymous" | "suspended" | "focal" | "alternate" | "coordCL" | "coordAR" | "officerTourism" | "officerMaritime" | "admin";
const WHO: Who[] = ["anonymous", "suspended", "focal", "alternate", "coordCL", "coordAR", "officerTourism", "officerMaritime", "admin"];
const ACTIVE: Who[] = ["focal", "alternate", "coordCL", "coordAR", "officerTourism", "officerMaritime", "admin"];
const SECRETARIAT: Who[] = ["officerTourism", "officerMaritime", "admin"];

describe("authorization matrix", () => {
  let plane: TestPlane;
  const tokens = {} as Record<Who, string | undefined>;
  const actors = {} as Record<Who, Actor>;
  let n = 0;

  const clPerson = (email = `p${n++}@gob.cl`) => ({ email, fullName: "Person CL", memberState: "CL", roles: [{ role: "focal_point" as const, memberState: "CL", program: "tourism" }] });
  const freshActive = async () => (await seedActivePerson(plane.ctx, { ...clPerson(), password: "irrelevant-password" })).id;
  const freshNominated = async () => (await api(plane, "POST", "/api/nominations", { token: tokens.coordCL, body: clPerson() })).body.id as string;
  const freshSuspended = async () => { const id = await freshActive(); await api(plane, "POST", `/api/people/${id}/suspend`, { token: tokens.admin, body: { reason: "x" } }); return id; };
  const freshApproved = async () => { const id = await freshNominated(); await api(plane, "POST", `/api/people/${id}/approve`, { token: tokens.officerTourism, body: { reason: "x" } }); return id; };

  type Cell = { allowed: Who[]; run: (token: string | undefined, who: Who) => Promise<{ status: number; body?: any }>; exact?: number; isPublic?: boolean };
  /** A second session for the same person (so logging it out leaves the matrix's token alive). */
  const secondSession = async (who: Who) => {
    const a = actors[who];
    const { currentTotp } = await import("../../server/domain/auth/totp.js");
    plane.clock.advance(30_000); // a fresh TOTP time step
    const r = await api(plane, "POST", "/api/auth/login", { body: { email: a.email, password: a.password, ...(a.totpSecret ? { totp: currentTotp(a.totpSecret, plane.clock.now.getTime()) } : {}) } });
    return r.body.token as string;
  };
  const cells: Record<string, Cell> = {
    login: { allowed: [...WHO], isPublic: true, run: () => api(plane, "POST", "/api/auth/login", { body: { email: "nobody@x.org", password: "x" } }) },
    enrollStart: { allowed: [...WHO], isPublic: true, run: () => api(plane, "POST", "/api/auth/enroll/start", { body: { token: "a".repeat(43) } }) },
    enrollComplete: { allowed: [...WHO], isPublic: true, run: () => api(plane, "POST", "/api/auth/enroll/complete", { body: { token: "a".repeat(43), password: "a long enough password" } }) },
    logout: { allowed: ACTIVE, exact: 204, run: async (t, who) => api(plane, "POST", "/api/auth/logout", { token: ACTIVE.includes(who) ? await secondSession(who) : t }) },
    getSession: { allowed: ACTIVE, run: (t) => api(plane, "GET", "/api/auth/session", { token: t }), exact: 200 },
    nominate: { allowed: ["coordCL", "officerTourism", "admin"], run: (t) => api(plane, "POST", "/api/nominations", { token: t, body: clPerson() }), exact: 201 },
    listPeople: { allowed: ["coordCL", "coordAR", ...SECRETARIAT], run: (t) => api(plane, "GET", "/api/people", { token: t }), exact: 200 },
    getPerson: { allowed: ["coordCL", ...SECRETARIAT], run: async (t) => api(plane, "GET", `/api/people/${await freshActive()}`, { token: t }), exact: 200 },
    approvePerson: { allowed: ["officerTourism"], run: async (t) => api(plane, "POST", `/api/people/${await freshNominated()}/approve`, { token: t, body: { reason: "ok" } }), exact: 200 },
    rejectPerson: { allowed: ["officerTourism", "admin"], run: async (t) => api(plane, "POST", `/api/people/${await freshNominated()}/reject`, { token: t, body: { reason: "no" } }), exact: 200 },
    suspendPerson: { allowed: ["coordCL", "officerTourism", "admin"], run: async (t) => api(plane, "POST", `/api/people/${await freshActive()}/suspend`, { token: t, body: { reason: "x" } }), exact: 200 },
    reinstatePerson: { allowed: ["officerTourism", "admin"], run: async (t) => api(plane, "POST", `/api/people/${await freshSuspended()}/reinstate`, { token: t, body: { reason: "x" } }), exact: 200 },
    revokePerson: { allowed: ["officerTourism", "admin"], run: async (t) => api(plane, "POST", `/api/people/${await freshActive()}/revoke`, { token: t, body: { reason: "x" } }), exact: 200 },
    reissueEnrollmentLink: { allowed: ["officerTourism", "admin"], run: async (t) => api(plane, "POST", `/api/people/${await freshApproved()}/enrollment-link`, { token: t }), exact: 200 },
    nominationQueue: { allowed: ["coordCL", "coordAR", ...SECRETARIAT], run: (t) => api(plane, "GET", "/api/vetting/nominations", { token: t }), exact: 200 },
    revettingQueue: { allowed: ["coordCL", "coordAR", ...SECRETARIAT], run: (t) => api(plane, "GET", "/api/vetting/revetting", { token: t }), exact: 200 },
    setMyExpertise: { allowed: ACTIVE, run: (t) => api(plane, "PUT", "/api/me/expertise", { token: t, body: { areas: ["x"], languages: ["es"] } }), exact: 200 },
    searchDirectory: { allowed: ACTIVE, run: (t) => api(plane, "GET", "/api/directory?q=person", { token: t }), exact: 200 },
    listMemberStates: { allowed: ACTIVE, run: (t) => api(plane, "GET", "/api/member-states", { token: t }), exact: 200 },
    listPrograms: { allowed: ACTIVE, run: (t) => api(plane, "GET", "/api/programs", { token: t }), exact: 200 },
    listHomeservers: { allowed: ["admin"], run: (t) => api(plane, "GET", "/api/homeservers", { token: t }), exact: 200 },
    registerHomeserver: { allowed: ["admin"], run: (t) => api(plane, "POST", "/api/homeservers", { token: t, body: { serverName: `hs${n++}.gob.cl`, memberState: "CL" } }), exact: 201 },
    setHomeserverStatus: {
      allowed: ["admin"], exact: 200,
      run: async (t) => { const hs = await api(plane, "POST", "/api/homeservers", { token: tokens.admin, body: { serverName: `hs${n++}.gob.ar`, memberState: "AR" } }); return api(plane, "PATCH", `/api/homeservers/${hs.body.id}`, { token: t, body: { status: "suspended" } }); },
    },
    listEvents: { allowed: ACTIVE, run: (t) => api(plane, "GET", "/api/events", { token: t }), exact: 200 },
    getEvent: {
      allowed: ACTIVE, exact: 200,
      run: async (t) => { const e = await api(plane, "POST", "/api/events", { token: tokens.admin, body: { name: "Summit", hostState: "CL", startsOn: "2027-01-01", endsOn: "2027-01-03", venueType: "summit-venue" } }); return api(plane, "GET", `/api/events/${e.body.id}`, { token: t }); },
    },
    createEvent: { allowed: ["coordCL", ...SECRETARIAT], run: (t) => api(plane, "POST", "/api/events", { token: t, body: { name: "Cup", hostState: "CL", startsOn: "2027-01-01", endsOn: "2027-01-03", venueType: "stadium" } }), exact: 201 },
    listAudit: { allowed: ["admin"], run: (t) => api(plane, "GET", "/api/audit", { token: t }), exact: 200 },
    verifyAudit: { allowed: ["admin"], run: (t) => api(plane, "GET", "/api/audit/verify", { token: t }), exact: 200 },
    getSecretariatKey: { allowed: ACTIVE, run: (t) => api(plane, "GET", "/api/credentials/secretariat-key", { token: t }), exact: 200 },
    getCredential: { allowed: ACTIVE, run: (t) => api(plane, "GET", `/api/credentials/${encodeURIComponent("@nobody:hs.test")}`, { token: t }) },
    getRevocations: { allowed: ACTIVE, run: (t) => api(plane, "GET", "/api/revocations", { token: t }), exact: 200 },
    registerMasterKey: { allowed: ACTIVE, run: (t) => api(plane, "PUT", "/api/me/master-key", { token: t, body: { masterKey: "A".repeat(43) } }) },
    reserveAdvisoryNumber: { allowed: ["officerTourism"], run: (t) => api(plane, "POST", "/api/advisories/numbers", { token: t, body: { programCode: "tourism" } }), exact: 201 },
    countersignAdvisory: {
      allowed: ["officerTourism"], exact: 200,
      run: async (t) => {
        const r = await api(plane, "POST", "/api/advisories/numbers", { token: tokens.officerTourism, body: { programCode: "tourism" } });
        return api(plane, "POST", "/api/advisories/countersign", { token: t, body: { programCode: "tourism", number: r.body.number, digest: "B".repeat(43) } });
      },
    },
  };

  beforeAll(async () => {
    plane = await startTestPlane();
    actors.focal = await actor(plane, [role.focal("CL", "tourism")], "CL");
    actors.alternate = await actor(plane, [role.alternate("CL", "tourism")], "CL");
    actors.coordCL = await actor(plane, [role.coordinator("CL")], "CL");
    actors.coordAR = await actor(plane, [role.coordinator("AR")], "AR");
    actors.officerTourism = await actor(plane, [role.officer("tourism")], null);
    actors.officerMaritime = await actor(plane, [role.officer("maritime")], null);
    actors.admin = await actor(plane, [role.admin()], null);
    actors.suspended = await actor(plane, [role.focal("CL", "tourism")], "CL");
    for (const w of Object.keys(actors) as Who[]) tokens[w] = actors[w].token;
    await api(plane, "POST", `/api/people/${actors.suspended.id}/suspend`, { token: tokens.admin, body: { reason: "matrix" } });
    tokens.anonymous = undefined;
  });
  afterAll(() => plane.close());

  it("covers every operation of the route table", () => {
    const ops = collectRoutes(plane.ctx, createLoginThrottle({ failuresPerAccount: 1, attemptsPerIp: 1, windowSeconds: 1 })).map((r) => r.operationId).sort();
    expect(Object.keys(cells).sort()).toEqual(ops);
  });

  for (const [op, cell] of Object.entries(cells)) {
    it(`${op}: allowed for ${cell.allowed.join(", ")}; denied for the rest`, async () => {
      for (const who of WHO) {
        const res = await cell.run(tokens[who], who);
        const allowed = cell.allowed.includes(who);
        const detail = `${op} as ${who}: HTTP ${res.status}`;
        expect(res.status, detail).toBeLessThan(500);
        if (cell.isPublic) {
          expect(String(res.body?.type ?? ""), detail).not.toMatch(/unauthenticated|forbidden$/);
        } else if (allowed) {
          expect([401, 403], detail).not.toContain(res.status);
          if (cell.exact && !["anonymous", "suspended"].includes(who)) expect(res.status, detail).toBe(cell.exact);
        } else if (who === "anonymous" || who === "suspended") {
          expect(res.status, detail).toBe(401);
        } else {
          expect([403, 404], detail).toContain(res.status);
        }
      }
    });
  }

  it("objects of another state stay invisible: a coordinator of AR neither sees nor lists nor changes CL's people", async () => {
    const id = await freshActive();
    expect((await api(plane, "GET", `/api/people/${id}`, { token: tokens.coordAR })).status).toBe(404);
    expect((await api(plane, "POST", `/api/people/${id}/suspend`, { token: tokens.coordAR, body: { reason: "x" } })).status).toBe(404);
    const listed = await api(plane, "GET", "/api/people?memberState=CL", { token: tokens.coordAR });
    expect(listed.body).toEqual([]);
    const own = await api(plane, "GET", "/api/people", { token: tokens.coordCL });
    expect(own.body.length).toBeGreaterThan(0);
    expect(own.body.every((p: { memberState: string }) => p.memberState === "CL")).toBe(true);
    const queue = await api(plane, "GET", "/api/vetting/nominations", { token: tokens.coordAR });
    expect(queue.body.every((p: { memberState: string }) => p.memberState === "AR")).toBe(true);
  });

  it("logout ends the session", async () => {
    const a = await actor(plane, [role.focal("CL", "tourism")], "CL");
    expect((await api(plane, "POST", "/api/auth/logout", { token: a.token })).status).toBe(204);
    expect((await api(plane, "GET", "/api/auth/session", { token: a.token })).status).toBe(401);
  });
});
