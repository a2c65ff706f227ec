import { z } from "zod";
import { Tlp } from "./tlp.js";
import { EventId, V1, text } from "./fields.js";
import { IncidentStatus } from "./incident.js";
import { escapeHtml, htmlText, tlpHtml, tlpTag, truncate, type Fallback } from "./format.js";

/**
 * An update in an incident's thread. The incident's event ID is in the payload (so it is
 * covered by encryption and survives export) and also in `m.relates_to` as an `m.thread`
 * relation, so Element shows updates in the incident's thread (event.ts); the two must agree.
 */
export const IncidentUpdateContent = z.strictObject({
  version: V1,
  tlp: Tlp,
  incidentEventId: EventId,
  status: IncidentStatus,
  text: text(4000),
});
export type IncidentUpdateContent = z.infer<typeof IncidentUpdateContent>;

export function incidentUpdateFallback(u: IncidentUpdateContent): Fallback {
  return {
    plain: `↪️ INCIDENT UPDATE ${tlpTag(u.tlp)} now ${u.status.toUpperCase()}\n${truncate(u.text)}`,
    html: `<p>↪️ <strong>INCIDENT UPDATE</strong> ${tlpHtml(u.tlp)} now <strong>${escapeHtml(u.status.toUpperCase())}</strong></p><p>${htmlText(u.text)}</p>`,
  };
}
