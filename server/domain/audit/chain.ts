import { canonicalBytes } from "../../../shared/crypto/canonical.js";
import { getSodium } from "../../../shared/crypto/sodium.js";

export interface AuditFields {
  seq: number;
  at: string;                       // ISO 8601, millisecond precision
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = new Uint8Array(32);

/** hash_n = BLAKE2b-256(hash_{n-1} || JCS(entry_n)). */
export async function entryHash(prevHash: Uint8Array, entry: AuditFields): Promise<Uint8Array> {
  const s = await getSodium();
  const body = canonicalBytes(entry);
  const buf = new Uint8Array(prevHash.length + body.length);
  buf.set(prevHash, 0);
  buf.set(body, prevHash.length);
  return s.crypto_generichash(32, buf, null);
}
