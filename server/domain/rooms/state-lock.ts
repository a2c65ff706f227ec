import type { Locks, ReconcileDeps } from "./deps.js";

/**
 * One writer at a time for one state key of one room. The full reconcile and the person jobs both
 * write credentials, the revocation list and power levels, possibly on different replicas. Two
 * concurrent writes of one key fork the room's event graph, and state resolution may then keep the
 * older value: a member's credential was seen stuck without their master key that way. Callers
 * compute the value inside the lock, so the last writer writes the newest.
 */
export const withStateLock = <T>(locks: Locks, roomId: string, type: string, stateKey: string, fn: () => Promise<T>): Promise<T> =>
  locks.withLock(`state:${roomId}:${type}:${stateKey}`, fn);

/**
 * A member added with one writer per (room, user), so the full reconcile and a person job never both
 * invite a remote person: the invite reads their membership first, and a second invite racing
 * their join made the Secretariat's homeserver hold them as invited (state resolution kept the
 * invite) while their own homeserver had them joined, so it stopped sending the room's events there.
 */
export const addMemberOnce = (d: Pick<ReconcileDeps, "locks" | "hs">, roomId: string, userId: string) =>
  withStateLock(d.locks, roomId, "m.room.member", userId, () => d.hs.addMember(roomId, userId));
