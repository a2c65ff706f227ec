import type { EnlaceSession } from "./session.js";
import { verifyCredential, credentialStateKey, CREDENTIAL_TYPE, REVOCATIONS_TYPE, type CredentialBody } from "../credentials/credential.js";
import { findRoomByKey } from "./rooms.js";
import { cryptoMasterKey } from "./rust-crypto.js";
import { currentRevocations } from "../credentials/revocation-status.js";

export type VettedIdentity =
  | { ok: true; credential: CredentialBody & { masterKey: string } }
  | { ok: false; level: "unverified" | "invalid"; reason: string; code?: "revocation-unknown" | "revoked" | "no-credential" | "no-master-key" };

/**
 * Is this Matrix user a vetted person now, as this session can prove it? A credential in the Space
 * signed by the pinned Secretariat key, for this user, unexpired, not revoked or suspended by the
 * newest signed revocation list the session knows, and naming a cross-signing master key equal to the
 * one the session's Rust crypto holds (and judges the user's devices by). One check for every use:
 * judging a message's sender (trust.ts) and deciding whom to hand room history to (history-share.ts).
 */
export async function vettedIdentity(s: EnlaceSession, userId: string): Promise<VettedIdentity> {
  const space = findRoomByKey(s.client, "space");
  const raw = space?.currentState.getStateEvents(CREDENTIAL_TYPE, credentialStateKey(userId))?.getContent();
  if (!raw || Object.keys(raw).length === 0)
    return { ok: false, level: "unverified", code: "no-credential", reason: "no Secretariat credential for this sender" };
  // The high-water mark refuses an older list put back; a missing or stale one leaves the status unknown.
  const now = s.now?.() ?? new Date();
  const revocation = await currentRevocations(space?.currentState.getStateEvents(REVOCATIONS_TYPE, "")?.getContent() ?? null, {
    pinnedKeys: s.secretariatKeys,
    store: s.revocations,
    now,
  });
  const verdict = await verifyCredential(raw, { pinnedKeys: s.secretariatKeys, userId, now, revocation });
  if (verdict.status === "invalid") return { ok: false, level: "invalid", reason: verdict.reason };
  if (verdict.status === "revoked") return { ok: false, level: "unverified", code: "revoked", reason: `vetting ${verdict.revocation}` };
  if (verdict.status === "revocation-unknown")
    return { ok: false, level: "unverified", code: "revocation-unknown", reason: `revocation status unknown: ${verdict.reason}` };
  if (verdict.status === "expired") return { ok: false, level: "unverified", reason: "credential expired" };
  const c = verdict.credential;
  if (!c.masterKey) return { ok: false, level: "unverified", code: "no-master-key", reason: "sender has not registered a cross-signing key" };
  if ((await cryptoMasterKey(s.client, userId)) !== c.masterKey)
    return { ok: false, level: "unverified", reason: "sender's cross-signing key does not match their credential" };
  return { ok: true, credential: { ...c, masterKey: c.masterKey } };
}
