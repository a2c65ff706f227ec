import { z } from "zod";
import { ACK_REL_TYPE, EVENT_TYPES } from "./types.js";
import { EventId } from "./fields.js";
import { canonicalJson } from "../crypto/canonical.js";

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
 *
 * Because it is not encrypted, nothing vouches for the sending device the way Megolm does: a
 * homeserver operator (or a stolen access token) can post an ack under anyone's name. So the ack
 * carries a signature by the acknowledging DEVICE's Ed25519 key over `ackSigningPayload`, and
 * readers count it only when that device is one its owner cross-signed, under the master key the
 * owner's Secretariat credential names (shared/matrix/ack-signature.ts). An ack without it parses
 * (older clients sent none) but never counts.
 */
export const ACK_SIGNATURE_KEY = "org.oas.enlace.ack.signature";
export const AckSignature = z.strictObject({
  device_id: z.string().min(1).max(255),
  ed25519: z.string().regex(/^[A-Za-z0-9+/]{86}$/), // an Ed25519 signature, unpadded base64 (64 bytes)
});
export const AckContent = z.strictObject({
  "m.relates_to": z.strictObject({ rel_type: z.literal(ACK_REL_TYPE), event_id: EventId }),
  [ACK_SIGNATURE_KEY]: AckSignature.optional(),
});
export type AckContent = z.infer<typeof AckContent>;
export type AckSignature = z.infer<typeof AckSignature>;

export const ACK_EVENT_TYPE = EVENT_TYPES.ack;

/**
 * The exact string the acknowledging device signs: canonical JSON (RFC 8785) of who acknowledged
 * what, where, from which device. The `type` member separates it from everything else a device key
 * signs (its own device keys, one-time keys), so no other signature can be passed off as an ack.
 * Binding the room and the advisory means a signature cannot be replayed onto another advisory.
 */
export function ackSigningPayload(a: { roomId: string; advisoryEventId: string; userId: string; deviceId: string }): string {
  return canonicalJson({ type: ACK_EVENT_TYPE, room_id: a.roomId, event_id: a.advisoryEventId, user_id: a.userId, device_id: a.deviceId });
}

/** The complete content of an acknowledgement of the advisory with this event ID (signed, when a signature is given). */
export function buildAckContent(advisoryEventId: string, signature?: AckSignature): AckContent {
  return AckContent.parse({ "m.relates_to": { rel_type: ACK_REL_TYPE, event_id: advisoryEventId }, ...(signature ? { [ACK_SIGNATURE_KEY]: signature } : {}) });
}
