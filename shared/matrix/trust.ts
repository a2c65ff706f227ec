import type { MatrixEvent } from "matrix-js-sdk";
import { EventShieldReason } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { EnlaceSession } from "./session.js";
import { verifyCredential, credentialStateKey, CREDENTIAL_TYPE, REVOCATIONS_TYPE, type CredentialBody } from "../credentials/credential.js";
import { findRoomByKey } from "./rooms.js";
import { ACK_EVENT_TYPE } from "../content/ack.js";
import { checkAckSignature } from "./ack-signature.js";
import { cryptoMasterKey } from "./rust-crypto.js";
import { currentRevocations } from "../credentials/revocation-status.js";

export type TrustVerdict =
  | { level: "verified"; memberState: string | null; programs: string[]; roles: CredentialBody["roles"]; label: string }
  | { level: "unverified"; reason: string; code?: "revocation-unknown" }
  | { level: "invalid"; reason: string }
  /** Arrived in the clear although every Enlace room is encrypted: nothing vouches for the device, whoever the credential names. */
  | { level: "unencrypted"; reason: string };

export const UNENCRYPTED_REASON = "sent without encryption: cannot be verified";

/**
 * Who really sent this? "Verified focal point of state X" needs all of: a credential signed by the
 * pinned Secretariat key, for this sender, unexpired and not revoked; its master key equal to the
 * cross-signing master key the reader's Rust crypto holds for the sender (the identity it judges
 * their devices by, not a separate /keys/query a homeserver could answer differently); and a
 * sending device its owner cross-signed: proven by Megolm for encrypted events, by the device's
 * signature for acknowledgements (ack-signature.ts). Any other unencrypted event is "unencrypted"
 * (a homeserver operator or a stolen access token can post those under anyone's name).
 * Anything less is "unverified"; a forged or foreign credential is "invalid".
 */
export async function trustOf(
  s: EnlaceSession,
  event: MatrixEvent,
  programNames: Record<string, string> = {},
  stateNames: Record<string, string> = {},
): Promise<TrustVerdict> {
  const sender = event.getSender();
  if (!sender) return { level: "invalid", reason: "event has no sender" };
  const isAck = !event.isEncrypted() && event.getType() === ACK_EVENT_TYPE;
  if (!event.isEncrypted() && !isAck) return { level: "unencrypted", reason: UNENCRYPTED_REASON };
  const space = findRoomByKey(s.client, "space");
  const raw = space?.currentState.getStateEvents(CREDENTIAL_TYPE, credentialStateKey(sender))?.getContent();
  if (!raw || Object.keys(raw).length === 0) return { level: "unverified", reason: "no Secretariat credential for this sender" };
  // The high-water mark refuses an older list put back; a missing or stale one leaves the status unknown.
  const now = s.now?.() ?? new Date();
  const revocation = await currentRevocations(space?.currentState.getStateEvents(REVOCATIONS_TYPE, "")?.getContent() ?? null, {
    pinnedKeys: s.secretariatKeys,
    store: s.revocations,
    now,
  });
  const verdict = await verifyCredential(raw, { pinnedKeys: s.secretariatKeys, userId: sender, now, revocation });
  if (verdict.status === "invalid") return { level: "invalid", reason: verdict.reason };
  if (verdict.status === "revoked") return { level: "unverified", reason: `vetting ${verdict.revocation}` };
  if (verdict.status === "revocation-unknown")
    return { level: "unverified", code: "revocation-unknown", reason: `revocation status unknown: ${verdict.reason}` };
  if (verdict.status === "expired") return { level: "unverified", reason: "credential expired" };
  const c = verdict.credential;
  if (!c.masterKey) return { level: "unverified", reason: "sender has not registered a cross-signing key" };
  if ((await cryptoMasterKey(s.client, sender)) !== c.masterKey)
    return { level: "unverified", reason: "sender's cross-signing key does not match their credential" };
  if (isAck) {
    const ack = await checkAckSignature(s.client, event);
    if (!ack.ok) return { level: "unverified", reason: ack.reason };
  } else {
    const info = await s.client.getCrypto()!.getEncryptionInfoForEvent(event);
    // We do not verify people interactively: the credential replaces that, so an "unverified identity" is expected.
    // Keys restored from the server-side backup do not prove which device sent the message
    // (anyone could have put them there), so history read that way is honestly "unverified".
    if (info?.shieldReason === EventShieldReason.AUTHENTICITY_NOT_GUARANTEED) {
      return { level: "unverified", reason: "read with a key restored from backup: the sending device cannot be confirmed" };
    }
    if (!info || (info.shieldReason !== null && info.shieldReason !== EventShieldReason.UNVERIFIED_IDENTITY)) {
      return { level: "unverified", reason: "sent from a device its owner has not cross-signed" };
    }
  }
  const programs = c.programs.map((p) => programNames[p] ?? p);
  const state = c.memberState ? (stateNames[c.memberState] ?? c.memberState) : "OAS Secretariat";
  const role = c.roles.some((r) => r.role === "secretariat_officer" || r.role === "secretariat_admin")
    ? "Secretariat officer"
    : c.roles.some((r) => r.role === "national_coordinator")
      ? "national coordinator"
      : "focal point";
  return {
    level: "verified",
    memberState: c.memberState,
    programs: c.programs,
    roles: c.roles,
    label: `verified ${role} — ${state}${programs.length ? `, ${programs.join(", ")}` : ""}`,
  };
}
