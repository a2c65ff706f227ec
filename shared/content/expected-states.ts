/**
 * Which member states an advisory expects acknowledgements from. Pure, so the rule is tested alone.
 *
 * Decision (issue 11):
 * - a hemisphere advisory (posted in the hemisphere advisories room) or one that concerns several
 *   programs expects every OAS member state (the registry's list: 35);
 * - an advisory of one program expects that program's participating states: those with a vetted
 *   focal point or alternate of it (the control plane's listPrograms; server/domain/registry/repo.ts);
 * - a program the reader's registry does not know narrows nothing: every member state is expected,
 *   so a state is shown as missing rather than silently dropped.
 * States with a focal point of the advisory's programs in the room are added by the caller, so
 * nobody who can acknowledge is left out while the registry catches up.
 */
const HEMISPHERE_ADVISORIES_ROOM = "advisories:all";

export interface ExpectedStatesInput {
  /** The Enlace room key of the advisories room the advisory is in ("advisories:tourism", "advisories:all"). */
  roomKey: string | null;
  /** The programs the advisory concerns. */
  programs: readonly string[];
  /** Every member state's code. */
  memberStates: readonly string[];
  /** Each program's participating states. */
  participating: ReadonlyMap<string, readonly string[]>;
}

export type ExpectedScope = "hemisphere" | "program";

export function expectedStates({ roomKey, programs, memberStates, participating }: ExpectedStatesInput): { scope: ExpectedScope; states: string[] } {
  const all = { scope: "hemisphere" as const, states: [...new Set(memberStates)].sort() };
  const only = new Set(programs);
  if (roomKey === HEMISPHERE_ADVISORIES_ROOM || only.size !== 1) return all;
  const states = participating.get([...only][0]!);
  if (!states) return all;
  const known = new Set(memberStates);
  return { scope: "program", states: [...new Set(states)].filter((s) => known.has(s)).sort() };
}
