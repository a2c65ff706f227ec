import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../helpers/control-plane.js";

interface Entry {
  seq: number;
  at: string;
  actor: string;
  actorName: string | null;
  action: string;
  subject: string | null;
  subjectName: string | null;
  details: Record<string, unknown>;
}

// The audit log is readable (names, newest first, filters, reasons) and scoped: administrators read
// all of it, an officer only the entries about the people of their programs.
describe("audit log: readable and scoped", () => {
  let plane: TestPlane;
  let admin: Actor, officerTourism: Actor, officerMaritime: Actor, coordCL: Actor;
  let tourismPerson: string, maritimePerson: string;

  const nominate = async (by: Actor, fullName: string, program: string, reason: string) => {
    const r = await api(plane, "POST", "/api/nominations", {
      token: by.token,
      body: {
        email: `${fullName.replace(/\W/g, "").toLowerCase()}-${Date.now()}@gob.cl`,
        fullName,
        memberState: "CL",
        roles: [{ role: "focal_point", memberState: "CL", program }],
        reason,
      },
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const read = async (who: Actor, query = "") => {
    const r = await api(plane, "GET", `/api/audit${query}`, { token: who.token });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as Entry[];
  };

  beforeAll(async () => {
    plane = await startTestPlane();
    admin = await actor(plane, [role.admin()], null, { fullName: "Alma Admin" });
    officerTourism = await actor(plane, [role.officer("tourism")], null, { fullName: "Tomás Tourism" });
    officerMaritime = await actor(plane, [role.officer("maritime")], null, { fullName: "Marta Maritime" });
    coordCL = await actor(plane, [role.coordinator("CL")], "CL", { fullName: "Camila Coordinadora" });
    tourismPerson = await nominate(coordCL, "Tina Turista", "tourism", "named by the ministry of tourism");
    maritimePerson = await nominate(coordCL, "Mario Marino", "maritime", "named by the navy");
  });
  afterAll(() => plane.close());

  it("administrators read every entry, newest first, with names instead of ids and the reason given", async () => {
    const all = await read(admin, "?order=desc&limit=500");
    const seqs = all.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const tina = all.find((e) => e.action === "person.nominated" && e.subject === tourismPerson)!;
    expect(tina).toMatchObject({ actorName: "Camila Coordinadora", subjectName: "Tina Turista" });
    expect(tina.details.reason).toBe("named by the ministry of tourism");
    // Sign-ins (with their second factor) are there too, for the people who signed in.
    expect(all.some((e) => e.action === "auth.login.succeeded" && e.subjectName === "Alma Admin" && e.details.secondFactor === true)).toBe(true);
  });

  it("an officer reads only the entries about their programs' people; a coordinator reads none", async () => {
    const theirs = await read(officerTourism, "?order=desc&limit=500");
    expect(theirs.some((e) => e.subject === tourismPerson)).toBe(true);
    expect(theirs.some((e) => e.subject === maritimePerson)).toBe(false);
    expect(theirs.some((e) => e.subject === admin.id)).toBe(false);
    const other = await read(officerMaritime, "?order=desc&limit=500");
    expect(other.some((e) => e.subject === maritimePerson)).toBe(true);
    expect(other.some((e) => e.subject === tourismPerson)).toBe(false);
    // Asking for someone outside their programs by id gives nothing, not the entries.
    expect(await read(officerTourism, `?subject=${maritimePerson}`)).toEqual([]);
    expect((await api(plane, "GET", "/api/audit", { token: coordCL.token })).status).toBe(403);
  });

  it("filters by person, actor, kind of action and dates, and pages newest first without gaps", async () => {
    expect((await read(admin, `?subject=${tourismPerson}`)).every((e) => e.subject === tourismPerson)).toBe(true);
    const byCoord = await read(admin, `?actor=${coordCL.id}&action=person.nominated`);
    expect(byCoord.map((e) => e.subjectName).sort()).toEqual(["Mario Marino", "Tina Turista"]);
    const signIns = await read(admin, "?action=auth.&limit=500");
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((e) => e.action.startsWith("auth."))).toBe(true);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await read(admin, `?from=${encodeURIComponent(future)}`)).toEqual([]);
    expect((await read(admin, `?to=${encodeURIComponent(future)}&limit=500`)).length).toBeGreaterThan(0);

    const everything = await read(admin, "?order=desc&limit=500");
    const page1 = await read(admin, "?order=desc&limit=3");
    const page2 = await read(admin, `?order=desc&limit=3&before=${page1[2].seq}`);
    expect([...page1, ...page2].map((e) => e.seq)).toEqual(everything.slice(0, 6).map((e) => e.seq));
  });

  it("a bad filter is a clear problem, not a database error", async () => {
    for (const q of ["?from=yesterday", "?order=sideways", "?before=-1"]) {
      const r = await api(plane, "GET", `/api/audit${q}`, { token: admin.token });
      expect(r.status, q).toBe(400);
      expect(r.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });
});
