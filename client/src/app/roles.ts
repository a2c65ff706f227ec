import type { RoleGrant, Session } from "../api/types.js";
import type { Route } from "./router.js";

// What the signed-in person may use, derived from their roles. The API enforces the same rules;
// this only decides which screens to offer.
export interface Capabilities {
  isAdmin: boolean;
  isOfficer: boolean;
  isSecretariat: boolean;
  coordinatorStates: string[];
  officerPrograms: string[];
  canNominate: boolean;
  programs: string[]; // programs the person belongs to (any role)
}

export function capabilitiesOf(session: Session): Capabilities {
  const roles: RoleGrant[] = session.person.roles;
  const isAdmin = roles.some((r) => r.role === "secretariat_admin");
  const officerPrograms = roles
    .filter((r) => r.role === "secretariat_officer")
    .map((r) => r.program!)
    .filter(Boolean);
  const coordinatorStates = roles
    .filter((r) => r.role === "national_coordinator")
    .map((r) => r.memberState!)
    .filter(Boolean);
  const isOfficer = officerPrograms.length > 0;
  return {
    isAdmin,
    isOfficer,
    isSecretariat: isAdmin || isOfficer,
    coordinatorStates,
    officerPrograms,
    canNominate: isAdmin || isOfficer || coordinatorStates.length > 0,
    programs: [...new Set(roles.map((r) => r.program).filter((p): p is string => p !== null))].sort(),
  };
}

/** Whether a route is offered to this person. */
export function mayVisit(c: Capabilities, r: Route): boolean {
  switch (r.name) {
    case "state":
      return c.canNominate;
    case "nominations":
    case "people":
    case "revetting":
      return c.isSecretariat;
    case "audit":
      return c.isSecretariat; // officers see the entries about their programs' people
    case "account":
      return true; // everyone manages their own second factor
    default:
      return true;
  }
}
