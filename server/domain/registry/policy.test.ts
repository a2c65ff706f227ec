import { describe, it, expect } from "vitest";
import {
  canNominate,
  allowedActions,
  canApprove,
  canRead,
  canSuspend,
  canDecide,
  listScope,
  canManageRegistry,
  canReadAudit,
  canManageEvents,
  canCreateEventFor,
} from "./policy.js";
import type { Principal, RoleGrant } from "../auth/principal.js";
import type { PersonRow } from "./repo.js";

// Table-driven: every actor against every kind of person, for every rule of policy.ts.
const grant = (role: RoleGrant["role"], memberState: string | null = null, program: string | null = null): RoleGrant => ({ role, memberState, program });
const principal = (id: string, memberState: string | null, roles: RoleGrant[]): Principal => ({
  personId: id,
  sessionId: `s-${id}`,
  memberState,
  status: "active",
  roles,
});

const ACTORS = {
  admin: principal("admin", null, [grant("secretariat_admin")]),
  officerTourism: principal("officerTourism", null, [grant("secretariat_officer", null, "tourism")]),
  officerMaritime: principal("officerMaritime", null, [grant("secretariat_officer", null, "maritime")]),
  coordCL: principal("coordCL", "CL", [grant("national_coordinator", "CL")]),
  coordAR: principal("coordAR", "AR", [grant("national_coordinator", "AR")]),
  focalCL: principal("focalCL", "CL", [grant("focal_point", "CL", "tourism")]),
} as const;
type Actor = keyof typeof ACTORS;

const person = (id: string, memberState: string | null, roles: RoleGrant[], nominatedBy: string | null): PersonRow => ({
  id,
  email: `${id}@example.org`,
  fullName: id,
  memberState,
  matrixUserId: null,
  status: "nominated",
  vettedUntil: null,
  revettingDue: false,
  nominatedBy,
  approvedBy: null,
  roles,
  createdAt: "2026-01-01T00:00:00.000Z",
});

const TARGETS = {
  // a Chilean tourism focal point nominated by Chile's coordinator
  focalByCoord: person("t1", "CL", [grant("focal_point", "CL", "tourism")], "coordCL"),
  // the same, nominated by the tourism officer
  focalByOfficer: person("t2", "CL", [grant("focal_point", "CL", "tourism")], "officerTourism"),
  // a focal point of two programs
  twoPrograms: person("t3", "CL", [grant("focal_point", "CL", "tourism"), grant("focal_point", "CL", "maritime")], "coordCL"),
  // staff: a new officer, nominated by the admin
  staff: person("t4", null, [grant("secretariat_officer", null, "tourism")], "admin"),
  // the actor themself
  self: person("focalCL", "CL", [grant("focal_point", "CL", "tourism")], "coordCL"),
} as const;
type Target = keyof typeof TARGETS;

const allPairs = (rule: (p: Principal, t: PersonRow) => boolean) =>
  Object.fromEntries((Object.keys(ACTORS) as Actor[]).map((a) => [a, (Object.keys(TARGETS) as Target[]).filter((t) => rule(ACTORS[a], TARGETS[t]))]));

describe("authorization policy", () => {
  it("canApprove: never the nominator nor oneself; focal points need an officer of every program or an admin; staff need an admin", () => {
    expect(allPairs(canApprove)).toEqual({
      admin: ["focalByCoord", "focalByOfficer", "twoPrograms", "self"], // the second pair of eyes for any nomination it did not make
      officerTourism: ["focalByCoord", "self"], // not their own nomination (focalByOfficer), not two programs alone
      officerMaritime: [],
      coordCL: [],
      coordAR: [],
      focalCL: [],
    });
  });

  it("canApprove: an officer of both programs approves a two-program focal point; an admin approves staff it did not nominate", () => {
    const both = principal("both", null, [grant("secretariat_officer", null, "tourism"), grant("secretariat_officer", null, "maritime")]);
    expect(canApprove(both, TARGETS.twoPrograms)).toBe(true);
    const otherAdmin = principal("admin2", null, [grant("secretariat_admin")]);
    expect(canApprove(otherAdmin, TARGETS.staff)).toBe(true);
    expect(canApprove(ACTORS.admin, TARGETS.staff)).toBe(false);
  });

  it("canRead: the Secretariat everyone, a coordinator their state, anyone themself", () => {
    const all: Target[] = ["focalByCoord", "focalByOfficer", "twoPrograms", "staff", "self"];
    expect(allPairs(canRead)).toEqual({
      admin: all,
      officerTourism: all,
      officerMaritime: all,
      coordCL: ["focalByCoord", "focalByOfficer", "twoPrograms", "self"],
      coordAR: [],
      focalCL: ["self"],
    });
  });

  it("canSuspend: admins anyone but themself; officers their programs' members; coordinators their state's members; never staff below admin", () => {
    expect(allPairs(canSuspend)).toEqual({
      admin: ["focalByCoord", "focalByOfficer", "twoPrograms", "staff", "self"],
      officerTourism: ["focalByCoord", "focalByOfficer", "twoPrograms", "self"],
      officerMaritime: ["twoPrograms"],
      coordCL: ["focalByCoord", "focalByOfficer", "twoPrograms", "self"],
      coordAR: [],
      focalCL: [],
    });
  });

  it("canDecide (reinstate, revoke, reject): the Secretariat only, never coordinators", () => {
    expect(allPairs(canDecide)).toEqual({
      admin: ["focalByCoord", "focalByOfficer", "twoPrograms", "staff", "self"],
      officerTourism: ["focalByCoord", "focalByOfficer", "twoPrograms", "self"],
      officerMaritime: ["twoPrograms"],
      coordCL: [],
      coordAR: [],
      focalCL: [],
    });
  });

  it("canNominate: coordinators their own state's focal points, officers their programs', admins anyone; staff only by admins", () => {
    const focal = (s: string, p: string) => [grant("focal_point", s, p)];
    const cases: [Actor, string | null, RoleGrant[], boolean][] = [
      ["coordCL", "CL", focal("CL", "tourism"), true],
      ["coordCL", "AR", focal("AR", "tourism"), false],
      ["coordCL", "CL", [grant("focal_point", "CL", "tourism"), grant("focal_point", "AR", "tourism")], false],
      ["coordCL", "CL", [grant("national_coordinator", "CL")], false],
      ["officerTourism", "AR", focal("AR", "tourism"), true],
      ["officerTourism", "AR", focal("AR", "maritime"), false],
      ["officerTourism", null, [grant("secretariat_officer", null, "tourism")], false],
      ["admin", null, [grant("secretariat_officer", null, "tourism")], true],
      ["admin", "JM", focal("JM", "aviation"), true],
      ["focalCL", "CL", focal("CL", "tourism"), false],
    ];
    for (const [actor, state, roles, expected] of cases) {
      expect({ actor, state, roles: roles.map((r) => r.role), allowed: canNominate(ACTORS[actor], state, roles) }).toEqual({
        actor,
        state,
        roles: roles.map((r) => r.role),
        allowed: expected,
      });
    }
  });

  it("listScope: the Secretariat sees everyone, coordinators their states, focal points nobody", () => {
    expect(listScope(ACTORS.admin)).toEqual({});
    expect(listScope(ACTORS.officerMaritime)).toEqual({});
    expect(listScope(ACTORS.coordCL)).toEqual({ scopeStates: ["CL"] });
    expect(listScope(ACTORS.focalCL)).toBeNull();
  });

  it("registry, audit and events rules", () => {
    const row = (rule: (p: Principal) => boolean) => (Object.keys(ACTORS) as Actor[]).filter((a) => rule(ACTORS[a]));
    expect(row(canManageRegistry)).toEqual(["admin"]);
    expect(row(canReadAudit)).toEqual(["admin", "officerTourism", "officerMaritime"]);
    expect(row(canManageEvents)).toEqual(["admin", "officerTourism", "officerMaritime", "coordCL", "coordAR"]);
    expect(row((p) => canCreateEventFor(p, "CL"))).toEqual(["admin", "officerTourism", "officerMaritime", "coordCL"]);
  });

  it("allowedActions: what the lifecycle allows from the status and the rules grant, nothing else", () => {
    const active = { ...TARGETS.focalByCoord, status: "active" as const };
    expect(allowedActions(ACTORS.officerTourism, active)).toEqual(["suspend", "revoke"]);
    expect(allowedActions(ACTORS.coordCL, active)).toEqual(["suspend"]); // a coordinator suspends, never revokes
    expect(allowedActions(ACTORS.coordAR, active)).toEqual([]);
    expect(allowedActions(ACTORS.officerMaritime, active)).toEqual([]);
    expect(allowedActions(ACTORS.officerTourism, { ...active, status: "suspended" })).toEqual(["reinstate", "revoke"]);
    expect(allowedActions(ACTORS.officerTourism, { ...active, status: "approved" })).toEqual(["revoke", "newLink"]);
    expect(allowedActions(ACTORS.officerTourism, TARGETS.focalByCoord)).toEqual(["reject", "revoke"]);
    expect(allowedActions(ACTORS.admin, { ...active, status: "revoked" })).toEqual([]);
    expect(allowedActions(ACTORS.focalCL, { ...TARGETS.self, status: "active" })).toEqual([]); // nobody about themself
  });
});
