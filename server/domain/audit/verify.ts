import type { Queryable } from "../../db/pool.js";
import { getSodium } from "../../../shared/crypto/sodium.js";
import { entryHash, GENESIS_HASH, type AuditFields } from "./chain.js";

export interface StoredEntry extends AuditFields { prevHash: Uint8Array; hash: Uint8Array; signature: Uint8Array }
export interface VerifyResult {
  ok: boolean;
  entries: number;
  headSeq: number;
  firstBroken: { seq: number; problem: string } | null;
}

const eq = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Walks the chain in storage order and names the first entry that does not hold: a gap or
 * reordering in the sequence, a broken link to the previous hash, content that no longer matches
 * its hash, or a signature that is not the audit key's. Finally the stored head must match the
 * last entry (a truncated tail is a break too).
 */
export async function verifyEntries(
  entries: AsyncIterable<StoredEntry>,
  auditPublicKey: string,
  head?: { seq: number; hash: Uint8Array },
): Promise<VerifyResult> {
  const s = await getSodium();
  const pk = s.from_base64(auditPublicKey, s.base64_variants.ORIGINAL_NO_PADDING);
  let prev: Uint8Array = GENESIS_HASH;
  let expected = 1;
  let count = 0;
  const broken = (seq: number, problem: string): VerifyResult => ({ ok: false, entries: count, headSeq: head?.seq ?? expected - 1, firstBroken: { seq, problem } });

  for await (const e of entries) {
    if (e.seq !== expected) return broken(expected, `entry ${expected} is missing or out of order (found ${e.seq})`);
    if (!eq(e.prevHash, prev)) return broken(e.seq, "does not link to the previous entry's hash");
    const { prevHash: _p, hash: _h, signature: _s, ...fields } = e;
    const h = await entryHash(prev, fields);
    if (!eq(h, e.hash)) return broken(e.seq, "content does not match its hash (edited)");
    if (!s.crypto_sign_verify_detached(e.signature, e.hash, pk)) return broken(e.seq, "signature is not valid for the audit key");
    prev = e.hash;
    expected++;
    count++;
  }
  if (head && (head.seq !== expected - 1 || !eq(head.hash, prev))) {
    return broken(expected, `the chain ends at ${expected - 1} but the head records ${head.seq} (entries deleted from the end)`);
  }
  return { ok: true, entries: count, headSeq: expected - 1, firstBroken: null };
}

/** Streams the stored log in pages (keyset pagination keeps memory flat for long logs). */
export async function* readStoredEntries(db: Queryable, pageSize = 1000): AsyncIterable<StoredEntry> {
  let after = -1;
  for (;;) {
    const { rows } = await db.query(
      `SELECT seq, at, actor, action, subject, details, prev_hash, hash, signature
         FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, pageSize]);
    for (const r of rows) {
      yield {
        seq: Number(r.seq), at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, subject: r.subject,
        details: r.details, prevHash: new Uint8Array(r.prev_hash), hash: new Uint8Array(r.hash), signature: new Uint8Array(r.signature),
      };
    }
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].seq);
  }
}

export async function verifyStoredLog(db: Queryable, auditPublicKey: string): Promise<VerifyResult> {
  const head = (await db.query("SELECT seq, hash FROM audit_head")).rows[0];
  return verifyEntries(readStoredEntries(db), auditPublicKey, head ? { seq: Number(head.seq), hash: new Uint8Array(head.hash) } : undefined);
}
