import { TOTP, Secret } from "otpauth";
import { getSodium } from "#shared/crypto/sodium.js";

const PERIOD = 30;

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export function totpUri(secretBase32: string, account: string) {
  return new TOTP({ issuer: "Enlace", label: account, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) }).toString();
}

/** The time step a code belongs to, or null. One step of clock drift either way is accepted. */
export function matchTotp(secretBase32: string, code: string, now = Date.now()): number | null {
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
  const delta = totp.validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

export function currentTotp(secretBase32: string, now = Date.now()) {
  return new TOTP({ algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) }).generate({ timestamp: now });
}

/** TOTP secrets must be readable by the server, so they are sealed (XSalsa20-Poly1305) rather than hashed. */
export async function sealSecret(dataKey: Uint8Array, plain: string): Promise<Buffer> {
  const s = await getSodium();
  const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
  const box = s.crypto_secretbox_easy(s.from_string(plain), nonce, dataKey);
  return Buffer.concat([nonce, box]);
}

export async function openSecret(dataKey: Uint8Array, sealed: Uint8Array): Promise<string> {
  const s = await getSodium();
  const n = s.crypto_secretbox_NONCEBYTES;
  return s.to_string(s.crypto_secretbox_open_easy(sealed.subarray(n), sealed.subarray(0, n), dataKey));
}
