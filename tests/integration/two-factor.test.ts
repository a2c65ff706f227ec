import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../helpers/control-plane.js";
import { currentTotp } from "#server/domain/auth/totp.js";

const PASSWORD = "a long enough passphrase";

/** Nominates and approves a focal point, and returns the enrollment link's token. */
async function approvedFocalPoint(plane: TestPlane, coord: Actor, officer: Actor, email: string) {
  const nom = await api(plane, "POST", "/api/nominations", {
    token: coord.token,
    body: { email, fullName: "Ana Pérez", memberState: "CL", roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }] },
  });
  expect(nom.status).toBe(201);
  const appr = await api(plane, "POST", `/api/people/${nom.body.id}/approve`, { token: officer.token, body: { reason: "ok" } });
  expect(appr.status).toBe(200);
  return appr.body.enrollment.token as string;
}

describe("ENLACE_TOTP_REQUIRED_FOR at enrollment", () => {
  for (const policy of ["everyone", "staff"] as const) {
    it(`policy ${policy}: a focal point's enrollment ${policy === "everyone" ? "requires" : "does not require"} a code`, async () => {
      const plane = await startTestPlane({ totpRequiredFor: policy });
      try {
        const coord = await actor(plane, [role.coordinator("CL")], "CL");
        const officer = await actor(plane, [role.officer("tourism")], null);
        const token = await approvedFocalPoint(plane, coord, officer, `fp-${policy}@example.cl`);
        const start = await api(plane, "POST", "/api/auth/enroll/start", { body: { token } });
        expect(start.body.totpRequired).toBe(policy === "everyone");
        const noCode = await api(plane, "POST", "/api/auth/enroll/complete", { body: { token, password: PASSWORD } });
        if (policy === "staff") {
          expect(noCode.status).toBe(200);
          return;
        }
        expect(noCode.status).toBe(400);
        expect(noCode.body.type).toMatch(/totp-required$/);
        const ok = await api(plane, "POST", "/api/auth/enroll/complete", {
          body: { token, password: PASSWORD, totp: currentTotp(start.body.totp.secret, plane.clock.now.getTime()) },
        });
        expect(ok.status).toBe(200);
        const status = await api(plane, "GET", "/api/account/totp", { token: ok.body.token });
        expect(status.body).toEqual({ enabled: true, required: true });
      } finally {
        await plane.close();
      }
    }, 60_000);
  }
});

describe("ENLACE_TOTP_REQUIRED_FOR at sign-in", () => {
  it("policy everyone: a focal point without a second factor signs in only to set one up", async () => {
    const plane = await startTestPlane({ totpRequiredFor: "everyone" });
    try {
      const focal = await actor(plane, [role.focal("CL", "tourism")], "CL"); // seeded without one, as before the policy
      const me = await api(plane, "GET", "/api/auth/session", { token: focal.token });
      expect(me.body.person).toMatchObject({ totpEnabled: false, totpSetupRequired: true });
      const blocked = await api(plane, "GET", "/api/programs", { token: focal.token });
      expect(blocked.status).toBe(403);
      expect(blocked.body.type).toMatch(/totp-setup-required$/);
      expect((await api(plane, "GET", "/api/account/totp", { token: focal.token })).body).toEqual({ enabled: false, required: true });
      const begin = await api(plane, "POST", "/api/account/totp/begin", { token: focal.token, body: { password: focal.password } });
      const code = currentTotp(begin.body.secret, plane.clock.now.getTime());
      expect((await api(plane, "POST", "/api/account/totp/confirm", { token: focal.token, body: { totp: code } })).status).toBe(200);
      expect((await api(plane, "GET", "/api/programs", { token: focal.token })).status).toBe(200);
      expect((await api(plane, "GET", "/api/auth/session", { token: focal.token })).body.person.totpSetupRequired).toBe(false);
    } finally {
      await plane.close();
    }
  }, 60_000);
});

describe("changing one's own second factor", () => {
  let plane: TestPlane;
  let staff: Actor;
  let focal: Actor;
  beforeAll(async () => {
    plane = await startTestPlane({ totpRequiredFor: "staff" });
    staff = await actor(plane, [role.officer("tourism")], null);
    focal = await actor(plane, [role.focal("CL", "tourism")], "CL");
  });
  afterAll(() => plane.close());

  const login = (a: Actor, totp?: string) =>
    api(plane, "POST", "/api/auth/login", { body: { email: a.email, password: a.password, ...(totp ? { totp } : {}) } });
  const code = (secret: string) => currentTotp(secret, plane.clock.now.getTime());

  it("needs the password and the current code; a wrong code leaves the old secret working; the new one works once confirmed", async () => {
    const old = staff.totpSecret!;
    plane.clock.advance(30_000);
    const noCode = await api(plane, "POST", "/api/account/totp/begin", { token: staff.token, body: { password: staff.password } });
    expect(noCode.status).toBe(403);
    expect(noCode.body.type).toMatch(/reauthentication-failed$/);
    const wrongPassword = await api(plane, "POST", "/api/account/totp/begin", { token: staff.token, body: { password: "not the password", totp: code(old) } });
    expect(wrongPassword.status).toBe(403);

    const begin = await api(plane, "POST", "/api/account/totp/begin", { token: staff.token, body: { password: staff.password, totp: code(old) } });
    expect(begin.status).toBe(200);
    expect(begin.body.uri).toMatch(/^otpauth:\/\/totp\/Enlace:.*issuer=Enlace/);
    expect(begin.body.uri).toContain(encodeURIComponent(staff.email));
    const fresh = begin.body.secret as string;

    // A wrong code: nothing changes, the old secret still signs in.
    const wrong = await api(plane, "POST", "/api/account/totp/confirm", { token: staff.token, body: { totp: code(old) === "000000" ? "111111" : "000000" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.type).toMatch(/totp-incorrect$/);
    plane.clock.advance(30_000);
    expect((await login(staff, code(old))).status).toBe(200);
    expect((await api(plane, "GET", "/api/account/totp", { token: staff.token })).body).toEqual({ enabled: true, required: true });

    // Confirmed: the new secret signs in, the old one no longer does.
    plane.clock.advance(30_000);
    const confirm = await api(plane, "POST", "/api/account/totp/confirm", { token: staff.token, body: { totp: code(fresh) } });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toEqual({ enabled: true, required: true });
    plane.clock.advance(30_000);
    expect((await login(staff, code(old))).status).toBe(401);
    expect((await login(staff, code(fresh))).status).toBe(200);
    // Confirming twice does nothing: the pending secret is gone.
    expect((await api(plane, "POST", "/api/account/totp/confirm", { token: staff.token, body: { totp: code(fresh) } })).status).toBe(409);

    const audit = await plane.ctx.db.query("SELECT details FROM audit_log WHERE action = 'auth.totp.changed' AND subject = $1", [staff.id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].details).toEqual({ enabled: true, replaced: true });
    const everything = JSON.stringify((await plane.ctx.db.query("SELECT * FROM audit_log")).rows);
    expect(everything).not.toContain(fresh);
    expect(everything).not.toContain(old);
  });

  it("staff cannot turn it off; a focal point under policy staff turns it on with the password alone, and off again", async () => {
    plane.clock.advance(30_000);
    const off = await api(plane, "POST", "/api/account/totp/disable", { token: staff.token, body: { password: staff.password, totp: "123456" } });
    expect(off.status).toBe(409);
    expect(off.body.type).toMatch(/totp-mandatory$/);

    expect((await api(plane, "GET", "/api/account/totp", { token: focal.token })).body).toEqual({ enabled: false, required: false });
    const begin = await api(plane, "POST", "/api/account/totp/begin", { token: focal.token, body: { password: focal.password } });
    expect(begin.status).toBe(200);
    const confirm = await api(plane, "POST", "/api/account/totp/confirm", { token: focal.token, body: { totp: code(begin.body.secret) } });
    expect(confirm.body).toEqual({ enabled: true, required: false });
    plane.clock.advance(30_000);
    expect((await login(focal)).status).toBe(401);
    expect((await login(focal, code(begin.body.secret))).status).toBe(200);
    plane.clock.advance(30_000);
    const disable = await api(plane, "POST", "/api/account/totp/disable", {
      token: focal.token,
      body: { password: focal.password, totp: code(begin.body.secret) },
    });
    expect(disable.status).toBe(200);
    expect(disable.body).toEqual({ enabled: false, required: false });
    expect((await login(focal)).status).toBe(200);
  });
});
