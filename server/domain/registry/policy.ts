import { isAdmin, officerPrograms, coordinatorStates, isSecretariat, type Principal, type RoleGrant } from "../auth/principal.js";
import type { PersonRow } from "./repo.js";

// Authorization rules of the registry, by function and by object. Pure, so they are unit-tested
// exhaustively; services call them and throw `forbidden` on false. Anything not granted is denied.

const memberRoles = (roles: RoleGrant[]) => roles.filter((r) => r.role === "focal_point" || r.role === "alternate");
const staffRoles = (roles: RoleGrant[]) => roles.filter((r) => r.role !== "focal_point" && r.role !== "alternate");
const programsOf = (roles: RoleGrant[]) => new Set(roles.map((r) => r.program).filter((p): p is string => p !== null));

/** Coordinators of state X nominate X's focal points; officers nominate for their programs; admins nominate anyone. */
export function canNominate(p: Principal, memberState: string | null, roles: RoleGrant[]): boolean {
  if (isAdmin(p)) return true;
  if (staffRoles(roles).length > 0) return false; // Secretariat staff and coordinators: admins only
  const officer = officerPrograms(p);
  if (memberRoles(roles).every((r) => officer.has(r.program!))) return true;
  return memberState !== null && coordinatorStates(p).has(memberState) && roles.every((r) => r.memberState === memberState);
}

/** Four eyes: never the nominator; focal points need an officer of every program named; staff need an admin. */
export function canApprove(p: Principal, person: PersonRow): boolean {
  if (person.nominatedBy === p.personId || person.id === p.personId) return false;
  if (staffRoles(person.roles).length > 0) return isAdmin(p);
  const officer = officerPrograms(p);
  const needed = programsOf(memberRoles(person.roles));
  return needed.size > 0 && [...needed].every((prog) => officer.has(prog));
}

/** Secretariat sees everyone; a coordinator sees their state's people; anyone sees themself. */
export function canRead(p: Principal, person: PersonRow): boolean {
  if (person.id === p.personId || isSecretariat(p)) return true;
  return person.memberState !== null && coordinatorStates(p).has(person.memberState);
}

/** Scope for listing, expressed as SQL filters; null means "no people at all". */
export function listScope(p: Principal): { scopeStates?: string[] } | null {
  if (isSecretariat(p)) return {};
  const states = [...coordinatorStates(p)];
  return states.length > 0 ? { scopeStates: states } : null;
}

function officerOf(p: Principal, person: PersonRow) {
  const officer = officerPrograms(p);
  return [...programsOf(memberRoles(person.roles))].some((prog) => officer.has(prog));
}

/** Suspension is the fast, safe direction: officers of the person's programs, admins, and their state's coordinator. */
export function canSuspend(p: Principal, person: PersonRow): boolean {
  if (person.id === p.personId) return false;
  if (isAdmin(p)) return true;
  if (staffRoles(person.roles).length > 0) return false;
  if (officerOf(p, person)) return true;
  return person.memberState !== null && coordinatorStates(p).has(person.memberState);
}

/** Reinstating, revoking and rejecting are Secretariat decisions. */
export function canDecide(p: Principal, person: PersonRow): boolean {
  if (person.id === p.personId) return false;
  if (isAdmin(p)) return true;
  return staffRoles(person.roles).length === 0 && officerOf(p, person);
}

export const canManageRegistry = (p: Principal) => isAdmin(p);
export const canReadAudit = (p: Principal) => isAdmin(p);
export const canManageEvents = (p: Principal) => isSecretariat(p) || coordinatorStates(p).size > 0;
export const canCreateEventFor = (p: Principal, hostState: string) => isSecretariat(p) || coordinatorStates(p).has(hostState);
