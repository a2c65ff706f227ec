import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../helpers/control-plane.js";
import { currentTotp } from "#server/domain/auth/totp.js";
import { verifyStoredLog } from "#server/domain/audit/verify.js";

describe("vetting lifecycle", () => {
  let plane: TestPlane;
  let coordCL: Actor, officerTourism: Actor, officerMaritime: Actor, admin: Actor;

  beforeAll(async () => {
    plane = await startTestPlane();
    coordCL = await actor(plane, [role.coordinator("CL")], "CL");
    officerTourism = await actor(plane, [role.officer("tourism")], null);
    officerMaritime = await actor(plane, [role.officer("maritime")], null);
    admin = await actor(plane, [role.admin()], null);
  });
  afterAll(() => plane.close());

  const nominate = (by: Actor, email: string, program = "tourism", state = "CL") =>
    api(plane, "POST", "/api/nominations", {
      token: by.token,
      body: { email, fullName: "Ana Pérez", memberState: state, roles: [{ role: "focal_point", memberState: state, program }] },
    });

  it("nominated → approved → active through enrollment, with four eyes and a full history", async () => {
    const nom = await nominate(coordCL, "ana@example.cl");
    expect(nom.status).toBe(201);
    expect(nom.body.status).toBe("nominated");
    const id = nom.body.id;

    // An officer of another program cannot approve; the coordinator cannot approve at all.
    expect((await api(plane, "POST", `/api/people/${id}/approve`, { token: officerMaritime.token, body: { reason: "ok" } })).status).toBe(403);
    expect((await api(plane, "POST", `/api/people/${id}/approve`, { token: coordCL.token, body: { reason: "ok" } })).status).toBe(403);

    const appr = await api(plane, "POST", `/api/people/${id}/approve`, { token: officerTourism.token, body: { reason: "background check passed" } });
    expect(appr.status).toBe(200);
    expect(appr.body.person.status).toBe("approved");
    expect(appr.body.person.approvedBy).toBe(officerTourism.id);
    const token = appr.body.enrollment.token;

    // Approved but not enrolled: cannot sign in.
    const start = await api(plane, "POST", "/api/auth/enroll/start", { body: { token } });
    expect(start.status).toBe(200);
    expect(start.body.totpRequired).toBe(false);
    const done = await api(plane, "POST", "/api/auth/enroll/complete", { body: { token, password: "a long enough passphrase" } });
    expect(done.status).toBe(200);
    // The link is single-use.
    expect((await api(plane, "POST", "/api/auth/enroll/complete", { body: { token, password: "a long enough passphrase" } })).status).toBe(410);

    const me = await api(plane, "GET", "/api/auth/session", { token: done.body.token });
    expect(me.status).toBe(200);
    expect(me.body.person.status).toBe("active");

    const detail = await api(plane, "GET", `/api/people/${id}`, { token: officerTourism.token });
    expect(detail.body.history.map((h: any) => h.toStatus)).toEqual(["nominated", "approved", "active"]);
    expect(detail.body.history[1]).toMatchObject({ actorId: officerTourism.id, reason: "background check passed" });
  });

  it("the nominator can never approve their own nomination (four eyes)", async () => {
    const nom = await nominate(officerTourism, "self-approved@example.cl");
    expect(nom.status).toBe(201);
    const r = await api(plane, "POST", `/api/people/${nom.body.id}/approve`, { token: officerTourism.token, body: { reason: "me" } });
    expect(r.status).toBe(403);
    expect(r.body.detail).toMatch(/four eyes/i);
  });

  it("suspension ends every session at once; reinstatement restores access; revocation is final", async () => {
    const fp = await actor(plane, [role.focal("CL", "tourism")], "CL");
    expect((await api(plane, "GET", "/api/auth/session", { token: fp.token })).status).toBe(200);
    const s = await api(plane, "POST", `/api/people/${fp.id}/suspend`, { token: coordCL.token, body: { reason: "left the ministry" } });
    expect(s.status).toBe(200);
    expect(s.body.status).toBe("suspended");
    expect((await api(plane, "GET", "/api/auth/session", { token: fp.token })).status).toBe(401);
    const login = await api(plane, "POST", "/api/auth/login", { body: { email: fp.email, password: fp.password } });
    expect(login.status).toBe(401);

    // Coordinators suspend but do not reinstate.
    expect((await api(plane, "POST", `/api/people/${fp.id}/reinstate`, { token: coordCL.token, body: { reason: "back" } })).status).toBe(403);
    const r = await api(plane, "POST", `/api/people/${fp.id}/reinstate`, { token: officerTourism.token, body: { reason: "returned" } });
    expect(r.body.status).toBe("active");
    expect((await api(plane, "POST", "/api/auth/login", { body: { email: fp.email, password: fp.password } })).status).toBe(200);

    const v = await api(plane, "POST", `/api/people/${fp.id}/revoke`, { token: officerTourism.token, body: { reason: "misconduct" } });
    expect(v.body.status).toBe("revoked");
    const again = await api(plane, "POST", `/api/people/${fp.id}/reinstate`, { token: admin.token, body: { reason: "undo" } });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/invalid-transition$/);
  });

  it("duplicate nominations are refused and nothing is written", async () => {
    expect((await nominate(coordCL, "dup@example.cl")).status).toBe(201);
    const before = (await plane.ctx.db.query("SELECT count(*)::int n FROM people")).rows[0].n;
    const dup = await nominate(coordCL, "DUP@example.cl");
    expect(dup.status).toBe(409);
    expect(dup.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await plane.ctx.db.query("SELECT count(*)::int n FROM people")).rows[0].n).toBe(before);
  });

  it("TOTP is mandatory for staff: enrollment without a code fails, with a valid code succeeds", async () => {
    const nom = await api(plane, "POST", "/api/nominations", {
      token: admin.token,
      body: { email: "coord-ar@example.ar", fullName: "Coord AR", memberState: "AR", roles: [{ role: "national_coordinator", memberState: "AR" }] },
    });
    expect(nom.status).toBe(201);
    const admin2 = await actor(plane, [role.admin()], null);
    const appr = await api(plane, "POST", `/api/people/${nom.body.id}/approve`, { token: admin2.token, body: { reason: "ok" } });
    expect(appr.status).toBe(200);
    const token = appr.body.enrollment.token;
    const start = await api(plane, "POST", "/api/auth/enroll/start", { body: { token } });
    expect(start.body.totpRequired).toBe(true);
    expect((await api(plane, "POST", "/api/auth/enroll/complete", { body: { token, password: "a long enough passphrase" } })).status).toBe(400);
    const code = currentTotp(start.body.totp.secret, plane.clock.now.getTime());
    const ok = await api(plane, "POST", "/api/auth/enroll/complete", { body: { token, password: "a long enough passphrase", totp: code } });
    expect(ok.status).toBe(200);
    // Next sign-in needs the second factor, and a code is accepted only once.
    const noCode = await api(plane, "POST", "/api/auth/login", { body: { email: "coord-ar@example.ar", password: "a long enough passphrase" } });
    expect(noCode.status).toBe(401);
    expect(noCode.body.type).toMatch(/invalid-credentials$/); // the same answer as a wrong password: no oracle
    plane.clock.advance(30_000);
    const code2 = currentTotp(start.body.totp.secret, plane.clock.now.getTime());
    expect(
      (await api(plane, "POST", "/api/auth/login", { body: { email: "coord-ar@example.ar", password: "a long enough passphrase", totp: code2 } })).status,
    ).toBe(200);
    expect(
      (await api(plane, "POST", "/api/auth/login", { body: { email: "coord-ar@example.ar", password: "a long enough passphrase", totp: code2 } })).status,
    ).toBe(401);
  });

  it("every change above is in an intact, signed audit chain", async () => {
    const result = await verifyStoredLog(plane.ctx.db, plane.ctx.keys.audit.publicKey);
    expect(result.ok).toBe(true);
    const actions = (await plane.ctx.db.query("SELECT DISTINCT action FROM audit_log")).rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "person.nominated",
        "person.approved",
        "person.activated",
        "person.suspended",
        "person.reinstated",
        "person.revoked",
        "auth.login.succeeded",
        "auth.login.failed",
      ]),
    );
  });
});

describe("vetting expiry", () => {
  let plane: TestPlane;
  beforeAll(async () => {
    plane = await startTestPlane();
  });
  afterAll(() => plane.close());

  it("expired vetting suspends automatically and lands in the re-vetting queue; reinstating renews it", async () => {
    const fp = await actor(plane, [role.focal("CL", "tourism")], "CL");
    const officer = await actor(plane, [role.officer("tourism")], null);
    plane.clock.advance(366 * 86400_000);
    try {
      const { expireDue } = await import("#server/domain/registry/service.js");
      expect(await expireDue(plane.ctx)).toBeGreaterThanOrEqual(1);
      // The officer expired too; a fresh one handles the queue.
      const fresh = await actor(plane, [role.officer("tourism")], null);
      expect((await api(plane, "GET", `/api/people/${officer.id}`, { token: fresh.token })).body.status).toBe("suspended");
      const person = await api(plane, "GET", `/api/people/${fp.id}`, { token: fresh.token });
      expect(person.body.status).toBe("suspended");
      expect(person.body.revettingDue).toBe(true);
      expect(person.body.history.at(-1)).toMatchObject({ actorId: null, reason: "vetting expired" });
      const queue = await api(plane, "GET", "/api/vetting/revetting", { token: fresh.token });
      expect(queue.body.map((p: any) => p.id)).toContain(fp.id);
      const r = await api(plane, "POST", `/api/people/${fp.id}/reinstate`, { token: fresh.token, body: { reason: "re-vetted" } });
      expect(r.body.status).toBe("active");
      expect(r.body.revettingDue).toBe(false);
      expect(new Date(r.body.vettedUntil).getTime()).toBeGreaterThan(plane.clock.now.getTime() + 300 * 86400_000);
      expect((await verifyStoredLog(plane.ctx.db, plane.ctx.keys.audit.publicKey)).ok).toBe(true);
      const expired = await plane.ctx.db.query("SELECT actor FROM audit_log WHERE action = 'person.expired' AND subject = $1", [fp.id]);
      expect(expired.rows).toEqual([{ actor: "system" }]);
    } finally {
      plane.clock.advance(-366 * 86400_000);
    }
  });
});
