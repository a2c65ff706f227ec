import { z } from "zod";
import { Tlp } from "./tlp.js";
import { IsoDateTime, Location, V1, line, text } from "./fields.js";
import { dotted, escapeHtml, formatInstant, htmlText, tlpHtml, tlpTag, truncate, type Fallback } from "./format.js";

export const IncidentStatus = z.enum(["ongoing", "contained", "closed"]);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** Something that happened. Updates are separate events in its thread (incident-update.ts). */
export const IncidentContent = z.strictObject({
  version: V1,
  tlp: Tlp,
  title: line(200),
  what: text(4000),
  where: Location,
  when: IsoDateTime,
  status: IncidentStatus,
});
export type IncidentContent = z.infer<typeof IncidentContent>;

export function incidentFallback(i: IncidentContent): Fallback {
  const head = `⚠️ INCIDENT ${tlpTag(i.tlp)} ${i.status.toUpperCase()} — ${i.title}`;
  const facts = dotted([`when ${formatInstant(i.when)}`, `where ${i.where.text}`]);
  return {
    plain: `${head}\n${truncate(i.what)}\n${facts}`,
    html:
      `<p>⚠️ <strong>INCIDENT</strong> ${tlpHtml(i.tlp)} <strong>${escapeHtml(i.status.toUpperCase())}</strong> — <strong>${escapeHtml(i.title)}</strong></p>` +
      `<p>${htmlText(i.what)}</p><p><em>${escapeHtml(facts)}</em></p>`,
  };
}
