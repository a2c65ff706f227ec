import type { AckTally } from "#shared/matrix/advisories.js";

/** Per member state: who of its people is in the room, who can read the advisory, who acknowledged it. */
export interface StateReadership {
  inRoom: number;
  canRead: number;
  acknowledged: number;
  /** People of the state are in the room but none of them can read the advisory: not "pending", blocked. */
  nobodyCanRead: boolean;
}

/**
 * Pure. `people` maps each expected state to its members in the room (expectedPeople); `readers` are
 * the members with at least one device their owner cross-signed, as the officer's crypto knows them
 * (the devices room keys and history bundles go to); an acknowledgement that counts proves reading.
 */
export function readership(
  people: ReadonlyMap<string, readonly string[]>,
  readers: ReadonlySet<string>,
  counted: AckTally["counted"],
): Map<string, StateReadership> {
  const ackers = new Set(counted.map((a) => a.sender));
  const out = new Map<string, StateReadership>();
  for (const [state, members] of people) {
    const canRead = members.filter((u) => readers.has(u) || ackers.has(u)).length;
    out.set(state, {
      inRoom: members.length,
      canRead,
      acknowledged: members.filter((u) => ackers.has(u)).length,
      nobodyCanRead: members.length > 0 && canRead === 0,
    });
  }
  return out;
}
