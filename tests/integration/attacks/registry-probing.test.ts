import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../../helpers/control-plane.js";

// Issue 9 item 11: a national coordinator probes the registry by nominating addresses. Before, a 409
// said "someone with this email is already in the registry" for any state. Now someone the
// coordinator may not see is referred to the Secretariat: a 2xx like a fresh nomination, nothing
// created, no name, state or ID in the answer, and an audit entry for the Secretariat to follow up.

const nomination = (email: string, fullName = "Probe") => ({
  email,
  fullName,
  memberState: "CL",
  roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }],
});

describe("attack: a national coordinator learns whether an email exists elsewhere in the registry (issue 9 item 11)", () => {
  let plane: TestPlane, coordCL: Actor, coordAR: Actor, inAR: Actor, inBR: Actor;
  beforeAll(async () => {
    plane = await startTestPlane();
    coordCL = await actor(plane, [role.coordinator("CL")], "CL");
    coordAR = await actor(plane, [role.coordinator("AR")], "AR");
    inAR = await actor(plane, [role.focal("AR", "tourism")], "AR", { email: "lucia.fernandez@gob.ar", fullName: "Lucía Fernández" });
    inBR = await actor(plane, [role.focal("BR", "tourism")], "BR", { email: "joao.silva@gov.br", fullName: "João Silva" });
  });
  afterAll(() => plane.close());

  const people = (email: string) =>
    plane.ctx.db.query("SELECT id, member_state, full_name, status FROM people WHERE lower(email) = lower($1)", [email]).then((r) => r.rows);

  it("an address registered for AR gets a 2xx like an unknown one, with nothing created and nothing revealed", async () => {
    const unknown = await api(plane, "POST", "/api/nominations", { token: coordCL.token, body: nomination(`nobody-${Date.now()}@gob.cl`) });
    const probe = await api(plane, "POST", "/api/nominations", { token: coordCL.token, body: nomination("lucia.fernandez@gob.ar") });
    expect(unknown.status).toBe(201);
    expect(Math.floor(probe.status / 100)).toBe(Math.floor(unknown.status / 100)); // the same family: no 409
    expect(probe.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.keys(probe.body).sort()).toEqual(["detail", "referred"]);
    const text = JSON.stringify(probe.body);
    for (const secret of ["Lucía", "Fernández", "AR", "Argentin", inAR.id, "tourism", "focal"]) expect(text, secret).not.toContain(secret);

    // Nothing created, the existing person untouched.
    expect(await people("lucia.fernandez@gob.ar")).toEqual([{ id: inAR.id, member_state: "AR", full_name: "Lucía Fernández", status: "active" }]);
    // A different existing person (another state, another name) gets exactly the same answer.
    const other = await api(plane, "POST", "/api/nominations", { token: coordCL.token, body: nomination("JOAO.SILVA@gov.br", "Another Probe") });
    expect({ status: other.status, body: other.body }).toEqual({ status: probe.status, body: probe.body });
    expect((await people("joao.silva@gov.br")).map((p) => p.id)).toEqual([inBR.id]);
  });

  it("the referral is audited for the Secretariat: who nominated, whom it concerns, for which state", async () => {
    const rows = (await plane.ctx.db.query("SELECT actor, subject, details FROM audit_log WHERE action = 'person.nomination_referred' ORDER BY seq")).rows;
    expect(rows.map((r) => [r.actor, r.subject, r.details.memberState])).toEqual([
      [coordCL.id, inAR.id, "CL"],
      [coordCL.id, inBR.id, "CL"],
    ]);
  });

  it("someone who may see the existing person still gets the plain 409", async () => {
    const r = await api(plane, "POST", "/api/nominations", {
      token: coordAR.token,
      body: { ...nomination("lucia.fernandez@gob.ar"), memberState: "AR", roles: [{ role: "focal_point", memberState: "AR", program: "tourism" }] },
    });
    expect(r.status).toBe(409);
    expect(r.body.type).toBe("https://enlace.oas.org/problems/duplicate-nomination");
  });
});
