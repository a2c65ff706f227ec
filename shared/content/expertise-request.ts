import { z } from "zod";
import { Tlp } from "./tlp.js";
import { IsoDate, IsoDateTime, StateCode, Uuid, V1, line, text, uniqueList } from "./fields.js";
import { dotted, escapeHtml, formatInstant, htmlText, tlpHtml, tlpTag, truncate, type Fallback } from "./format.js";

export const VenueType = z.enum([
  "stadium",
  "arena",
  "convention_center",
  "open_air",
  "street_event",
  "transport_hub",
  "religious_site",
  "tourist_site",
  "shopping_center",
  "mixed",
  "other",
]);
export type VenueType = z.infer<typeof VenueType>;

/** How the expertise can be given. A request may accept either; an offer may say either. */
export const ExpertiseForm = z.enum(["remote", "on_site", "either"]);
export type ExpertiseForm = z.infer<typeof ExpertiseForm>;

export const ExpertiseStatus = z.enum(["open", "matched", "closed"]);
export type ExpertiseStatus = z.infer<typeof ExpertiseStatus>;

/** An area of expertise, e.g. "crowd management", "UAS countermeasures". */
export const ExpertiseArea = line(100);

/** A host state asks peers for expertise before a major event (registry event by uuid). */
export const ExpertiseRequestContent = z
  .strictObject({
    version: V1,
    tlp: Tlp,
    eventId: Uuid,
    eventName: line(200),
    hostState: StateCode,
    startDate: IsoDate,
    endDate: IsoDate,
    venueType: VenueType,
    areasNeeded: uniqueList(ExpertiseArea, 1, 20),
    form: ExpertiseForm,
    deadline: IsoDateTime,
    /** Status when sent (normally "open"); later changes are expertise.status events (expertise-status-derive.ts). */
    status: ExpertiseStatus,
    details: text(4000).optional(),
  })
  .refine((r) => r.endDate >= r.startDate, { path: ["endDate"], message: "the event cannot end before it starts" });
export type ExpertiseRequestContent = z.infer<typeof ExpertiseRequestContent>;

const FORM_TEXT: Readonly<Record<ExpertiseForm, string>> = { remote: "remote", on_site: "on site", either: "remote or on site" };
export const formText = (f: ExpertiseForm) => FORM_TEXT[f];

export function expertiseRequestFallback(r: ExpertiseRequestContent): Fallback {
  const head = `🤝 EXPERTISE REQUEST ${tlpTag(r.tlp)} ${r.status.toUpperCase()} — ${r.eventName} (${r.hostState}, ${r.startDate} to ${r.endDate})`;
  const facts = dotted([
    `needs ${r.areasNeeded.join(", ")}`,
    formText(r.form),
    `venue ${r.venueType.replace(/_/g, " ")}`,
    `reply by ${formatInstant(r.deadline)}`,
  ]);
  const details = r.details ? `\n${truncate(r.details)}` : "";
  return {
    plain: `${head}\n${facts}${details}`,
    html:
      `<p>🤝 <strong>EXPERTISE REQUEST</strong> ${tlpHtml(r.tlp)} <strong>${escapeHtml(r.status.toUpperCase())}</strong> — ` +
      `<strong>${escapeHtml(r.eventName)}</strong> (${escapeHtml(r.hostState)}, ${escapeHtml(r.startDate)} to ${escapeHtml(r.endDate)})</p>` +
      `<p>${escapeHtml(facts)}</p>${r.details ? `<p>${htmlText(r.details)}</p>` : ""}`,
  };
}
