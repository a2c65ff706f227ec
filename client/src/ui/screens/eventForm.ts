// The major-event form's values (what the inputs hold) → the control plane's MajorEventInput, checked
// by the same zod schema the server uses, with the composers' one wording for field errors. Pure.
import { MajorEventInput } from "#shared/api/registry.js";
import type { EventBody, MajorEvent } from "../../api/types.js";
import { fieldErrors, type FieldErrors } from "../composers/issues.js";

export interface EventForm {
  name: string;
  hostState: string;
  /** "year-month-day" from the DateTimeField, or its "invalid:…" marker for text that is not a date. */
  startsOn: string;
  endsOn: string;
  venueType: string;
  supportingStates: string[];
}

export const emptyEventForm = (hostState = ""): EventForm => ({ name: "", hostState, startsOn: "", endsOn: "", venueType: "", supportingStates: [] });
export const eventFormOf = (e: MajorEvent): EventForm => ({
  name: e.name,
  hostState: e.hostState,
  startsOn: e.startsOn,
  endsOn: e.endsOn,
  venueType: e.venueType,
  supportingStates: e.supportingStates.filter((s) => s !== e.hostState),
});

/** "2027-6-1" → "2027-06-01" when it is a calendar date; "" when nothing was typed; otherwise the text (refused as a date). */
export function isoDay(v: string): string {
  const parts = v.split("-");
  if (parts.every((p) => p === "")) return "";
  const [y, m, d] = parts;
  if (parts.length !== 3 || !/^\d{4}$/.test(y!) || !/^\d{1,2}$/.test(m!) || !/^\d{1,2}$/.test(d!)) return v || "invalid";
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return "invalid";
  return `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
}

export type CheckedEvent = { ok: true; body: EventBody } | { ok: false; errors: FieldErrors };

export function checkEvent(f: EventForm): CheckedEvent {
  const body = {
    name: f.name,
    hostState: f.hostState,
    startsOn: isoDay(f.startsOn),
    endsOn: isoDay(f.endsOn),
    venueType: f.venueType,
    supportingStates: [...new Set(f.supportingStates)].filter((s) => s !== f.hostState).sort(),
  };
  const r = MajorEventInput.safeParse(body);
  if (r.success) return { ok: true, body: { ...body, venueType: r.data.venueType } };
  const errors = fieldErrors(r.error.issues);
  // An empty field is "required" (a select: "choose"), not "not in the expected format".
  for (const k of ["name", "startsOn", "endsOn"] as const) if (errors[k] && body[k].trim() === "") errors[k] = { key: "required" };
  for (const k of ["hostState", "venueType"] as const) if (errors[k] && body[k] === "") errors[k] = { key: "choose" };
  return { ok: false, errors };
}
