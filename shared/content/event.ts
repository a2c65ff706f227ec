import { EVENT_TYPES, HTML_FORMAT, type MessageKind } from "./types.js";
import { SCHEMAS, toHtmlBody, toPlainBody, type ContentByKind } from "./schemas.js";
import { assertWithinCeiling, type Tlp } from "./tlp.js";
import { ContentTooLargeError, InvalidContentError } from "./errors.js";

/**
 * Matrix caps a whole event at 65,536 bytes, and Megolm sends the content base64-encoded inside
 * `m.room.encrypted` (×4/3) next to sender_key, session_id, signatures… so the cleartext
 * content must stay well below 48 KiB. Schema limits are chosen so that maximal content in
 * 3-byte UTF-8 characters fits under this (tested in event.test.ts).
 */
export const MAX_CONTENT_BYTES = 40_000;

export interface BuildOptions {
  /** The room's TLP ceiling (state `org.oas.enlace.room.tlp`); sending above it is refused. */
  roomCeiling: Tlp;
}

/** Relations that make standard clients place the message sensibly (threads, replies). */
function relationFor(kind: MessageKind, content: ContentByKind[MessageKind]): Record<string, unknown> | undefined {
  if (kind === "incident.update") {
    const id = (content as ContentByKind["incident.update"]).incidentEventId;
    return { rel_type: "m.thread", event_id: id, is_falling_back: true, "m.in_reply_to": { event_id: id } };
  }
  if (kind === "expertise.offer" || kind === "expertise.status") {
    return { "m.in_reply_to": { event_id: (content as ContentByKind["expertise.offer"]).requestEventId } };
  }
  return undefined;
}

/**
 * The complete `m.room.message` content for a payload: validated, within the room's TLP
 * ceiling, with readable fallbacks for standard clients and the payload under its
 * namespaced key. Throws InvalidContentError, TlpCeilingError or ContentTooLargeError.
 */
export function buildEventContent<K extends MessageKind>(kind: K, content: ContentByKind[K], options: BuildOptions): Record<string, unknown> {
  const parsed = SCHEMAS[kind].safeParse(content);
  if (!parsed.success) throw new InvalidContentError(kind, parsed.error.issues);
  const payload = parsed.data as ContentByKind[K];
  assertWithinCeiling(payload.tlp, options.roomCeiling);

  const body = toPlainBody(kind, payload);
  const formatted = toHtmlBody(kind, payload);
  const out: Record<string, unknown> = { msgtype: "m.text", body, format: HTML_FORMAT, formatted_body: formatted };
  if (kind === "document") {
    const d = payload as ContentByKind["document"];
    Object.assign(out, { msgtype: "m.file", filename: d.filename, file: d.file, info: { mimetype: d.mimetype, size: d.size } });
  }
  const relation = relationFor(kind, payload);
  if (relation) out["m.relates_to"] = relation;
  out[EVENT_TYPES[kind]] = payload;

  const bytes = new TextEncoder().encode(JSON.stringify(out)).length;
  if (bytes > MAX_CONTENT_BYTES) throw new ContentTooLargeError(bytes, MAX_CONTENT_BYTES);
  return out;
}
