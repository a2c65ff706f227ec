import type { IncidentStatus } from "#shared/content/incident.js";
import { byTime, ofKind, type AnyItem, type Item } from "./items.js";

interface ThreadUpdate extends Item<"incident.update"> {
  /** Whether it may move the incident's status: from the reporter or a verified member. */
  counts: boolean;
}

export interface IncidentThread {
  updates: ThreadUpdate[];
  status: IncidentStatus;
  /** When the current status took effect. */
  since: number;
}

/**
 * An incident and its updates in order. Anyone in the room can post an update, but only the
 * reporter's or a verified member's changes the current status: an unverified account cannot
 * declare an incident closed.
 */
export function incidentThread(root: Item<"incident">, items: readonly AnyItem[]): IncidentThread {
  const updates = ofKind(items, "incident.update")
    .filter((u) => u.roomId === root.roomId && u.content.incidentEventId === root.eventId)
    .sort(byTime)
    .map((u) => ({ ...u, counts: u.sender === root.sender || u.trust.level === "verified" }));
  const latest = [...updates].reverse().find((u) => u.counts);
  return { updates, status: latest?.content.status ?? root.content.status, since: latest?.ts ?? root.ts };
}
