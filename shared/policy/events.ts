/**
 * Who registers and edits major events, in one place for the control plane (which enforces it) and
 * the web client (which offers only what it allows, so nothing is refused after a form is filled).
 * Pure, over the role grants a session carries.
 */
interface Grant {
  role: string;
  memberState: string | null;
  program: string | null;
}

/** The programs whose officers run planning cells, and whose focal points in the host and supporting states sit in them. */
export const CELL_PROGRAMS = ["crowded-spaces", "large-meetings"] as const;

const isSecretariat = (roles: readonly Grant[]) => roles.some((r) => r.role === "secretariat_admin" || r.role === "secretariat_officer");
const coordinates = (roles: readonly Grant[], state: string) => roles.some((r) => r.role === "national_coordinator" && r.memberState === state);

/** The Secretariat registers an event anywhere; a national coordinator for their own state. */
export const mayRegisterEventIn = (roles: readonly Grant[], hostState: string) => isSecretariat(roles) || coordinates(roles, hostState);

/** Whether to offer "new event" at all: the Secretariat, and coordinators (for their own state). */
export const mayRegisterEvents = (roles: readonly Grant[]) => isSecretariat(roles) || roles.some((r) => r.role === "national_coordinator");

/** Editing follows registering: the event's host state now, and the one it would move to. */
export const mayEditEvent = (roles: readonly Grant[], hostState: string, newHostState = hostState) =>
  mayRegisterEventIn(roles, hostState) && mayRegisterEventIn(roles, newHostState);

/** The host states this person may choose (all, for the Secretariat). */
export const hostStatesFor = (roles: readonly Grant[], all: readonly string[]) => all.filter((s) => mayRegisterEventIn(roles, s));
