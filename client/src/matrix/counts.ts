// What Home and the room list show about rooms, derived from the items each room holds. Pure.
import type { AdvisoryContent } from "#shared/content/advisory.js";
import type { AlertContent, AlertSeverity } from "#shared/content/alert.js";
import type { Item } from "./items.js";

export type AdvisoryItem = Item & { content: { status: "valid"; kind: "advisory"; content: AdvisoryContent } };
export type AlertItem = Item & { content: { status: "valid"; kind: "alert"; content: AlertContent } };

export const isAdvisory = (i: Item): i is AdvisoryItem => i.content.status === "valid" && i.content.kind === "advisory";
const isAlert = (i: Item): i is AlertItem => i.content.status === "valid" && i.content.kind === "alert";
export const isAck = (i: Item) => i.content.status === "valid" && i.content.kind === "ack";

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
export const isUrgentSeverity = (s: AlertSeverity) => SEVERITY_RANK[s] >= SEVERITY_RANK.high;

/** The advisory event an acknowledgement refers to. */
function ackTarget(i: Item): string | null {
  if (i.content.status !== "valid" || i.content.kind !== "ack") return null;
  return i.content.content["m.relates_to"].event_id;
}

/**
 * Advisories this user has acknowledged (from their own ack events in the room). Only acks that
 * count: an unsigned one (an older client's) or one forged under my name leaves the advisory
 * awaiting my acknowledgement, so I can give one that counts.
 */
export function acknowledgedBy(items: readonly Item[], userId: string): Set<string> {
  const out = new Set<string>();
  for (const i of items) {
    const target = i.sender === userId && i.trust.level === "verified" ? ackTarget(i) : null;
    if (target) out.add(target);
  }
  return out;
}

export interface AwaitingAck {
  item: AdvisoryItem;
  deadline: string | null;
  overdue: boolean;
}

/**
 * Advisories that ask for acknowledgement and that I have not acknowledged yet, earliest deadline
 * first. A valid advisory carries a verified Secretariat countersignature (readEvent refuses any
 * other), so it counts even when read from key backup, where the sending device cannot be confirmed.
 */
export function awaitingMyAck(items: readonly Item[], userId: string, now: Date): AwaitingAck[] {
  const acked = acknowledgedBy(items, userId);
  return items
    .filter(isAdvisory)
    .filter((i) => i.content.content.requiresAck && !acked.has(i.eventId))
    .map((item) => {
      const deadline = item.content.content.ackDeadline ?? null;
      return { item, deadline, overdue: deadline !== null && Date.parse(deadline) < now.getTime() };
    })
    .sort((a, b) => (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999"));
}

export interface RoomCounts {
  unread: number;
  urgent: number;
}

/**
 * Unread: messages from others after my read marker (acknowledgements are bookkeeping, not
 * messages). Urgent: unread high/critical alerts, plus advisories awaiting my acknowledgement
 * (read or not: they stay urgent until acknowledged) when I am someone who acknowledges.
 */
export function roomCounts(items: readonly Item[], o: { userId: string; readUpTo: number; acknowledges: boolean; now: Date }): RoomCounts {
  const unreadItems = items.filter((i) => i.sender !== o.userId && i.ts > o.readUpTo && !isAck(i));
  const urgentAlerts = unreadItems.filter(isAlert).filter((i) => isUrgentSeverity(i.content.content.severity)).length;
  const awaiting = o.acknowledges ? awaitingMyAck(items, o.userId, o.now).length : 0;
  return { unread: unreadItems.length, urgent: urgentAlerts + awaiting };
}

/** Recent valid alerts, most severe first, then newest first. */
export function alertsBySeverity(items: readonly Item[], limit = 10): AlertItem[] {
  return items
    .filter(isAlert)
    .sort((a, b) => SEVERITY_RANK[b.content.content.severity] - SEVERITY_RANK[a.content.content.severity] || b.ts - a.ts)
    .slice(0, limit);
}
