import { z } from "zod";
import { Tlp } from "./tlp.js";
import { FileRef, IsoDateTime, Location, StateCode, V1, line, text, uniqueList } from "./fields.js";
import { dotted, escapeHtml, formatInstant, htmlText, tlpHtml, tlpTag, truncate, type Fallback } from "./format.js";

export const AlertSeverity = z.enum(["info", "low", "medium", "high", "critical"]);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

/** Fixed codes (not free text) so clients can translate them and filters and STIX can use them. */
export const AlertCategory = z.enum([
  "armed_attack",
  "explosive_device",
  "vehicle_ramming",
  "arson",
  "cbrn",
  "drone",
  "hostage_taking",
  "cyber",
  "suspicious_activity",
  "threat_communication",
  "surveillance",
  "radicalisation",
  "other",
]);
export type AlertCategory = z.infer<typeof AlertCategory>;

/** Admiralty code: source reliability A (reliable) … F (cannot be judged). */
export const SourceReliability = z.enum(["A", "B", "C", "D", "E", "F"]);
/** Admiralty code: information credibility 1 (confirmed) … 6 (cannot be judged). */
const InformationCredibility = z.int().min(1).max(6);

export const MAX_ALERT_ATTACHMENTS = 10;

export const AlertContent = z.strictObject({
  version: V1,
  tlp: Tlp,
  title: line(200),
  summary: text(4000),
  severity: AlertSeverity,
  category: AlertCategory,
  affectedStates: uniqueList(StateCode, 1, 40),
  location: Location.optional(),
  validUntil: IsoDateTime,
  sourceReliability: SourceReliability,
  informationCredibility: InformationCredibility,
  attachments: z.array(FileRef).max(MAX_ALERT_ATTACHMENTS).optional(),
});
export type AlertContent = z.infer<typeof AlertContent>;

export const admiraltyCode = (a: Pick<AlertContent, "sourceReliability" | "informationCredibility">) => `${a.sourceReliability}${a.informationCredibility}`;

export function alertFallback(a: AlertContent): Fallback {
  const head = `🚨 ALERT ${tlpTag(a.tlp)} ${a.severity.toUpperCase()} — ${a.title}`;
  const facts = dotted([
    `Reliability ${admiraltyCode(a)}`,
    `valid until ${formatInstant(a.validUntil)}`,
    `states ${a.affectedStates.join(", ")}`,
    a.location && `location ${a.location.text}`,
    a.attachments && a.attachments.length > 0 && `${a.attachments.length} attachment(s)`,
  ]);
  const plain = `${head}\n${truncate(a.summary)}\n${facts}`;
  const html =
    `<p>🚨 <strong>ALERT</strong> ${tlpHtml(a.tlp)} <strong>${escapeHtml(a.severity.toUpperCase())}</strong> — <strong>${escapeHtml(a.title)}</strong></p>` +
    `<p>${htmlText(a.summary)}</p><p><em>${escapeHtml(facts)}</em></p>`;
  return { plain, html };
}
