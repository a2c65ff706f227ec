import {
  ClientEvent,
  Direction,
  EventStatus,
  EventType,
  MatrixEventEvent,
  ReceiptType,
  RoomEvent,
  RoomStateEvent,
  type MatrixEvent,
  type Room,
} from "matrix-js-sdk";
import { CryptoEvent } from "matrix-js-sdk/lib/crypto-api/index.js";
import { readEvent, type Received } from "#shared/matrix/receive.js";
import { roomKey } from "#shared/matrix/rooms.js";
import { CREDENTIAL_TYPE } from "#shared/credentials/credential.js";
import { ACK_EVENT_TYPE } from "#shared/content/ack.js";
import { isEnlaceName } from "#shared/content/types.js";
import type { EnlaceSession } from "#shared/matrix/session.js";
import type { Item } from "./items.js";
import { MAX_MESSAGE, serverReplyCount, threadRootOf } from "#shared/matrix/messages.js";

const worthReading = (e: MatrixEvent) => {
  const type = e.getWireType();
  return !e.isState() && !e.isRedacted() && (type === "m.room.message" || type === "m.room.encrypted" || type === ACK_EVENT_TYPE || isEnlaceName(type));
};

/**
 * Every managed room's events, each read once through readEvent (decrypted, validated, judged),
 * for the screens to render. Re-reads an event when its keys arrive late, and re-judges senders
 * when their credential changes (a master key published after their first message).
 */
export class TimelineStore {
  private byRoom = new Map<string, Map<string, Item>>();
  private sorted = new Map<string, Item[]>();
  private listeners = new Set<() => void>();
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private rejudgeTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly reading = new Set<string>();
  private readonly offs: Array<() => void> = [];

  constructor(private readonly s: EnlaceSession) {
    const c = s.client;
    const on = <A extends unknown[]>(name: string, fn: (...a: A) => void) => {
      c.on(name as never, fn as never);
      this.offs.push(() => c.off(name as never, fn as never));
    };
    on(RoomEvent.Timeline, (e: MatrixEvent, room: Room | undefined) => {
      if (room) this.consider(e, room);
    });
    on(RoomEvent.LocalEchoUpdated, (e: MatrixEvent, room: Room) => {
      if (e.status === null || e.status === EventStatus.SENT) this.consider(e, room);
    });
    on(RoomEvent.Receipt, () => this.changed());
    on(RoomEvent.MyMembership, () => this.changed());
    on(RoomEvent.Name, () => this.changed());
    on(ClientEvent.Room, () => this.changed());
    // Credentials arrive in bursts (initial sync, a registry change): judge again once per burst.
    const rejudgeSoon = () => {
      if (this.rejudgeTimer) return;
      this.rejudgeTimer = setTimeout(() => {
        this.rejudgeTimer = null;
        if (!this.stopped) this.rejudge();
      }, 250);
    };
    on(RoomStateEvent.Events, (e: MatrixEvent) => {
      if (e.getType() === CREDENTIAL_TYPE) rejudgeSoon();
    });
    // An acknowledgement is judged by its device's signature: when the crypto learns of new devices or
    // cross-signatures (a key query finishing after the ack arrived), judge again.
    on(CryptoEvent.DevicesUpdated, rejudgeSoon);
    on(CryptoEvent.UserTrustStatusChanged, rejudgeSoon);
    for (const room of c.getRooms()) for (const e of room.getLiveTimeline().getEvents()) this.consider(e, room);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
  getVersion = () => this.version;

  /** Joined rooms the registry manages (the Space itself is not a conversation). */
  rooms(): Room[] {
    return this.s.client.getRooms().filter((r) => r.getMyMembership() === "join" && roomKey(r) !== null && roomKey(r) !== "space");
  }

  room(roomId: string): Room | null {
    return this.s.client.getRoom(roomId);
  }

  items(roomId: string): Item[] {
    let list = this.sorted.get(roomId);
    if (!list) {
      list = [...(this.byRoom.get(roomId)?.values() ?? [])].sort((a, b) => a.ts - b.ts || a.eventId.localeCompare(b.eventId));
      this.sorted.set(roomId, list);
    }
    return list;
  }

  /** The time of the last event I have read in this room (0: nothing read yet). */
  readUpTo(roomId: string): number {
    const room = this.s.client.getRoom(roomId);
    const id = room?.getEventReadUpTo(this.s.userId);
    if (!room || !id) return 0;
    return this.byRoom.get(roomId)?.get(id)?.ts ?? room.findEventById(id)?.getTs() ?? 0;
  }

  /** Marks everything shown as read (a receipt to the homeserver, so other devices agree). */
  async markRead(roomId: string) {
    const room = this.s.client.getRoom(roomId);
    const last = room
      ?.getLiveTimeline()
      .getEvents()
      .filter((e) => !e.isState() && e.status === null)
      .at(-1);
    if (!room || !last || room.hasUserReadEvent(this.s.userId, last.getId()!)) return;
    await this.s.client.sendReadReceipt(last, ReceiptType.Read, true).catch(() => {
      /* retried at the next visit */
    });
  }

  /**
   * Whether the homeserver has anything earlier than what this device holds: a backward pagination
   * token (the SDK drops it at the room's start) and the room's creation not yet in the timeline
   * (a first sync of a small room holds all of it, token or not).
   */
  canLoadOlder(roomId: string): boolean {
    const live = this.s.client.getRoom(roomId)?.getLiveTimeline();
    if (!live || live.getPaginationToken(Direction.Backward) === null) return false;
    return !live.getEvents().some((e) => e.getType() === EventType.RoomCreate);
  }

  /** Older history of a room, page by page. Returns false at the room's beginning. */
  async loadOlder(roomId: string): Promise<boolean> {
    const room = this.s.client.getRoom(roomId);
    if (!room) return false;
    const before = room.getLiveTimeline().getEvents().length;
    await this.s.client.scrollback(room, 30);
    const events = room.getLiveTimeline().getEvents();
    for (const e of events) this.consider(e, room);
    return events.length > before;
  }

  /** After restoring keys: read again whatever could not be decrypted. */
  retryFailed() {
    for (const [roomId, items] of this.byRoom) {
      const room = this.s.client.getRoom(roomId);
      for (const item of items.values()) {
        const e = room?.findEventById(item.eventId);
        // Read with a key restored from backup is judged again too: the verdict may now be established.
        if (room && e && item.encrypted && (item.content.status === "invalid" || item.trust.level !== "verified")) this.read(e, room);
      }
    }
  }

  stop() {
    this.stopped = true;
    for (const off of this.offs.splice(0)) off();
    if (this.timer) clearTimeout(this.timer);
    if (this.rejudgeTimer) clearTimeout(this.rejudgeTimer);
    this.listeners.clear();
  }

  private consider(e: MatrixEvent, room: Room) {
    const id = e.getId();
    if (!id?.startsWith("$") || e.status !== null || !worthReading(e)) return;
    if (this.byRoom.get(room.roomId)?.has(id)) return;
    this.read(e, room);
  }

  private read(e: MatrixEvent, room: Room) {
    // The same event can be offered several times while its first read is still running (timeline,
    // local echo, start-up scan): decrypting and judging it once is enough.
    const id = e.getId()!;
    if (this.reading.has(id)) return;
    this.reading.add(id);
    void readEvent(this.s, e).then((r) => {
      this.reading.delete(id);
      if (this.stopped) return;
      if (r.decryption?.mayResolve) {
        // Keys may arrive later (a late room key, key backup, a history share, a rehydrated device): the
        // SDK retries and re-emits Decrypted, on success or with a new failure code; read again either
        // way, so the card shows the message or the state that now applies.
        e.once(MatrixEventEvent.Decrypted, () => this.read(e, room));
      }
      const item = toItem(r, e);
      if (!item) return;
      let items = this.byRoom.get(room.roomId);
      if (!items) {
        items = new Map();
        this.byRoom.set(room.roomId, items);
      }
      items.set(item.eventId, item);
      this.sorted.delete(room.roomId);
      this.changed();
    });
  }

  private rejudge() {
    for (const [roomId, items] of this.byRoom) {
      const room = this.s.client.getRoom(roomId);
      for (const item of items.values()) {
        const e = room?.findEventById(item.eventId);
        // What arrived in the clear stays unverifiable whatever changes.
        if (room && e && item.trust.level !== "verified" && item.trust.level !== "unencrypted") this.read(e, room);
      }
    }
  }

  // Many events arrive together (initial sync, backfill): one re-render for a burst.
  private changed() {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.version++;
      for (const l of this.listeners) l();
    }, 30);
  }
}

/** Enlace content (valid or invalid) and plain text messages; anything else is not shown. */
function toItem(r: Received, e: MatrixEvent): Item | null {
  const threadRoot = threadRootOf(e);
  const replies = serverReplyCount(e);
  const thread = { ...(threadRoot ? { threadRoot } : {}), ...(replies ? { serverReplies: replies } : {}) };
  if (r.content.status !== "ignored") return { ...r, ...thread };
  if (e.getType() !== "m.room.message") return null;
  const body = e.getContent().body;
  return typeof body === "string" ? { ...r, ...thread, text: body.slice(0, MAX_MESSAGE) } : null;
}
