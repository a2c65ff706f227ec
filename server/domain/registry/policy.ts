import { isAdmin, officerPrograms, coordinatorStates, isSecretariat, type Principal, type RoleGrant } from "../auth/principal.js";
import type { PersonRow } from "./repo.js";
import { nextStatus } from "./lifecycle.js";
import { mayEditEvent, mayRegisterEventIn, mayRegisterEvents } from "#shared/policy/events.js";

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

/**
 * Who may be the second pair of eyes on a nomination. Staff (officers, administrators, coordinators):
 * an administrator. Focal points and alternates: an officer of every program named, or an
 * administrator — so a program with one officer still gets its own nominations approved.
 */
export type ApprovalRule = "admin" | "officer-or-admin";
export const approvalRule = (person: Pick<PersonRow, "roles">): ApprovalRule => (staffRoles(person.roles).length > 0 ? "admin" : "officer-or-admin");

/** Four eyes: never the nominator nor the person themself; then the approval rule above. */
export function canApprove(p: Principal, person: PersonRow): boolean {
  if (person.nominatedBy === p.personId || person.id === p.personId) return false;
  if (isAdmin(p)) return true;
  if (approvalRule(person) === "admin") return false;
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

export type PersonAction = "reject" | "suspend" | "reinstate" | "revoke" | "newLink";

/**
 * What this principal may do to this person now: the lifecycle allows it from the person's status
 * and the rules above grant it. The client offers exactly these, so nothing is refused after a
 * reason is typed; the service still checks each one.
 */
export function allowedActions(p: Principal, person: PersonRow): PersonAction[] {
  const out: PersonAction[] = [];
  if (nextStatus(person.status, "suspend") && canSuspend(p, person)) out.push("suspend");
  if (canDecide(p, person)) {
    for (const a of ["reject", "reinstate", "revoke"] as const) if (nextStatus(person.status, a)) out.push(a);
    if (person.status === "approved") out.push("newLink");
  }
  return out;
}

export const canManageRegistry = (p: Principal) => isAdmin(p);
/** Administrators read the whole audit log; officers the entries about their programs' people (domain/audit/service.ts). */
export const canReadAudit = (p: Principal) => isAdmin(p) || officerPrograms(p).size > 0;
// Major events: the rule shared with the web client (shared/policy/events.ts).
export const canManageEvents = (p: Principal) => mayRegisterEvents(p.roles);
export const canCreateEventFor = (p: Principal, hostState: string) => mayRegisterEventIn(p.roles, hostState);
export const canEditEvent = (p: Principal, hostState: string, newHostState: string) => mayEditEvent(p.roles, hostState, newHostState);
