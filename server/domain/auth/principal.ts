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

/** Whether a person with these roles must use a second factor: staff always; everyone under the "everyone" policy. */
export const requiresTotp = (roles: Pick<RoleGrant, "role">[], policy: "everyone" | "staff") =>
  policy === "everyone" || roles.some((r) => r.role === "secretariat_admin" || r.role === "secretariat_officer" || r.role === "national_coordinator");

/** A session token looked up: its principal and expiry, or null (unknown, ended, expired). */
export type ResolvedSession = (Principal & { expiresAt: Date; totpEnabled: boolean }) | null;
