import type { Locks } from "./deps.js";

/**
 * One writer at a time for one state key of one room. The full reconcile and the person jobs both
 * write credentials, the revocation list and power levels, possibly on different replicas. Two
 * concurrent writes of one key fork the room's event graph, and state resolution may then keep the
 * older value: a member's credential was seen stuck without their master key that way. Callers
 * compute the value inside the lock, so the last writer writes the newest.
 */
export const withStateLock = <T>(locks: Locks, roomId: string, type: string, stateKey: string, fn: () => Promise<T>): Promise<T> =>
  locks.withLock(`state:${roomId}:${type}:${stateKey}`, fn);
