import { useSyncExternalStore } from "react";
import { deliveryReport, type DeliveryReport } from "#shared/matrix/delivery.js";
import type { EnlaceSession } from "#shared/matrix/session.js";

/**
 * The delivery report of each alert and advisory this tab sent, by event id, for the sender's card.
 * Taken at the moment of sending (membership and devices then, which is what the key went to);
 * kept for this page's life only: after a reload the card shows no figure rather than today's.
 */
const reports = new Map<string, DeliveryReport>();
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};

/**
 * Sends with `send` while counting, from the same moment, who the key goes to; records the count
 * under the new event's id. The count never delays or fails the send.
 */
export async function sendCounted<T extends string | { eventId: string }>(session: EnlaceSession, roomId: string, send: () => Promise<T>): Promise<T> {
  const counting = deliveryReport(session.client, roomId).catch(() => null);
  const sent = await send();
  const eventId = typeof sent === "string" ? sent : sent.eventId;
  void counting.then((r) => {
    if (!r) return;
    reports.set(eventId, r);
    for (const l of listeners) l();
  });
  return sent;
}

export const useDelivery = (eventId: string): DeliveryReport | undefined => useSyncExternalStore(subscribe, () => reports.get(eventId));
