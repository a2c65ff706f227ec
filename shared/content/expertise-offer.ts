import { z } from "zod";
import { Tlp } from "./tlp.js";
import { EventId, V1, text, uniqueList } from "./fields.js";
import { ExpertiseArea, ExpertiseForm, formText } from "./expertise-request.js";
import { dotted, escapeHtml, htmlText, tlpHtml, tlpTag, truncate, type Fallback } from "./format.js";

/** A peer's offer, in reply to a request event (also an `m.in_reply_to` relation; see event.ts). */
export const ExpertiseOfferContent = z.strictObject({
  version: V1,
  tlp: Tlp,
  requestEventId: EventId,
  areas: uniqueList(ExpertiseArea, 1, 20),
  form: ExpertiseForm,
  availability: text(1000),
  note: text(2000).optional(),
});
export type ExpertiseOfferContent = z.infer<typeof ExpertiseOfferContent>;

export function expertiseOfferFallback(o: ExpertiseOfferContent): Fallback {
  const facts = dotted([`offers ${o.areas.join(", ")}`, formText(o.form)]);
  return {
    plain: `🙋 EXPERTISE OFFER ${tlpTag(o.tlp)}\n${facts}\nAvailability: ${truncate(o.availability)}${o.note ? `\n${truncate(o.note)}` : ""}`,
    html:
      `<p>🙋 <strong>EXPERTISE OFFER</strong> ${tlpHtml(o.tlp)}</p><p>${escapeHtml(facts)}</p>` +
      `<p>Availability: ${htmlText(o.availability)}</p>${o.note ? `<p>${htmlText(o.note)}</p>` : ""}`,
  };
}
