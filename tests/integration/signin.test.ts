import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../helpers/control-plane.js";
import { currentTotp } from "#server/domain/auth/totp.js";

// Sign-in reveals nothing about which accounts exist or what state they are in, throttles guessing
// per account (known or not) and per address, and is audited without secrets.

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const PROBLEM = "https://enlace.oas.org/problems/";

async function login(plane: TestPlane, body: Record<string, unknown>) {
  const t0 = performance.now();
  const res = await api(plane, "POST", "/api/auth/login", { body });
  return { ...res, ms: performance.now() - t0 };
}
/** What a caller can observe of a refused sign-in, besides time. */
const observable = (r: Awaited<ReturnType<typeof login>>) => ({
  status: r.status,
  body: r.body,
  contentType: r.headers.get("content-type"),
  cookie: r.headers.get("set-cookie"),
});
const nomination = (email: string, state = "CL") => ({
  email,
  fullName: "Nominee",
  memberState: state,
  roles: [{ role: "focal_point", memberState: state, program: "tourism" }],
});

describe("sign-in: one answer for every kind of failure", () => {
  let plane: TestPlane;
  let known: Actor, suspended: Actor, revoked: Actor, staff: Actor;
  beforeAll(async () => {
    plane = await startTestPlane(); // generous throttle: these tests measure answers, not limits
    known = await actor(plane, [role.focal("CL", "tourism")], "CL");
    suspended = await actor(plane, [role.focal("CL", "tourism")], "CL");
    revoked = await actor(plane, [role.focal("CL", "tourism")], "CL");
    staff = await actor(plane, [role.officer("tourism")], null);
    const coord = await actor(plane, [role.coordinator("CL")], "CL");
    expect((await api(plane, "POST", `/api/people/${suspended.id}/suspend`, { token: staff.token, body: { reason: "x" } })).status).toBe(200);
    expect((await api(plane, "POST", `/api/people/${revoked.id}/revoke`, { token: staff.token, body: { reason: "x" } })).status).toBe(200);
    expect((await api(plane, "POST", "/api/nominations", { token: coord.token, body: nomination("nominee@gob.cl") })).status).toBe(201);
    const approved = await api(plane, "POST", "/api/nominations", { token: coord.token, body: nomination("approved@gob.cl") });
    expect((await api(plane, "POST", `/api/people/${approved.body.id}/approve`, { token: staff.token, body: { reason: "ok" } })).status).toBe(200);
  });
  afterAll(() => plane.close());

  it("unknown email, wrong password, suspended, revoked, nominated and not-yet-enrolled people: identical answers in similar time", async () => {
    let i = 0;
    const cases: Record<string, () => Record<string, unknown>> = {
      unknownEmail: () => ({ email: `nobody-${i++}@gob.cl`, password: known.password }),
      wrongPassword: () => ({ email: known.email, password: "not the password at all" }),
      suspended: () => ({ email: suspended.email, password: suspended.password }),
      revoked: () => ({ email: revoked.email, password: revoked.password }),
      nominated: () => ({ email: "nominee@gob.cl", password: known.password }),
      approvedNotEnrolled: () => ({ email: "approved@gob.cl", password: known.password }),
      staffWrongPassword: () => ({ email: staff.email, password: "not the password at all", totp: "123456" }),
    };
    const times: Record<string, number[]> = {};
    let reference: ReturnType<typeof observable> | undefined;
    for (let round = 0; round < 17; round++) {
      for (const [name, body] of Object.entries(cases)) {
        // interleaved, so drift hits every case alike
        const r = await login(plane, body());
        const seen = observable(r);
        reference ??= seen;
        expect(seen, name).toEqual(reference);
        if (round >= 2) {
          times[name] ??= [];
          times[name].push(r.ms);
        } // two warm-up rounds
      }
    }
    expect(reference).toMatchObject({
      status: 401,
      cookie: null,
      body: { type: `${PROBLEM}invalid-credentials`, status: 401, title: expect.any(String), detail: expect.any(String) },
    });
    expect(reference!.contentType).toMatch(/^application\/problem\+json/);
    const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    const values = Object.values(medians);
    expect(Math.max(...values) / Math.min(...values), `medians in ms: ${JSON.stringify(medians)}`).toBeLessThan(3);
  });

  it("the email's case and surrounding answers do not change the outcome", async () => {
    expect((await login(plane, { email: known.email.toUpperCase(), password: known.password })).status).toBe(200);
    const bad = await login(plane, { email: known.email.toUpperCase(), password: "nope" });
    expect(bad.body.type).toBe(`${PROBLEM}invalid-credentials`);
  });
});

describe("sign-in throttling", () => {
  let plane: TestPlane;
  beforeAll(async () => {
    plane = await startTestPlane({ throttle: { failuresPerAccount: 3, attemptsPerIp: 1000, windowSeconds: 60 } });
  });
  afterAll(() => plane.close());

  const sessions = async () => (await plane.ctx.db.query("SELECT count(*)::int AS n FROM sessions")).rows[0].n as number;
  /** Three failures, then one more attempt: the statuses seen and the final answer. */
  async function exhaust(email: string, finalPassword: string) {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await login(plane, { email, password: `wrong guess ${i}` })).status);
    const final = await login(plane, { email, password: finalPassword });
    return { statuses, final };
  }
  const expectThrottled = (r: Awaited<ReturnType<typeof login>>) => {
    expect(r.status).toBe(429);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ type: `${PROBLEM}too-many-attempts`, status: 429, title: expect.any(String), detail: expect.any(String) });
    expect(r.body.retryAfterSeconds).toBeGreaterThan(0);
    expect(r.body.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(r.headers.get("set-cookie")).toBeNull();
  };

  it("after 3 failures the next attempt is refused with 429, even with the right password, and starts no session", async () => {
    const a = await actor(plane, [role.focal("CL", "tourism")], "CL");
    const before = await sessions();
    const { statuses, final } = await exhaust(a.email, a.password);
    expect(statuses).toEqual([401, 401, 401]);
    expectThrottled(final);
    expectThrottled(await login(plane, { email: a.email.toUpperCase(), password: a.password })); // the same account, however spelled
    expect(await sessions()).toBe(before);
    // Other accounts are not affected.
    const b = await actor(plane, [role.focal("CL", "tourism")], "CL");
    expect((await login(plane, { email: b.email, password: b.password })).status).toBe(200);
  });

  it("an unknown email is throttled exactly like a known one", async () => {
    const a = await actor(plane, [role.focal("AR", "tourism")], "AR");
    const knownRun = await exhaust(a.email, a.password);
    const unknownRun = await exhaust("ghost@nowhere.example", "anything at all");
    expect(unknownRun.statuses).toEqual(knownRun.statuses);
    expectThrottled(unknownRun.final);
    const shape = (r: Awaited<ReturnType<typeof login>>) => ({ ...r.body, retryAfterSeconds: undefined, contentType: r.headers.get("content-type") });
    expect(shape(unknownRun.final)).toEqual(shape(knownRun.final));
  });

  it("a success clears the account's failures", async () => {
    const a = await actor(plane, [role.focal("PE", "tourism")], "PE");
    for (let i = 0; i < 2; i++) expect((await login(plane, { email: a.email, password: "wrong" })).status).toBe(401);
    expect((await login(plane, { email: a.email, password: a.password })).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login(plane, { email: a.email, password: "wrong" })).status).toBe(401);
    expect((await login(plane, { email: a.email, password: a.password })).status).toBe(200);
  });

  it("every attempt counts against the address, whatever the account", async () => {
    const perIp = await startTestPlane({ throttle: { failuresPerAccount: 1000, attemptsPerIp: 5, windowSeconds: 60 } });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await login(perIp, { email: `someone${i}@gob.cl`, password: "x" })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await perIp.close();
    }
  });
});

describe("sign-in is audited, without secrets", () => {
  let plane: TestPlane;
  const logLines: string[] = [];
  beforeAll(async () => {
    plane = await startTestPlane({
      logSink: {
        write: (line: string) => {
          logLines.push(line);
        },
      },
    });
  });
  afterAll(() => plane.close());

  const auditRows = async (subject: string | null, email: string) =>
    (
      await plane.ctx.db.query(
        "SELECT actor, action, subject, details FROM audit_log WHERE action LIKE 'auth.login.%' AND (subject = $1 OR details->>'email' = $2) ORDER BY seq",
        [subject, email],
      )
    ).rows;
  const keysDeep = (v: unknown): string[] => (v && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => [k, ...keysDeep(x)]) : []);

  it("records successes and failures, for known and unknown accounts", async () => {
    const a = await actor(plane, [role.focal("CL", "tourism")], "CL"); // one success
    expect((await login(plane, { email: a.email, password: "wrong-password-1" })).status).toBe(401);
    const rows = await auditRows(a.id, a.email);
    expect(rows.map((r) => r.action)).toEqual(["auth.login.succeeded", "auth.login.failed"]);
    expect(rows.every((r) => r.actor === a.id && r.subject === a.id)).toBe(true);
    expect(rows[1].details).toMatchObject({ email: a.email, why: "wrong password" });

    expect((await login(plane, { email: "Unknown.Person@Gob.CL", password: "wrong-password-2" })).status).toBe(401);
    expect(await auditRows(null, "unknown.person@gob.cl")).toEqual([
      { actor: "anonymous", action: "auth.login.failed", subject: null, details: { email: "unknown.person@gob.cl", why: "unknown account" } },
    ]);
  });

  it("never stores or logs a password, a TOTP code or a TOTP secret", async () => {
    const staff = await actor(plane, [role.officer("tourism")], null);
    plane.clock.advance(30_000);
    const code = currentTotp(staff.totpSecret!, plane.clock.now.getTime());
    const wrongCode = code === "000000" ? "111111" : "000000";
    expect((await login(plane, { email: staff.email, password: staff.password, totp: wrongCode })).status).toBe(401);
    expect((await login(plane, { email: staff.email, password: staff.password, totp: code })).status).toBe(200);
    expect((await login(plane, { email: staff.email, password: staff.password, totp: code })).status).toBe(401); // replayed
    expect((await login(plane, { email: staff.email, password: "a-guessed-password-3" })).status).toBe(401);
    const rows = await auditRows(staff.id, staff.email);
    expect(rows.map((r) => r.action)).toEqual(["auth.login.succeeded", "auth.login.failed", "auth.login.succeeded", "auth.login.failed", "auth.login.failed"]);
    expect(rows.map((r) => r.details.why ?? null)).toEqual([null, "wrong code", null, "replayed code", "wrong password"]);

    const audit = (await plane.ctx.db.query("SELECT actor, action, subject, details FROM audit_log")).rows;
    const text = JSON.stringify(audit);
    const passwords = [staff.password, "a-guessed-password-3", "wrong-password-1", "wrong-password-2", staff.totpSecret!];
    for (const secret of [...passwords, `"${code}"`, `"${wrongCode}"`]) expect(text, "audit log").not.toContain(secret);
    for (const secret of passwords) expect(logLines.join("\n"), "request log").not.toContain(secret);
    expect(audit.flatMap((r) => keysDeep(r.details)).filter((k) => /password|totp|secret|code/i.test(k))).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
  });
});
