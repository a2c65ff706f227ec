import type { MatrixClient, MatrixEvent } from "matrix-js-sdk";
import { z } from "zod";
import { canonicalJson } from "../crypto/canonical.js";
import { verifyBytes } from "../crypto/sign.js";
import { awaitDevice, signWithDeviceKey } from "./rust-crypto.js";

/**
 * Every Enlace message carries, inside its encrypted content, a signature by the SENDING DEVICE's
 * Ed25519 key over the content, its room and its sender. Megolm alone proves the sending device
 * only when the reader's device got the room key through Olm; a key restored from the server-side
 * backup (or forwarded) carries no such proof — the Rust SDK marks it "authenticity not guaranteed",
 * because anyone holding the backup's PUBLIC key, the homeserver operator included, can add a key
 * to it (matrix-sdk-crypto 43 has no authenticated backup, MSC4048). This signature makes the
 * message's origin checkable whatever the key's path: a forged backup key can decrypt only content
 * its forger wrote, and the forger cannot sign as the sender's device.
 */
const ORIGIN_SIGNATURE_KEY = "org.oas.enlace.origin";
const OriginSignature = z.strictObject({
  device_id: z.string().min(1).max(255),
  ed25519: z.string().regex(/^[A-Za-z0-9+/]{86}$/), // an Ed25519 signature, unpadded base64 (64 bytes)
});

interface OriginFacts {
  roomId: string;
  userId: string;
  deviceId: string;
  eventType: string;
  /** The event content without the signature itself. */
  content: Record<string, unknown>;
}

/** Pure: the exact bytes a sending device signs (domain-separated from acks and credentials). */
export function originSigningPayload(f: OriginFacts): string {
  return canonicalJson({
    type: ORIGIN_SIGNATURE_KEY,
    room_id: f.roomId,
    user_id: f.userId,
    device_id: f.deviceId,
    event_type: f.eventType,
    content: f.content,
  });
}

/** The content to send: `content` plus this device's origin signature over it. */
export async function withOriginSignature(
  client: MatrixClient,
  roomId: string,
  eventType: string,
  content: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const userId = client.getUserId(),
    deviceId = client.getDeviceId();
  if (!userId || !deviceId) throw new Error("signing a message needs a signed-in device");
  const ed25519 = await signWithDeviceKey(client, originSigningPayload({ roomId, userId, deviceId, eventType, content }));
  return { ...content, [ORIGIN_SIGNATURE_KEY]: { device_id: deviceId, ed25519 } };
}

export type OriginCheck = { ok: true; deviceId: string } | { ok: false; reason: string };

/**
 * Did a device its sender cross-signed write exactly this content, in this room, as this sender?
 * Judged with what the reader's own Rust crypto knows of the sender's devices (never with keys the
 * event hands us). Whether the owner's master key is the credential's is trust.ts's part.
 */
export async function checkOriginSignature(client: MatrixClient, event: MatrixEvent): Promise<OriginCheck> {
  const { [ORIGIN_SIGNATURE_KEY]: raw, ...content } = event.getContent() as Record<string, unknown>;
  const sig = OriginSignature.safeParse(raw);
  if (!sig.success) return { ok: false, reason: "not signed by the sending device" };
  const userId = event.getSender(),
    roomId = event.getRoomId();
  const crypto = client.getCrypto();
  if (!userId || !roomId || !crypto) return { ok: false, reason: "no sender, room or crypto to check the signature with" };
  await awaitDevice(client, userId, sig.data.device_id);
  const key = (await crypto.getUserDeviceInfo([userId])).get(userId)?.get(sig.data.device_id)?.getFingerprint();
  if (!key) return { ok: false, reason: "signed by a device this client does not know" };
  const payload = originSigningPayload({ roomId, userId, deviceId: sig.data.device_id, eventType: event.getType(), content });
  if (!(await verifyBytes(key, new TextEncoder().encode(payload), sig.data.ed25519)))
    return { ok: false, reason: "the sending device's signature does not match this message" };
  const status = await crypto.getDeviceVerificationStatus(userId, sig.data.device_id);
  if (!status?.signedByOwner) return { ok: false, reason: "signed by a device its owner has not cross-signed" };
  return { ok: true, deviceId: sig.data.device_id };
}
