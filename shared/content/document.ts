import { z } from "zod";
import { Tlp } from "./tlp.js";
import { EncryptedFile, FileName, FileSize, IsoDate, Language, MimeType, Uuid, V1, line, text, uniqueList } from "./fields.js";
import { dotted, escapeHtml, htmlText, tlpHtml, tlpTag, truncate, type Fallback } from "./format.js";

export { MAX_DOCUMENT_BYTES } from "./errors.js";

/**
 * A lessons-learned document: an encrypted attachment (Matrix `file` object) plus metadata.
 * Sent as msgtype `m.file` so Element offers the (client-side decrypted) download, with the
 * fallback as its caption (MSC2530: `filename` present and different from `body`).
 */
export const DocumentContent = z.strictObject({
  version: V1,
  tlp: Tlp,
  title: line(200),
  /** The event the lessons come from, e.g. "Copa América 2024 final". */
  event: line(200),
  /** The registry's major-event id, when the event is in the registry. */
  eventId: Uuid.optional(),
  date: IsoDate,
  topics: uniqueList(line(80), 1, 20),
  language: Language,
  summary: text(4000),
  file: EncryptedFile,
  mimetype: MimeType,
  size: FileSize,
  filename: FileName,
});
export type DocumentContent = z.infer<typeof DocumentContent>;

export function documentFallback(d: DocumentContent): Fallback {
  const head = `📄 LESSONS LEARNED ${tlpTag(d.tlp)} — ${d.title}`;
  const facts = dotted([`${d.event}, ${d.date}`, `language ${d.language}`, `topics ${d.topics.join(", ")}`, `file ${d.filename}`]);
  return {
    plain: `${head}\n${truncate(d.summary)}\n${facts}`,
    html:
      `<p>📄 <strong>LESSONS LEARNED</strong> ${tlpHtml(d.tlp)} — <strong>${escapeHtml(d.title)}</strong></p>` +
      `<p>${htmlText(d.summary)}</p><p><em>${escapeHtml(facts)}</em></p>`,
  };
}
