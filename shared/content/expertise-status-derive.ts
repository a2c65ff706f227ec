import type { ExpertiseRequestContent, ExpertiseStatus } from "./expertise-request.js";
import type { ExpertiseStatusContent } from "./expertise-status.js";
import type { ExpertiseOfferContent } from "./expertise-offer.js";

/**
 * The current status of an expertise request. Matrix events are immutable, so a request's
 * status changes through later `expertise.status` events. Rule:
 * 1. Only status events for this request whose sender may change it count: the requester,
 *    or whoever `canChangeStatus` accepts (e.g. a verified Secretariat officer or the host
 *    state's national coordinator; the caller decides from credentials). Others are ignored,
 *    so a member cannot close someone else's request.
 * 2. The latest counted event wins (by server timestamp, ties broken by event ID so every
 *    client agrees); a later "open" reopens. Without one, the request's own `status` holds.
 * 3. An `open` request whose deadline has passed is `closed` (reason "deadline").
 * 4. Offers never change the status by themselves (an offer is not a match until the host
 *    says so); they are counted, and those sent after the request closed are counted apart.
 */
export interface DerivedExpertiseStatus {
  status: ExpertiseStatus;
  reason: "request" | "status-event" | "deadline";
  /** When the status took effect (the status event's time, the deadline, or the request's time). */
  since: Date;
  offers: number;
  offersAfterClose: number;
}

export interface TimelineEvent<C> {
  eventId: string;
  sender: string;
  ts: number;
  content: C;
}

export interface DeriveInput {
  requestEventId: string;
  request: TimelineEvent<ExpertiseRequestContent>;
  statusEvents: ReadonlyArray<TimelineEvent<ExpertiseStatusContent>>;
  offers: ReadonlyArray<TimelineEvent<ExpertiseOfferContent>>;
  now: Date;
  canChangeStatus?: (sender: string) => boolean;
}

const later = (a: TimelineEvent<unknown>, b: TimelineEvent<unknown>) => a.ts > b.ts || (a.ts === b.ts && a.eventId > b.eventId);

export function deriveExpertiseStatus(input: DeriveInput): DerivedExpertiseStatus {
  const { request, requestEventId, now } = input;
  const allowed = (sender: string) => sender === request.sender || (input.canChangeStatus?.(sender) ?? false);

  let latest: TimelineEvent<ExpertiseStatusContent> | undefined;
  for (const e of input.statusEvents) {
    if (e.content.requestEventId !== requestEventId || !allowed(e.sender)) continue;
    if (e.ts < request.ts) continue; // cannot precede the request it changes (clock-skew guard)
    if (!latest || later(e, latest)) latest = e;
  }

  let status: ExpertiseStatus = latest ? latest.content.status : request.content.status;
  let reason: DerivedExpertiseStatus["reason"] = latest ? "status-event" : "request";
  let since = new Date(latest ? latest.ts : request.ts);
  const deadline = Date.parse(request.content.deadline);
  if (status === "open" && now.getTime() > deadline) {
    status = "closed";
    reason = "deadline";
    since = new Date(Math.max(deadline, since.getTime()));
  }

  const offers = input.offers.filter((o) => o.content.requestEventId === requestEventId);
  const closedAt = status === "closed" ? since.getTime() : Infinity;
  return { status, reason, since, offers: offers.length, offersAfterClose: offers.filter((o) => o.ts > closedAt).length };
}
