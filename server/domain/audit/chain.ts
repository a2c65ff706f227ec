import { canonicalBytes } from "#shared/crypto/canonical.js";
import { getSodium } from "#shared/crypto/sodium.js";

export interface AuditFields {
  seq: number;
  at: string; // ISO 8601, millisecond precision
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

const HASH_BYTES = 64;
export const GENESIS_HASH = new Uint8Array(HASH_BYTES);

/** The bytes an entry contributes to the chain, apart from its sequence number. */
const entryBody = (e: Omit<AuditFields, "seq">) => canonicalBytes({ at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details });

/** hash_n = BLAKE2b-512(hash_{n-1} || int8_be(seq_n) || JCS(entry_n)); PostgreSQL computes the same on append. */
export async function entryHash(prevHash: Uint8Array, entry: AuditFields): Promise<Uint8Array> {
  const s = await getSodium();
  const body = entryBody(entry);
  const buf = new Uint8Array(prevHash.length + 8 + body.length);
  buf.set(prevHash, 0);
  new DataView(buf.buffer).setBigInt64(prevHash.length, BigInt(entry.seq));
  buf.set(body, prevHash.length + 8);
  return s.crypto_generichash(HASH_BYTES, buf, null);
}

/** What a checkpoint signature covers: the head's sequence number and hash. */
export function checkpointMessage(seq: number, hash: Uint8Array): Uint8Array {
  const msg = new Uint8Array(8 + hash.length);
  new DataView(msg.buffer).setBigInt64(0, BigInt(seq));
  msg.set(hash, 8);
  return msg;
}
