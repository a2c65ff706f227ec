import { type CreateRoomSpec, type HomeserverPort, type Membership, type RoomSnapshot, type StateEvent, stateKey } from "./port.js";

/**
 * A homeserver in memory, for tests of the reconciler without Synapse. It keeps rooms, members,
 * state and accounts, and lets a test pause any call and release paused calls in the order it
 * chooses, so a race found against Synapse can be replayed deterministically.
 *
 * The fork, modelled simply: a state write takes the key's current value as its parent when it
 * starts and commits when it is released. If another write of the same key committed in between,
 * the two are siblings in the event graph and state resolution picks one; here the write that
 * started first wins, so the newer value can be lost — the behaviour that makes the per-key lock
 * necessary (state-lock.ts). Real state resolution orders by power level, timestamp and event id;
 * "the older one may win" is the part that matters to the reconciler. Writes that do not overlap
 * behave as on Synapse: the last one wins.
 */

type Operation = "createRoom" | "roomSnapshot" | "stateContent" | "putState" | "addMember" | "kick" | "joinedRooms" | "lockAndLogout" | "unlock" | "deactivate";

/** One call into the homeserver as a test sees it (the log and the gates' filters). */
export interface Call {
  op: Operation;
  roomId?: string;
  userId?: string;
  /** For putState, createRoom: the state key (`stateKey(type, key)`) or the registry room key. */
  key?: string;
  content?: Record<string, unknown>;
}

/**
 * A pause set by a test. The first call matching `match` stops `at` its point ("before": nothing
 * happened yet — for putState, before its commit; "after": the effect is applied but the caller
 * has no answer yet, as when a worker dies after Synapse acted). `reached` resolves once a call
 * is held; `release` lets it go on, `fail` makes it throw (a crash, a timeout).
 */
export interface Gate {
  readonly reached: Promise<Call>;
  release(): void;
  fail(err?: Error): void;
}

interface PendingGate {
  match: (c: Call) => boolean;
  at: "before" | "after";
  hold: (c: Call) => Promise<void>;
}

interface Room {
  roomId: string;
  key: string;
  isSpace: boolean;
  members: Map<string, Membership>;
  state: Map<string, { content: Record<string, unknown>; version: number; startedAt: number }>;
}

interface Account {
  locked: boolean;
  deactivated: boolean;
  /** Incremented by every log-out: a token issued under an earlier generation no longer works. */
  sessions: number;
}

export class MemoryHomeserver implements HomeserverPort {
  readonly botUserId: string;
  readonly rooms = new Map<string, Room>();
  readonly accounts = new Map<string, Account>();
  readonly admins = new Set<string>();
  /** Every call, in the order it started. */
  readonly calls: Call[] = [];
  private gates: PendingGate[] = [];
  private seq = 0;

  constructor(readonly serverName = "hs.test") {
    this.botUserId = `@enlace-registry:${serverName}`;
  }

  /** Pauses the next call that matches (see Gate). */
  pause(match: (c: Call) => boolean, at: "before" | "after" = "before"): Gate {
    let reached!: (c: Call) => void;
    let go!: () => void;
    let stop!: (e: Error) => void;
    const released = new Promise<void>((res, rej) => {
      go = res;
      stop = rej;
    });
    const gate: Gate = {
      reached: new Promise<Call>((r) => {
        reached = r;
      }),
      release: () => go(),
      fail: (err = new Error("homeserver call failed (test)")) => stop(err),
    };
    this.gates.push({
      match,
      at,
      hold: (c) => {
        reached(c);
        return released;
      },
    });
    return gate;
  }

  /** Runs a call through the gates: `effect` is applied between the "before" and the "after" points. */
  private async call<T>(c: Call, effect: () => T): Promise<T> {
    this.calls.push(c);
    const gate = this.gates.find((g) => g.match(c));
    if (gate) this.gates = this.gates.filter((g) => g !== gate);
    // Every call yields once, as a network round trip would: callers interleave even without gates.
    await Promise.resolve();
    if (gate?.at === "before") await gate.hold(c);
    const out = effect();
    if (gate?.at === "after") await gate.hold(c);
    return out;
  }

  private room(roomId: string): Room {
    const r = this.rooms.get(roomId);
    if (!r) throw new Error(`unknown room ${roomId}`);
    return r;
  }

  account(userId: string): Account {
    let a = this.accounts.get(userId);
    if (!a) {
      a = { locked: false, deactivated: false, sessions: 0 };
      this.accounts.set(userId, a);
    }
    return a;
  }

  /** The rooms carrying a registry key (more than one would be a duplicate). */
  roomsWithKey(key: string): string[] {
    return [...this.rooms.values()].filter((r) => r.key === key).map((r) => r.roomId);
  }

  state(roomId: string, type: string, key = ""): Record<string, unknown> | undefined {
    return this.room(roomId).state.get(stateKey(type, key))?.content;
  }

  membership(roomId: string, userId: string): Membership | undefined {
    return this.room(roomId).members.get(userId);
  }

  createRoom(spec: CreateRoomSpec): Promise<string> {
    return this.call({ op: "createRoom", key: spec.key }, () => {
      // Idempotent per key, like the Synapse adapter's alias.
      const existing = this.roomsWithKey(spec.key)[0];
      if (existing) return existing;
      const roomId = `!${spec.key.replace(/[^a-z0-9]/gi, "")}${++this.seq}:${this.serverName}`;
      const room: Room = { roomId, key: spec.key, isSpace: spec.isSpace, members: new Map([[this.botUserId, "join"]]), state: new Map() };
      const initial: StateEvent[] = [
        { type: "m.room.name", stateKey: "", content: { name: spec.name } },
        { type: "m.room.topic", stateKey: "", content: { topic: spec.topic } },
        { type: "m.room.power_levels", stateKey: "", content: spec.powerLevels },
        ...spec.initialState,
      ];
      for (const ev of initial) room.state.set(stateKey(ev.type, ev.stateKey), { content: ev.content, version: ++this.seq, startedAt: this.seq });
      this.rooms.set(roomId, room);
      return roomId;
    });
  }

  roomSnapshot(roomId: string): Promise<RoomSnapshot> {
    return this.call({ op: "roomSnapshot", roomId }, () => {
      const r = this.room(roomId);
      return {
        roomId,
        members: new Map(r.members),
        state: new Map([...r.state].map(([k, v]) => [k, structuredClone(v.content)])),
      };
    });
  }

  stateContent(roomId: string, type: string, key: string): Promise<Record<string, unknown> | null> {
    return this.call({ op: "stateContent", roomId, key: stateKey(type, key) }, () => {
      const v = this.state(roomId, type, key);
      return v ? structuredClone(v) : null;
    });
  }

  putState(roomId: string, ev: StateEvent): Promise<void> {
    const key = stateKey(ev.type, ev.stateKey);
    // The parent is taken when the write starts (see the fork, above).
    const startedAt = ++this.seq;
    const parent = this.rooms.get(roomId)?.state.get(key)?.version;
    return this.call({ op: "putState", roomId, key, content: ev.content }, () => {
      const r = this.room(roomId);
      const now = r.state.get(key);
      const forked = now !== undefined && now.version !== parent;
      if (forked && now.startedAt < startedAt) return; // the sibling begun first wins resolution
      r.state.set(key, { content: structuredClone(ev.content), version: ++this.seq, startedAt });
    });
  }

  addMember(roomId: string, userId: string): Promise<void> {
    return this.call({ op: "addMember", roomId, userId }, () => {
      // A deactivated account cannot be joined; a locked one can (the lock stops its sessions, not the admin API).
      if (this.isLocal(userId) && this.account(userId).deactivated) throw new Error(`cannot join ${userId}: account deactivated`);
      this.room(roomId).members.set(userId, this.isLocal(userId) ? "join" : "invite");
    });
  }

  kick(roomId: string, userId: string, _reason: string): Promise<void> {
    return this.call({ op: "kick", roomId, userId }, () => {
      const r = this.room(roomId);
      const m = r.members.get(userId);
      if (m === "join" || m === "invite") r.members.set(userId, "leave");
    });
  }

  joinedRooms(userId: string): Promise<string[]> {
    return this.call({ op: "joinedRooms", userId }, () =>
      this.isLocal(userId) ? [...this.rooms.values()].filter((r) => r.members.get(userId) === "join").map((r) => r.roomId) : [],
    );
  }

  lockAndLogout(userId: string): Promise<void> {
    return this.call({ op: "lockAndLogout", userId }, () => {
      const a = this.account(userId);
      a.locked = true;
      a.sessions++;
    });
  }

  unlock(userId: string): Promise<void> {
    return this.call({ op: "unlock", userId }, () => {
      this.account(userId).locked = false;
    });
  }

  deactivate(userId: string): Promise<void> {
    return this.call({ op: "deactivate", userId }, () => {
      const a = this.account(userId);
      a.deactivated = true;
      a.sessions++;
    });
  }

  isLocal(userId: string): boolean {
    return userId.endsWith(`:${this.serverName}`);
  }

  async isServerAdmin(userId: string): Promise<boolean> {
    return this.admins.has(userId);
  }

  async serverAdmins(): Promise<Set<string>> {
    return new Set(this.admins);
  }
}
