import { z } from "zod";
import { Tlp } from "./tlp.js";
import { EventId, V1, text } from "./fields.js";
import { ExpertiseStatus } from "./expertise-request.js";
import { escapeHtml, htmlText, tlpHtml, tlpTag, truncate, type Fallback } from "./format.js";

/**
 * A later change of a request's status (matched, closed, reopened). Events are immutable, so
 * the request's current status is derived from it plus these (expertise-status-derive.ts).
 */
export const ExpertiseStatusContent = z.strictObject({
  version: V1,
  tlp: Tlp,
  requestEventId: EventId,
  status: ExpertiseStatus,
  note: text(1000).optional(),
});
export type ExpertiseStatusContent = z.infer<typeof ExpertiseStatusContent>;

export function expertiseStatusFallback(s: ExpertiseStatusContent): Fallback {
  return {
    plain: `🤝 EXPERTISE REQUEST now ${s.status.toUpperCase()} ${tlpTag(s.tlp)}${s.note ? `\n${truncate(s.note)}` : ""}`,
    html: `<p>🤝 <strong>EXPERTISE REQUEST</strong> now <strong>${escapeHtml(s.status.toUpperCase())}</strong> ${tlpHtml(s.tlp)}</p>${s.note ? `<p>${htmlText(s.note)}</p>` : ""}`,
  };
}
