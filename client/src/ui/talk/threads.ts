import type { Item } from "../../matrix/items.js";

/** A thread's plain-text replies, oldest first, and how many other events share it (an incident's updates). */
export interface ThreadItems {
  replies: Item[];
  others: number;
}

/** A plain-text reply in a thread: discussion, shown under its root rather than in the timeline. */
export const isReply = (i: Item) => !!i.threadRoot && i.text !== undefined;

/** Each thread root's replies (items come sorted by time). */
export function threadsOf(items: Item[]): Map<string, ThreadItems> {
  const by = new Map<string, ThreadItems>();
  for (const i of items) {
    if (!i.threadRoot) continue;
    const t = by.get(i.threadRoot) ?? { replies: [], others: 0 };
    if (isReply(i)) t.replies.push(i);
    else t.others++;
    by.set(i.threadRoot, t);
  }
  return by;
}

/** Replies to show as the count: those held here, or the homeserver's count less the other events, if more. */
export const replyCount = (root: Item, t: ThreadItems) => Math.max(t.replies.length, (root.serverReplies ?? 0) - t.others);

/** The title of an alert or incident, which people discuss in a thread; null for anything else. */
export function discussable(i: Item): string | null {
  const c = i.content;
  if (c.status !== "valid" || i.trust.level === "unencrypted") return null;
  return c.kind === "alert" || c.kind === "incident" ? c.content.title : null;
}

/** Rooms for conversation: the programs' networks, the planning cells and direct conversations (advisories rooms are the Secretariat's). */
export const talksHere = (roomKey: string | null) => !!roomKey && (roomKey.startsWith("network:") || roomKey.startsWith("cell:") || roomKey.startsWith("dm:"));
