/**
 * What the reconciler needs from a homeserver. The Synapse implementation (admin API + the
 * registry bot's account) is server/synapse/homeserver.ts; memory-homeserver.ts, next to this
 * file, is a fake with controllable interleaving for tests of the reconciler's races.
 */
export type Membership = "join" | "invite" | "leave" | "ban" | "knock";

export interface StateEvent {
  type: string;
  stateKey: string;
  content: Record<string, unknown>;
}

export interface RoomSnapshot {
  roomId: string;
  members: Map<string, Membership>;
  state: Map<string, Record<string, unknown>>; // `${type}\u0000${stateKey}` → content
}
export const stateKey = (type: string, key = "") => `${type}\u0000${key}`;

export interface CreateRoomSpec {
  key: string; // the registry's stable room key
  name: string;
  topic: string;
  isSpace: boolean;
  powerLevels: Record<string, unknown>;
  initialState: StateEvent[];
}

export interface HomeserverPort {
  readonly serverName: string;
  readonly botUserId: string;
  /** Idempotent per key: a room created before a crash (but not recorded) is found, not duplicated. */
  createRoom(spec: CreateRoomSpec): Promise<string>;
  roomSnapshot(roomId: string): Promise<RoomSnapshot>;
  putState(roomId: string, ev: StateEvent): Promise<void>;
  /** One state event's content as the room has it now, null when there is none. Optional for test doubles. */
  stateContent?(roomId: string, type: string, stateKey: string): Promise<Record<string, unknown> | null>;
  /** Local users are joined directly (admin API); remote users are invited (a ban lifted first). */
  addMember(roomId: string, userId: string): Promise<void>;
  kick(roomId: string, userId: string, reason: string): Promise<void>;
  /**
   * Suspension of a person on another homeserver: the Secretariat cannot lock or log out an account
   * it does not host, so every room bans it instead (its server cannot bring it back; only a
   * reinstatement's addMember lifts the ban). Optional for test doubles (they kick).
   */
  ban?(roomId: string, userId: string, reason: string): Promise<void>;
  /** Rooms a local user is joined to (empty for remote users). */
  joinedRooms(userId: string): Promise<string[]>;
  /** Suspension: the account stays but cannot be used; every device is logged out. */
  lockAndLogout(userId: string): Promise<void>;
  unlock(userId: string): Promise<void>;
  /** Revocation: the local account is deactivated for good. */
  deactivate(userId: string): Promise<void>;
  isLocal(userId: string): boolean;
  /** Whether a local account is a homeserver admin (the reconciler never acts on one). Optional for test doubles. */
  isServerAdmin?(userId: string): Promise<boolean>;
  /** Every local homeserver admin, in one call (the full reconcile leaves them out). Optional for test doubles. */
  serverAdmins?(): Promise<Set<string>>;
}
