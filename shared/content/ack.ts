import { z } from "zod";
import { ACK_REL_TYPE, EVENT_TYPES } from "./types.js";
import { EventId } from "./fields.js";

/**
 * Acknowledgement of an advisory: event type `org.oas.enlace.ack`, sent UNENCRYPTED (the
 * Matrix wrapper must bypass the SDK's automatic room encryption for it), content exactly:
 *
 *   { "m.relates_to": { "rel_type": "org.oas.enlace.ack", "event_id": "$advisory" } }
 *
 * Why: the homeserver checks power levels against the outer event type, and every encrypted
 * event is `m.room.encrypted`. Advisories rooms set `events_default: 50` (Secretariat only)
 * and `events: { "org.oas.enlace.ack": 0 }`, so focal points can acknowledge but cannot post
 * anything else, enforced by the server. The event reveals no more than a read receipt
 * (who, when, which event); the schema is strict so no text can ride along unencrypted —
 * comments go, encrypted, to the program's network room.
 * Whether the target really is an advisory, and which member state the sender represents,
 * is for the caller to check (room timeline + verified credentials) before counting it.
 */
export const AckContent = z.strictObject({
  "m.relates_to": z.strictObject({ rel_type: z.literal(ACK_REL_TYPE), event_id: EventId }),
});
export type AckContent = z.infer<typeof AckContent>;

export const ACK_EVENT_TYPE = EVENT_TYPES.ack;

/** The complete content of an acknowledgement of the advisory with this event ID. */
export function buildAckContent(advisoryEventId: string): AckContent {
  return AckContent.parse({ "m.relates_to": { rel_type: ACK_REL_TYPE, event_id: advisoryEventId } });
}
