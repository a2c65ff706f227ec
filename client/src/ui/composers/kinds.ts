import type { Capabilities } from "../../app/roles.js";

export type ComposeKind = "alert" | "incident" | "document" | "request" | "advisory";

/** The program whose advisories a room carries ("advisories:tourism" → "tourism"; "all" for the hemisphere room). */
const advisoryProgramOf = (roomKey: string | null): string | null => (roomKey?.startsWith("advisories:") ? roomKey.slice("advisories:".length) : null);

/** The registry event of a planning cell ("cell:<uuid>"). */
export const cellEventOf = (roomKey: string | null): string | null => (roomKey?.startsWith("cell:") ? roomKey.slice("cell:".length) : null);

/** The programs whose advisories this person may publish in this room. */
export function advisoryPrograms(roomKey: string | null, caps: Pick<Capabilities, "officerPrograms">): string[] {
  const program = advisoryProgramOf(roomKey);
  if (!program) return [];
  return program === "all" ? caps.officerPrograms : caps.officerPrograms.filter((p) => p === program);
}

/**
 * What a person can compose in a room. Advisories rooms take only advisories, from officers of
 * their program (the homeserver's power levels refuse anyone else anyway); the others take peer content.
 */
export function kindsFor(roomKey: string | null, caps: Pick<Capabilities, "officerPrograms">): ComposeKind[] {
  if (advisoryProgramOf(roomKey) !== null) return advisoryPrograms(roomKey, caps).length ? ["advisory"] : [];
  // The Space carries nothing; a direct conversation carries plain messages only (see MessageBox).
  if (roomKey === "space" || roomKey?.startsWith("dm:")) return [];
  return ["alert", "incident", "document", "request"];
}
