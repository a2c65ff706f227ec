import { randomUUID } from "node:crypto";
import { SignJWT, importJWK } from "jose";

/**
 * A single-use sign-in grant for a member state's homeserver, which shares no secret with us: an
 * EdDSA JWT signed with the control plane's matrix-login key (libsodium format: base64 of the
 * 64-byte seed‖public key), audience = that homeserver's server name, so it opens that homeserver
 * only. Checked there by the same module as ours (enlace_login_grant.py, `public_key` mode), which
 * redeems each jti once.
 */
export async function mintMemberLoginGrant(
  secretKey: string,
  o: { localpart: string; audience: string; ttlSeconds?: number; jti?: string; issuedAt?: number },
) {
  const raw = Buffer.from(secretKey, "base64");
  const key = await importJWK(
    { kty: "OKP", crv: "Ed25519", d: raw.subarray(0, 32).toString("base64url"), x: raw.subarray(32, 64).toString("base64url") },
    "EdDSA",
  );
  const iat = o.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "EdDSA" })
    .setSubject(o.localpart)
    .setIssuer("enlace")
    .setAudience(o.audience)
    .setJti(o.jti ?? randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + (o.ttlSeconds ?? 15))
    .sign(key);
}
