import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { randomBytes } from "node:crypto";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../../helpers/control-plane.js";
import { currentTotp } from "#server/domain/auth/totp.js";
import { fromAddress, CLI } from "./addresses.js";

// An anonymous outsider attacks sign-in and enrollment throttling with several real source addresses
// (127.0.0.x). Each test performs the attack and shows it no longer harms anyone but the attacker.

const PROBLEM = "https://enlace.oas.org/problems/";
const madeUpToken = () => randomBytes(32).toString("base64url");
const nomination = (email: string) => ({
  email,
  fullName: "Nominee",
  memberState: "CL",
  roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }],
});

describe("attack: one person blocks all enrollment (issue 9 item 3)", () => {
  let plane: TestPlane, coord: Actor, officer: Actor;
  let n = 0;
  beforeAll(async () => {
    plane = await startTestPlane({ throttle: { failuresPerAccount: 5, attemptsPerIp: 8, windowSeconds: 900, failuresPerLink: 5 } });
    coord = await actor(plane, [role.coordinator("CL")], "CL");
    officer = await actor(plane, [role.officer("tourism")], null);
  });
  afterAll(() => plane.close());

  async function freshLink() {
    const nom = await api(plane, "POST", "/api/nominations", { token: coord.token, body: nomination(`enrollee${n++}-${Date.now()}@gob.cl`) });
    expect(nom.status).toBe(201);
    const appr = await api(plane, "POST", `/api/people/${nom.body.id}/approve`, { token: officer.token, body: { reason: "ok" } });
    expect(appr.status).toBe(200);
    return appr.body.enrollment.token as string;
  }
  const complete = (addr: string, token: string, extra: Record<string, unknown> = {}) =>
    fromAddress(plane, addr, "POST", "/api/auth/enroll/complete", { token, password: "a long enough passphrase", ...extra }, CLI);

  it("five failed enroll/complete calls from five addresses do not stop a fresh valid link from a sixth", async () => {
    for (let i = 2; i <= 6; i++) expect((await complete(`127.0.0.${i}`, madeUpToken())).status, `attacker 127.0.0.${i}`).toBe(410);
    const link = await freshLink();
    const ok = await complete("127.0.0.7", link);
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("failures with one link throttle that link only; guessing links is throttled per address", async () => {
    const victim = await freshLink(),
      other = await freshLink();
    // Five failures on one link (a code without opening the link first: 409), from different addresses.
    for (let i = 0; i < 5; i++) expect((await complete(`127.0.1.${i + 1}`, victim, { totp: "123456" })).status).toBe(409);
    const blocked = await complete("127.0.1.9", victim);
    expect(blocked.status).toBe(429);
    expect(blocked.body.type).toBe(`${PROBLEM}too-many-attempts`);
    expect((await complete("127.0.1.9", other)).status).toBe(200); // another link, same address: fine

    // One address guessing made-up links runs out of attempts (8 per window here), whatever the link.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await complete("127.0.2.1", madeUpToken())).status);
    expect(statuses).toEqual([410, 410, 410, 410, 410, 410, 410, 410, 429]);
    expect((await fromAddress(plane, "127.0.2.1", "POST", "/api/auth/enroll/start", { token: madeUpToken() })).status).toBe(429);
    expect((await fromAddress(plane, "127.0.2.2", "POST", "/api/auth/enroll/start", { token: madeUpToken() })).status).toBe(410);
  });
});

describe("attack: locking a person out by failing their sign-in (issue 9 item 7)", () => {
  let plane: TestPlane, admin: Actor;
  const code = () => {
    plane.clock.advance(30_000);
    return currentTotp(admin.totpSecret!, plane.clock.now.getTime());
  };
  const login = (addr: string, body: Record<string, unknown>) => fromAddress(plane, addr, "POST", "/api/auth/login", body, CLI);
  beforeAll(async () => {
    plane = await startTestPlane({ throttle: { failuresPerPair: 5, failuresPerAccount: 10, attemptsPerIp: 1000, windowSeconds: 900, maxDelaySeconds: 60 } });
    admin = await actor(plane, [role.admin()], null);
    // The administrator's usual place: one earlier successful sign-in from 127.0.3.1.
    expect((await login("127.0.3.1", { email: admin.email, password: admin.password, totp: code() })).status).toBe(200);
  });
  afterAll(() => plane.close());

  it("wrong passwords from many addresses throttle those addresses; the administrator still signs in, from a known and from a new address", async () => {
    for (let a = 1; a <= 4; a++) {
      const addr = `127.0.4.${a}`;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await login(addr, { email: admin.email, password: `guess ${a}-${i}`, totp: "000000" })).status);
      // The first two addresses meet only the strict per-pair limit; from the 11th failure on the
      // account (a distributed attack) each new attacker address is slowed from its first failure.
      expect(statuses, addr).toEqual(a <= 2 ? [401, 401, 401, 401, 401, 429] : [401, 429, 429, 429, 429, 429]);
    }
    // 20 failures on the account: a distributed attack. The person is not locked out:
    expect((await login("127.0.3.1", { email: admin.email, password: admin.password, totp: code() })).status).toBe(200); // known address
    expect((await login("127.0.5.1", { email: admin.email, password: admin.password, totp: code() })).status).toBe(200); // first try from a new one
  });

  it("during the distributed attack a new attacker address is slowed from its first failure, with a short capped delay", async () => {
    for (let a = 1; a <= 3; a++) for (let i = 0; i < 5; i++) await login(`127.0.6.${a}`, { email: admin.email, password: "x" });
    expect((await login("127.0.7.1", { email: admin.email, password: "guess" })).status).toBe(401);
    const slowed = await login("127.0.7.1", { email: admin.email, password: "guess again" });
    expect(slowed.status).toBe(429);
    expect(slowed.body.retryAfterSeconds).toBeGreaterThan(0);
    expect(slowed.body.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(slowed.headers["retry-after"]).toBe(String(slowed.body.retryAfterSeconds));
  });
});

describe("attack: the answer as a password oracle (issue 9 item 7)", () => {
  let plane: TestPlane, staff: Actor;
  beforeAll(async () => {
    plane = await startTestPlane({ throttle: { failuresPerPair: 3, failuresPerAccount: 1000, attemptsPerIp: 1000, windowSeconds: 900 } });
    staff = await actor(plane, [role.officer("tourism")], null);
  });
  afterAll(() => plane.close());
  const seen = (r: Awaited<ReturnType<typeof fromAddress>>) => ({
    status: r.status,
    body: r.body,
    type: r.headers["content-type"],
    cookie: r.headers["set-cookie"],
  });

  it("right password without a code, right password with a wrong code and a wrong password get the same answer", async () => {
    const wrongCode = currentTotp(staff.totpSecret!, plane.clock.now.getTime() - 10 * 60_000); // outside the window
    const answers = [
      await fromAddress(plane, "127.0.8.1", "POST", "/api/auth/login", { email: staff.email, password: "not the password" }),
      await fromAddress(plane, "127.0.8.2", "POST", "/api/auth/login", { email: staff.email, password: staff.password }),
      await fromAddress(plane, "127.0.8.3", "POST", "/api/auth/login", { email: staff.email, password: staff.password, totp: wrongCode }),
      await fromAddress(plane, "127.0.8.4", "POST", "/api/auth/login", { email: staff.email, password: "not the password", totp: wrongCode }),
    ].map(seen);
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 401, cookie: undefined, body: { type: `${PROBLEM}invalid-credentials` } });
  });

  it("the throttle does not tell them apart either: a right password without a code counts as a failure", async () => {
    const run = async (addr: string, password: string) => {
      const s: number[] = [];
      for (let i = 0; i < 4; i++) s.push((await fromAddress(plane, addr, "POST", "/api/auth/login", { email: staff.email, password })).status);
      return s;
    };
    expect(await run("127.0.9.1", staff.password)).toEqual([401, 401, 401, 429]);
    expect(await run("127.0.9.2", "wrong")).toEqual([401, 401, 401, 429]);
  });
});

describe("attack: a forged X-Forwarded-For to escape the per-address limit (issue 9 item 7)", () => {
  const spoofed = async (plane: TestPlane, forwardedFor: (i: number) => string) => {
    const s: number[] = [];
    for (let i = 0; i < 6; i++)
      s.push(
        (await fromAddress(plane, "127.0.0.1", "POST", "/api/auth/login", { email: `x${i}@gob.cl`, password: "x" }, { "x-forwarded-for": forwardedFor(i) }))
          .status,
      );
    return s;
  };

  it("is ignored by default: all six attempts count against the real peer address", async () => {
    const plane = await startTestPlane({ throttle: { failuresPerAccount: 1000, attemptsPerIp: 5, windowSeconds: 60 } });
    try {
      expect(await spoofed(plane, (i) => `203.0.113.${i}`)).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await plane.close();
    }
  });

  it("is believed only when a proxy is configured (ENLACE_TRUST_PROXY), and then names the client", async () => {
    const plane = await startTestPlane({ trustProxy: "loopback", throttle: { failuresPerAccount: 1000, attemptsPerIp: 5, windowSeconds: 60 } });
    try {
      expect(await spoofed(plane, (i) => `203.0.113.${i}`)).toEqual([401, 401, 401, 401, 401, 401]);
      expect(await spoofed(plane, () => "203.0.113.77")).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await plane.close();
    }
  });
});
