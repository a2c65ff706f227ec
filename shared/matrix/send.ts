import { Method } from "matrix-js-sdk";
import type { EnlaceSession } from "./session.js";
import { buildEventContent } from "../content/event.js";
import { buildAckContent, ACK_EVENT_TYPE } from "../content/ack.js";
import type { ContentByKind } from "../content/schemas.js";
import type { MessageKind } from "../content/types.js";
import { roomCeiling } from "./rooms.js";
import { signAck } from "./ack-signature.js";
import { withOriginSignature } from "./origin-signature.js";
import { registryMismatch, UnknownMajorEventError } from "./registry.js";

export class NotAnEnlaceRoomError extends Error {
  constructor(roomId: string) {
    super(`room ${roomId} has no TLP ceiling: Enlace content is only sent to Enlace rooms`);
    this.name = "NotAnEnlaceRoomError";
  }
}

/**
 * Validates, checks the room's TLP ceiling (refusing anything above it with TlpCeilingError) and
 * refusing an expertise request whose major event the registry does not know (UnknownMajorEventError),
 * sends the content Megolm-encrypted as m.room.message with its readable fallback and this device's
 * origin signature (origin-signature.ts).
 */
export async function sendContent<K extends MessageKind>(s: EnlaceSession, roomId: string, kind: K, content: ContentByKind[K]): Promise<string> {
  const ceiling = roomCeiling(s.client.getRoom(roomId));
  if (!ceiling) throw new NotAnEnlaceRoomError(roomId);
  const body = buildEventContent(kind, content, { roomCeiling: ceiling });
  if (kind === "expertise.request" && s.registry) {
    const reason = await registryMismatch(s.registry, content as ContentByKind["expertise.request"]);
    if (reason) throw new UnknownMajorEventError(reason);
  }
  // Signed by this device inside the encryption, so readers can tell who wrote it even with a key from backup.
  const signed = await withOriginSignature(s.client, roomId, "m.room.message", body);
  // biome-ignore lint/suspicious/noExplicitAny: matrix-js-sdk types m.room.message content by msgtype; our content carries its own namespaced fields
  const r = await s.client.sendEvent(roomId, "m.room.message" as any, signed as any);
  return r.event_id;
}

/**
 * An acknowledgement is sent unencrypted on purpose: it carries only the advisory's event id (no
 * more than a read receipt reveals), and its own event type lets members post it in rooms where
 * only the Secretariat may post. The SDK would encrypt any event in an encrypted room, so it is
 * sent with a plain PUT. Being unencrypted, nothing but its device signature (ack-signature.ts)
 * tells readers this device made it: a homeserver operator could post one under anyone's name.
 */
export async function sendAck(s: EnlaceSession, roomId: string, advisoryEventId: string): Promise<string> {
  const signature = await signAck(s.client, roomId, advisoryEventId);
  const txn = `ack-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const path = `/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(ACK_EVENT_TYPE)}/${txn}`;
  // biome-ignore lint/suspicious/noExplicitAny: authedRequest's body type is the SDK's own; the acknowledgement is our namespaced content
  const r = await s.client.http.authedRequest<{ event_id: string }>(Method.Put, path, undefined, buildAckContent(advisoryEventId, signature) as any);
  return r.event_id;
}
