import { describe, it, expect } from "vitest";
import { deriveExpertiseStatus, type DeriveInput, type TimelineEvent } from "./expertise-status-derive.js";
import { EXAMPLES, EXAMPLE_REQUEST_EVENT_ID as REQ } from "./examples.js";
import type { ExpertiseStatusContent } from "./expertise-status.js";
import type { ExpertiseStatus } from "./expertise-request.js";

const T0 = Date.parse("2027-01-10T00:00:00Z");
const HOUR = 3_600_000;
const request = { eventId: REQ, sender: "@host:pe.example", ts: T0, content: EXAMPLES["expertise.request"] }; // deadline 2027-03-01
const status = (eventId: string, sender: string, ts: number, s: ExpertiseStatus, requestEventId = REQ): TimelineEvent<ExpertiseStatusContent> => ({
  eventId,
  sender,
  ts,
  content: { ...EXAMPLES["expertise.status"], requestEventId, status: s },
});
const offer = (eventId: string, ts: number, requestEventId = REQ) => ({
  eventId,
  sender: "@peer:co.example",
  ts,
  content: { ...EXAMPLES["expertise.offer"], requestEventId },
});
const derive = (patch: Partial<DeriveInput>) =>
  deriveExpertiseStatus({ requestEventId: REQ, request, statusEvents: [], offers: [], now: new Date(T0 + HOUR), ...patch });

describe("expertise request status", () => {
  it("is the request's own status until something changes it; offers alone do not", () => {
    expect(derive({ offers: [offer("$o1", T0 + 1), offer("$o2", T0 + 2), offer("$x", T0 + 3, "$otherRequest")] })).toEqual({
      status: "open",
      reason: "request",
      since: new Date(T0),
      offers: 2,
      offersAfterClose: 0,
    });
  });

  it("follows the latest status event from the requester or an authorised sender", () => {
    const events = [
      status("$s1", "@host:pe.example", T0 + 10, "matched"),
      status("$s2", "@officer:oas.example", T0 + 20, "closed"),
      status("$s3", "@intruder:xx.example", T0 + 30, "open"), // not allowed: ignored
      status("$s4", "@host:pe.example", T0 + 40, "open", "$otherRequest"), // another request
    ];
    expect(derive({ statusEvents: events }).status).toBe("matched");
    const officer = derive({ statusEvents: events, canChangeStatus: (s) => s === "@officer:oas.example" });
    expect(officer).toMatchObject({ status: "closed", reason: "status-event", since: new Date(T0 + 20) });
  });

  it("breaks timestamp ties by event ID, so every client agrees, and can reopen", () => {
    const tie = [status("$b", "@host:pe.example", T0 + 5, "closed"), status("$a", "@host:pe.example", T0 + 5, "matched")];
    expect(derive({ statusEvents: tie }).status).toBe("closed");
    expect(derive({ statusEvents: [...tie, status("$c", "@host:pe.example", T0 + 6, "open")] }).status).toBe("open");
  });

  it("closes an open request at its deadline and counts offers that came after", () => {
    const deadline = Date.parse(EXAMPLES["expertise.request"].deadline);
    const r = derive({ now: new Date(deadline + HOUR), offers: [offer("$o1", deadline - 1), offer("$o2", deadline + 1)] });
    expect(r).toEqual({ status: "closed", reason: "deadline", since: new Date(deadline), offers: 2, offersAfterClose: 1 });
    // A matched request stays matched after the deadline.
    expect(derive({ now: new Date(deadline + HOUR), statusEvents: [status("$m", "@host:pe.example", T0 + 1, "matched")] }).status).toBe("matched");
  });
});
