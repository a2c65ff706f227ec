import { deriveExpertiseStatus, type DerivedExpertiseStatus } from "#shared/content/expertise-status-derive.js";
import { byTime, ofKind, type AnyItem, type Item } from "./items.js";

export interface RequestView {
  request: Item<"expertise.request">;
  status: DerivedExpertiseStatus;
  offers: Item<"expertise.offer">[];
  /** Whether this person may change the request's status (requester, officer, host coordinator). */
  mayChangeStatus: boolean;
}

/**
 * Who besides the requester may change a request's status: a verified Secretariat officer, or a
 * verified national coordinator of the host state. Judged from each sender's verified credential.
 */
function mayChange(trust: Item["trust"], hostState: string): boolean {
  if (trust.level !== "verified") return false;
  return trust.roles.some((r) => r.role === "secretariat_officer" || (r.role === "national_coordinator" && trust.memberState === hostState));
}

/** The signed-in person, from their control-plane roles (the server and other clients check for themselves). */
export interface Me {
  userId: string;
  officer: boolean;
  coordinatorOf: string[];
}

/** The requests for one registry event found in my rooms, soonest deadline first, each with its status and offers. */
export function requestsForEvent(eventId: string, items: readonly AnyItem[], now: Date, me: Me): RequestView[] {
  const statuses = ofKind(items, "expertise.status");
  const offers = ofKind(items, "expertise.offer");
  return ofKind(items, "expertise.request")
    .filter((r) => r.content.eventId === eventId)
    .map((request) => {
      const inRoom = <T extends Item>(x: T) => x.roomId === request.roomId && (x.content as { requestEventId: string }).requestEventId === request.eventId;
      const mine = statuses.filter(inRoom);
      const trustOf = new Map(mine.map((s) => [s.sender, s.trust]));
      const status = deriveExpertiseStatus({
        requestEventId: request.eventId,
        request,
        statusEvents: mine,
        offers: offers.filter(inRoom),
        now,
        canChangeStatus: (sender) => {
          const t = trustOf.get(sender);
          return t ? mayChange(t, request.content.hostState) : false;
        },
      });
      const mayChangeStatus = me.userId === request.sender || me.officer || me.coordinatorOf.includes(request.content.hostState);
      return { request, status, offers: offers.filter(inRoom).sort(byTime), mayChangeStatus };
    })
    .sort((a, b) => a.request.content.deadline.localeCompare(b.request.content.deadline) || byTime(a.request, b.request));
}
