/**
 * The Enlace event-type namespace: the ONE place where `org.oas.enlace.*` names are spelled.
 *
 * Encoding decision (see also event.ts): every content kind except the acknowledgement travels
 * as a standard `m.room.message` (msgtype `m.text`, or `m.file` for documents) with a plain
 * `body`, an HTML `formatted_body`, and the structured payload under a namespaced key equal to
 * the kind's event type, e.g. `"org.oas.enlace.alert": { version: 1, ... }`.
 * Why not custom event types? Element and other standard clients hide event types they do not
 * know, so a focal point reading with Element would see nothing at all; `m.room.message`
 * with a namespaced payload is the established Matrix pattern (MSC1767-style mixins) and keeps
 * the readable fallback that DESIGN.md principle 4 requires. After decryption the inner type
 * is the same for every kind, so the kind is identified by which namespaced key is present.
 *
 * The acknowledgement is the exception: a dedicated, UNENCRYPTED event type carrying only an
 * `m.relates_to` reference to the advisory (see ack.ts and MATRIX-NOTES "Power levels and
 * encrypted rooms"), so the homeserver can allow it at power level 0 in advisories rooms while
 * `events_default` keeps advisories Secretariat-only.
 */
const ENLACE_NAMESPACE = "org.oas.enlace" as const;

/** Content kinds that travel inside an (encrypted) `m.room.message`. */
export const MESSAGE_KINDS = [
  "alert",
  "incident",
  "incident.update",
  "advisory",
  "document",
  "expertise.request",
  "expertise.offer",
  "expertise.status",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Every kind `parseIncoming` can report: message kinds, the ack and the room TLP state. */
export const CONTENT_KINDS = [...MESSAGE_KINDS, "ack", "room.tlp"] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** `org.oas.enlace.<kind>`: the payload key inside m.room.message, or the event type itself. */
export const EVENT_TYPES = {
  alert: "org.oas.enlace.alert",
  incident: "org.oas.enlace.incident",
  "incident.update": "org.oas.enlace.incident.update",
  advisory: "org.oas.enlace.advisory",
  document: "org.oas.enlace.document",
  "expertise.request": "org.oas.enlace.expertise.request",
  "expertise.offer": "org.oas.enlace.expertise.offer",
  "expertise.status": "org.oas.enlace.expertise.status",
  /** Unencrypted relation event (not an m.room.message); power level 0 in advisories rooms. */
  ack: "org.oas.enlace.ack",
  /** State event, state_key "": the room's TLP ceiling. Not secret (room state is unencrypted). */
  "room.tlp": "org.oas.enlace.room.tlp",
} as const satisfies Record<ContentKind, string>;

/** State event carrying a signed focal-point credential (format owned by the credential module). */
export const CREDENTIAL_STATE_EVENT_TYPE = "org.oas.enlace.credential" as const;

/** The relation type an acknowledgement uses in `m.relates_to`. Same string as its event type. */
export const ACK_REL_TYPE = EVENT_TYPES.ack;

/** Outer Matrix event type of every message kind (inside the Megolm envelope). */
export const MESSAGE_EVENT_TYPE = "m.room.message" as const;

export const HTML_FORMAT = "org.matrix.custom.html" as const;

const KIND_BY_PAYLOAD_KEY: ReadonlyMap<string, MessageKind> = new Map(MESSAGE_KINDS.map((k) => [EVENT_TYPES[k], k]));

/** The message kind whose payload key this is, if any. */
export const messageKindForKey = (key: string): MessageKind | undefined => KIND_BY_PAYLOAD_KEY.get(key);

export const isEnlaceName = (name: string): boolean => name.startsWith(`${ENLACE_NAMESPACE}.`);
