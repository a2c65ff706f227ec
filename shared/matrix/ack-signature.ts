import type { MatrixClient, MatrixEvent } from "matrix-js-sdk";
import { ACK_SIGNATURE_KEY, AckContent, ackSigningPayload, type AckSignature } from "../content/ack.js";
import { verifyBytes } from "../crypto/sign.js";
import { awaitDevice, signWithDeviceKey } from "./rust-crypto.js";

export interface AckFacts {
  roomId: string;
  advisoryEventId: string;
  userId: string;
  deviceId: string;
}

/**
 * Pure: does `signature` (unpadded base64) verify, under this device's Ed25519 key, over the payload
 * that names exactly this room, advisory, person and device? Anything malformed is simply "no".
 */
export async function ackSignatureVerifies(facts: AckFacts, signature: string, deviceEd25519Key: string): Promise<boolean> {
  return verifyBytes(deviceEd25519Key, new TextEncoder().encode(ackSigningPayload(facts)), signature);
}

/** The signature this device puts on its acknowledgement of an advisory (the Rust crypto's device key). */
export async function signAck(client: MatrixClient, roomId: string, advisoryEventId: string): Promise<AckSignature> {
  const userId = client.getUserId(),
    deviceId = client.getDeviceId();
  if (!userId || !deviceId) throw new Error("signing an acknowledgement needs a signed-in device");
  const ed25519 = await signWithDeviceKey(client, ackSigningPayload({ roomId, advisoryEventId, userId, deviceId }));
  return { device_id: deviceId, ed25519 };
}

export type AckDeviceCheck = { ok: true; deviceId: string } | { ok: false; reason: string };

/**
 * Was this (unencrypted) acknowledgement made by a device its sender cross-signed? Checks, with
 * what the reader's own Rust crypto knows (never with keys the event or a fresh query hands us):
 * the device is one of the sender's, its Ed25519 key verifies the signature over this room, this
 * advisory, this sender and this device, and its owner's self-signing key signed it.
 * Whether that owner's master key is the one in their Secretariat credential is trust.ts's part.
 */
export async function checkAckSignature(client: MatrixClient, event: MatrixEvent): Promise<AckDeviceCheck> {
  const parsed = AckContent.safeParse(event.getContent());
  if (!parsed.success) return { ok: false, reason: "not a well-formed acknowledgement" };
  const sig = parsed.data[ACK_SIGNATURE_KEY];
  if (!sig) return { ok: false, reason: "acknowledgement not signed by the acknowledging device: it does not count" };
  const userId = event.getSender(),
    roomId = event.getRoomId();
  if (!userId || !roomId) return { ok: false, reason: "acknowledgement without sender or room" };
  const crypto = client.getCrypto();
  if (!crypto) return { ok: false, reason: "this client has no crypto to check the acknowledgement" };
  await awaitDevice(client, userId, sig.device_id);
  const device = (await crypto.getUserDeviceInfo([userId])).get(userId)?.get(sig.device_id);
  const key = device?.getFingerprint();
  if (!key) return { ok: false, reason: "acknowledgement signed by a device this client does not know" };
  const facts = { roomId, advisoryEventId: parsed.data["m.relates_to"].event_id, userId, deviceId: sig.device_id };
  if (!(await ackSignatureVerifies(facts, sig.ed25519, key)))
    return { ok: false, reason: "the acknowledgement's device signature is not valid for this advisory" };
  const status = await crypto.getDeviceVerificationStatus(userId, sig.device_id);
  if (!status?.signedByOwner) return { ok: false, reason: "acknowledgement signed by a device its owner has not cross-signed" };
  return { ok: true, deviceId: sig.device_id };
}
