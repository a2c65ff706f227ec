import type { ContentByKind } from "#shared/content/schemas.js";
import type { MessageKind } from "#shared/content/types.js";
import type { Received } from "#shared/matrix/receive.js";
import type { TrustVerdict } from "#shared/matrix/trust.js";

/** A valid Enlace message of one kind, with where it came from and who (verifiably) sent it. */
export interface Item<K extends MessageKind = MessageKind> {
  eventId: string;
  roomId: string;
  sender: string;
  ts: number;
  trust: TrustVerdict;
  kind: K;
  content: ContentByKind[K];
}

export type AnyItem = { [K in MessageKind]: Item<K> }[MessageKind];

/** Keeps valid content only: invalid or undecryptable events are the timeline's business, not a list's. */
export function toItem(r: Received): AnyItem | null {
  if (r.content.status !== "valid" || r.content.kind === "ack" || r.content.kind === "room.tlp") return null;
  return { eventId: r.eventId, roomId: r.roomId, sender: r.sender, ts: r.ts, trust: r.trust, kind: r.content.kind, content: r.content.content } as AnyItem;
}

export function ofKind<K extends MessageKind>(items: readonly AnyItem[], kind: K): Item<K>[] {
  return items.filter((i): i is Extract<AnyItem, { kind: K }> => i.kind === kind) as unknown as Item<K>[];
}

/** Timeline order every client agrees on: server time, ties broken by event ID. */
export const byTime = (a: { ts: number; eventId: string }, b: { ts: number; eventId: string }) =>
  a.ts - b.ts || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
