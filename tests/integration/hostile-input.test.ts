import { describe, it, expect, beforeAll, afterAll } from "vitest";
import fc from "fast-check";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../helpers/control-plane.js";
import { collectRoutes } from "../../server/app.js";
import { createLoginThrottle } from "../../server/http/throttle.js";
import type { RouteDef } from "../../server/http/route.js";

const COUNTS = `SELECT (SELECT count(*) FROM people) people, (SELECT count(*) FROM roles) roles,
  (SELECT count(*) FROM vetting_transitions) transitions, (SELECT count(*) FROM sessions) sessions,
  (SELECT count(*) FROM enrollment_links) links, (SELECT count(*) FROM homeservers) homeservers,
  (SELECT count(*) FROM major_events) events, (SELECT count(*) FROM advisory_numbers) advisories,
  (SELECT count(*) FROM audit_log WHERE action <> 'auth.login.failed') audit`;

// Inputs chosen to hurt: wrong types, unknown fields, NUL and control characters, huge strings,
// deep nesting, prototype keys, arrays for objects.
const nasty = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("\u0000", "a\u0000b", "x".repeat(70_000), "{\"__proto__\":{\"admin\":true}}", "[]", "null", "1e400", "\"\\ud800\""),
  fc.dictionary(fc.string({ maxLength: 20 }), fc.anything({ maxDepth: 2 }), { maxKeys: 8 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
);
const rawBody = fc.oneof(
  nasty.map((v) => { try { return JSON.stringify(v) ?? "null"; } catch { return "{"; } }),
  fc.string({ maxLength: 300 }),                      // mostly not JSON at all
  fc.constantFrom("{", "{\"a\":", "\u0000", "x".repeat(70_000), JSON.stringify({ a: "x".repeat(70_000) })),
);
const pathParam = fc.oneof(fc.string({ maxLength: 60 }), fc.uuid(), fc.constantFrom("../../etc/passwd", "%00", "'; DROP TABLE people; --", "@a:b", "\u0000"));

describe("hostile input on every operation: never a 5xx, always problem+json, nothing written", () => {
  let plane: TestPlane, admin: Actor, officer: Actor;
  let routes: RouteDef[];
  beforeAll(async () => {
    plane = await startTestPlane();
    admin = await actor(plane, [role.admin()], null);
    officer = await actor(plane, [role.officer("tourism")], null);
    routes = collectRoutes(plane.ctx, createLoginThrottle({ failuresPerAccount: 1000, attemptsPerIp: 1000, windowSeconds: 1 }));
  });
  afterAll(() => plane.close());

  const counts = async () => (await plane.ctx.db.query(COUNTS)).rows[0];

  it("every operation, with fast-check", async () => {
    const targets = routes; // operations without inputs must shrug off junk too
    const statuses = new Map<number, number>();
    for (const r of targets) {
      await fc.assert(fc.asyncProperty(rawBody, pathParam, fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }), { maxKeys: 4 }), fc.boolean(), async (body, param, query, jsonType) => {
        const path = "/api" + r.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(param)) + (Object.keys(query).length ? "?" + new URLSearchParams(query).toString() : "");
        // Logout is fuzzed with its own sessions, so it cannot sign the administrator out mid-test.
        const token = r.operationId === "logout" ? (await actor(plane, [role.focal("CL", "tourism")], "CL")).token : r.path.startsWith("/advisories") ? officer.token : admin.token;
        const before = await counts();
        const res = await api(plane, r.method.toUpperCase(), path, { token, raw: r.method === "get" ? undefined : body, headers: { "content-type": jsonType ? "application/json" : "text/plain" } });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${r.operationId} ${path.slice(0, 80)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
          expect(res.body).toMatchObject({ type: expect.stringMatching(/^https:\/\/enlace\.oas\.org\/problems\/[a-z-]+$/), title: expect.any(String), status: res.status });
          expect(await counts(), `${r.operationId} wrote something on ${res.status}`).toEqual(before);
        }
      }), { numRuns: 25 });
    }
    expect(targets.length).toBeGreaterThanOrEqual(34);
    console.log(`hostile input: ${targets.length} operations, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 240_000);

  it("invalid transitions are 409 problems and change nothing", async () => {
    const fp = await actor(plane, [role.focal("CL", "tourism")], "CL");
    const before = await counts();
    const approve = await api(plane, "POST", `/api/people/${fp.id}/approve`, { token: officer.token, body: { reason: "again" } });
    expect(approve.status).toBe(409);
    expect(approve.body.type).toMatch(/invalid-transition$/);
    await api(plane, "POST", `/api/people/${fp.id}/revoke`, { token: officer.token, body: { reason: "x" } });
    const mid = await counts();
    expect((await api(plane, "POST", `/api/people/${fp.id}/reinstate`, { token: officer.token, body: { reason: "x" } })).status).toBe(409);
    expect((await api(plane, "POST", `/api/people/${fp.id}/suspend`, { token: officer.token, body: { reason: "x" } })).status).toBe(409);
    expect(await counts()).toEqual(mid);
    expect(Number(mid.people)).toBe(Number(before.people));
  });

  it("expired and used enrollment links are 410", async () => {
    const coord = await actor(plane, [role.coordinator("PE")], "PE");
    const nominate = async (email: string) => (await api(plane, "POST", "/api/nominations", { token: coord.token, body: { email, fullName: "X", memberState: "PE", roles: [{ role: "focal_point", memberState: "PE", program: "tourism" }] } })).body.id;
    const a = await nominate("expired@gob.pe");
    const link = (await api(plane, "POST", `/api/people/${a}/approve`, { token: officer.token, body: { reason: "ok" } })).body.enrollment.token;
    plane.clock.advance(73 * 3600_000);
    try {
      expect((await api(plane, "POST", "/api/auth/enroll/start", { body: { token: link } })).status).toBe(410);
    } finally { plane.clock.advance(-73 * 3600_000); }
    const b = await nominate("used@gob.pe");
    const link2 = (await api(plane, "POST", `/api/people/${b}/approve`, { token: officer.token, body: { reason: "ok" } })).body.enrollment.token;
    expect((await api(plane, "POST", "/api/auth/enroll/complete", { body: { token: link2, password: "a long enough passphrase" } })).status).toBe(200);
    expect((await api(plane, "POST", "/api/auth/enroll/start", { body: { token: link2 } })).status).toBe(410);
  });
});
