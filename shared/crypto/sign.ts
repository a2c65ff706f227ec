import { canonicalBytes } from "./canonical.js";
import { getSodium, toBase64, fromBase64 } from "./sodium.js";

/** Ed25519 signing over canonical JSON; keys and signatures travel as unpadded base64. */
export interface SigningKeyPair {
  publicKey: string;
  secretKey: string;
}

export async function generateSigningKeyPair(): Promise<SigningKeyPair> {
  const s = await getSodium();
  const kp = s.crypto_sign_keypair();
  return { publicKey: toBase64(s, kp.publicKey), secretKey: toBase64(s, kp.privateKey) };
}

/** The public half of a base64 secret key (libsodium secret keys embed it). */
export async function publicKeyOf(secretKey: string): Promise<string> {
  const s = await getSodium();
  return toBase64(s, s.crypto_sign_ed25519_sk_to_pk(fromBase64(s, secretKey)));
}

export async function signBytes(secretKey: string, message: Uint8Array): Promise<string> {
  const s = await getSodium();
  return toBase64(s, s.crypto_sign_detached(message, fromBase64(s, secretKey)));
}

export async function verifyBytes(publicKey: string, message: Uint8Array, signature: string): Promise<boolean> {
  const s = await getSodium();
  try {
    return s.crypto_sign_verify_detached(fromBase64(s, signature), message, fromBase64(s, publicKey));
  } catch {
    return false; // malformed base64 or wrong lengths are simply "not valid"
  }
}

export const signCanonical = (secretKey: string, value: unknown) => signBytes(secretKey, canonicalBytes(value));
export const verifyCanonical = (publicKey: string, value: unknown, signature: string) => verifyBytes(publicKey, canonicalBytes(value), signature);
