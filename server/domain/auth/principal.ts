import type { RoleKind, VettingStatus } from "#shared/api/common.js";

export interface RoleGrant {
  role: RoleKind;
  memberState: string | null;
  program: string | null;
}

/** Who is calling: resolved from a live session of an active person. */
export interface Principal {
  personId: string;
  sessionId: string;
  memberState: string | null;
  status: VettingStatus;
  roles: RoleGrant[];
}

export const isAdmin = (p: Principal) => p.roles.some((r) => r.role === "secretariat_admin");
export const officerPrograms = (p: Principal) => new Set(p.roles.filter((r) => r.role === "secretariat_officer").map((r) => r.program!));
export const coordinatorStates = (p: Principal) => new Set(p.roles.filter((r) => r.role === "national_coordinator").map((r) => r.memberState!));
export const isSecretariat = (p: Principal) => p.roles.some((r) => r.role === "secretariat_admin" || r.role === "secretariat_officer");

/** Roles whose holders must use a second factor. */
export const requiresTotp = (roles: RoleGrant[]) =>
  roles.some((r) => r.role === "secretariat_admin" || r.role === "secretariat_officer" || r.role === "national_coordinator");

/** A session token looked up: its principal and expiry, or null (unknown, ended, expired). */
export type ResolvedSession = (Principal & { expiresAt: Date }) | null;
