import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane } from "../helpers/control-plane.js";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe("sign-in: no account enumeration, throttling, audited", () => {
  let plane: TestPlane;
  beforeAll(async () => { plane = await startTestPlane({ throttle: { failuresPerAccount: 3, attemptsPerIp: 10_000, windowSeconds: 60 } }); });
  afterAll(() => plane.close());

  async function attempt(email: string, password: string, on = plane) {
    const t0 = performance.now();
    const r = await api(on, "POST", "/api/auth/login", { body: { email, password } });
    return { ...r, ms: performance.now() - t0 };
  }

  it("an unknown account, a wrong password, a suspended and a nominated person get the same answer in similar time", async () => {
    const plane = await startTestPlane(); // throttling out of the way while measuring
    try {
    const known = await actor(plane, [role.focal("CL", "tourism")], "CL");
    const suspended = await actor(plane, [role.focal("CL", "tourism")], "CL");
    const officer = await actor(plane, [role.officer("tourism")], null);
    await api(plane, "POST", `/api/people/${suspended.id}/suspend`, { token: officer.token, body: { reason: "x" } });
    const coord = await actor(plane, [role.coordinator("CL")], "CL");
    await api(plane, "POST", "/api/nominations", { token: coord.token, body: { email: "nominee@gob.cl", fullName: "N", memberState: "CL", roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }] } });

    const cases = {
      unknown: () => attempt(`nobody${Math.random()}@x.org`, "whatever password", plane),
      wrongPassword: () => attempt(known.email, "wrong password", plane),
      suspended: () => attempt(suspended.email, suspended.password, plane),
      nominated: () => attempt("nominee@gob.cl", "any password", plane),
    };
    const times: Record<string, number[]> = {};
    let reference: unknown;
    for (let i = 0; i < 12; i++) {
      for (const [name, run] of Object.entries(cases)) {
        const r = await run();
        expect(r.status).toBe(401);
        const shape = { type: r.body.type, title: r.body.title, detail: r.body.detail };
        reference ??= shape;
        expect(shape).toEqual(reference);
        (times[name] ??= []).push(r.ms);
      }
    }
    const medians = Object.values(times).map(median);
    expect(Math.max(...medians) / Math.min(...medians)).toBeLessThan(3);
    } finally { await plane.close(); }
  });

  it("throttles an account after repeated failures, the right password included, and an unknown account the same way", async () => {
    const a = await actor(plane, [role.focal("CL", "tourism")], "CL");
    for (const email of [a.email, "ghost@nowhere.org"]) {
      for (let i = 0; i < 3; i++) expect((await attempt(email, "wrong")).status).toBe(401);
      const blocked = await attempt(email, email === a.email ? a.password : "wrong");
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get("content-type")).toMatch(/problem\+json/);
      expect(blocked.body.type).toMatch(/too-many-attempts$/);
      expect(blocked.body.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it("successes and failures are audited, without passwords", async () => {
    const a = await actor(plane, [role.focal("AR", "tourism")], "AR");
    await attempt(a.email, "definitely-wrong-secret");
    const rows = (await plane.ctx.db.query("SELECT action, details::text AS d FROM audit_log WHERE action LIKE 'auth.login.%' AND subject = $1", [a.id])).rows;
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["auth.login.succeeded", "auth.login.failed"]));
    const all = (await plane.ctx.db.query("SELECT details::text AS d FROM audit_log")).rows.map((r) => r.d).join("\n");
    expect(all).not.toContain("definitely-wrong-secret");
    expect(all).not.toContain(a.password);
  });
});
