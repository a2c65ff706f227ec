import type { MatrixEvent } from "matrix-js-sdk";
import { EventShieldReason } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { EnlaceSession } from "./session.js";
import type { CredentialBody } from "../credentials/credential.js";
import { vettedIdentity } from "./vetted.js";
import { ACK_EVENT_TYPE } from "../content/ack.js";
import { checkAckSignature } from "./ack-signature.js";
import { checkOriginSignature } from "./origin-signature.js";

export type TrustVerdict =
  /** `name` is the registry name the Secretariat signed (absent from credentials issued before names were). */
  | { level: "verified"; name?: string; memberState: string | null; programs: string[]; roles: CredentialBody["roles"]; label: string }
  | { level: "unverified"; reason: string; code?: "revocation-unknown" | "key-origin-unknown" }
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
  const vetted = await vettedIdentity(s, sender);
  if (!vetted.ok)
    return vetted.level === "invalid"
      ? { level: "invalid", reason: vetted.reason }
      : { level: "unverified", reason: vetted.reason, ...(vetted.code === "revocation-unknown" ? { code: vetted.code } : {}) };
  const c = vetted.credential;
  if (isAck) {
    const ack = await checkAckSignature(s.client, event);
    if (!ack.ok) return { level: "unverified", reason: ack.reason };
  } else {
    const info = await s.client.getCrypto()!.getEncryptionInfoForEvent(event);
    // We do not verify people interactively: the credential replaces that, so an "unverified identity" is expected.
    // A key restored from the server-side backup, forwarded, or from a room-key bundle (MSC4268:
    // history shared with someone approved later) does not prove which device sent the message:
    // anyone with the backup's public key, the homeserver operator included, can add one, and a
    // bundle proves only who forwarded it; the SDK never calls such a key authenticated. The sending
    // device's own signature inside the content does prove it (origin-signature.ts), so the verdict is
    // what it was for those who got the key through Olm; without one, say it is the key's origin that
    // is unknown, not that the sender is untrustworthy.
    const forwarder = event.getKeyForwardingUser();
    const viaForwarder = forwarder && info?.shieldReason !== null && info?.shieldReason !== EventShieldReason.UNVERIFIED_IDENTITY;
    if (viaForwarder || info?.shieldReason === EventShieldReason.AUTHENTICITY_NOT_GUARANTEED) {
      const origin = await checkOriginSignature(s.client, event);
      if (!origin.ok)
        return {
          level: "unverified",
          code: "key-origin-unknown",
          reason: viaForwarder
            ? `key shared with you by ${forwarder} when you joined: the sending device cannot be confirmed (${origin.reason})`
            : `read with a key from backup or forwarded, and ${origin.reason}`,
        };
    } else if (!info || (info.shieldReason !== null && info.shieldReason !== EventShieldReason.UNVERIFIED_IDENTITY)) {
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
    ...(c.name ? { name: c.name } : {}),
    memberState: c.memberState,
    programs: c.programs,
    roles: c.roles,
    label: `verified ${role} — ${state}${programs.length ? `, ${programs.join(", ")}` : ""}`,
  };
}
