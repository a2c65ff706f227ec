import { randomBytes } from "node:crypto";
import { getSodium } from "#shared/crypto/sodium.js";

/** Bearer secrets (sessions, enrollment links): 256 random bits, URL-safe. */
export const newToken = () => randomBytes(32).toString("base64url");

/** Only a keyed BLAKE2b of a token is stored, so a database copy yields no usable token. */
export async function tokenHash(secret: Uint8Array, token: string): Promise<Buffer> {
  const s = await getSodium();
  return Buffer.from(s.crypto_generichash(32, s.from_string(token), secret));
}
