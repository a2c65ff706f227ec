import type { Queryable } from "../../db/pool.js";
import { getSodium } from "#shared/crypto/sodium.js";
import { entryHash, GENESIS_HASH, checkpointMessage, type AuditFields } from "./chain.js";
import * as repo from "./repo.js";

interface StoredEntry extends AuditFields {
  prevHash: Uint8Array;
  hash: Uint8Array;
}
interface StoredCheckpoint {
  seq: number;
  hash: Uint8Array;
  signature: Uint8Array;
}
export interface VerifyResult {
  ok: boolean;
  entries: number;
  headSeq: number;
  lastCheckpoint: number; // entries up to here are covered by a valid signature
  firstBroken: { seq: number; problem: string } | null;
}

const eq = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Walks the chain in order and names the first entry that does not hold: a gap or reordering, a
 * broken link to the previous hash, content that no longer matches its hash. Signed checkpoints
 * must match the entry at their sequence number with a valid audit-key signature: a chain rewritten
 * by someone without the key fails at the first checkpoint after the rewrite. The stored head must
 * match the last entry (a truncated tail is a break too).
 */
async function verifyEntries(
  entries: AsyncIterable<StoredEntry>,
  checkpoints: AsyncIterable<StoredCheckpoint>,
  auditPublicKey: string,
  head?: { seq: number; hash: Uint8Array },
): Promise<VerifyResult> {
  const s = await getSodium();
  const pk = s.from_base64(auditPublicKey, s.base64_variants.ORIGINAL_NO_PADDING);
  const cps = checkpoints[Symbol.asyncIterator]();
  let cp = await cps.next();
  let prev: Uint8Array = GENESIS_HASH;
  let expected = 1;
  let lastCheckpoint = 0;
  const broken = (seq: number, problem: string): VerifyResult => ({
    ok: false,
    entries: expected - 1,
    headSeq: head?.seq ?? expected - 1,
    lastCheckpoint,
    firstBroken: { seq, problem },
  });

  for await (const e of entries) {
    if (e.seq !== expected) return broken(expected, `entry ${expected} is missing or out of order (found ${e.seq})`);
    if (!eq(e.prevHash, prev)) return broken(e.seq, "does not link to the previous entry's hash");
    const { prevHash: _p, hash: _h, ...fields } = e;
    if (!eq(await entryHash(prev, fields), e.hash)) return broken(e.seq, "content does not match its hash (edited)");
    if (!cp.done && cp.value.seq < e.seq) return broken(cp.value.seq, `signed checkpoint #${cp.value.seq} has no entry`);
    if (!cp.done && cp.value.seq === e.seq) {
      const c = cp.value;
      if (!s.crypto_sign_verify_detached(c.signature, checkpointMessage(c.seq, c.hash), pk))
        return broken(lastCheckpoint + 1, `signed checkpoint #${c.seq} has an invalid signature`);
      if (!eq(c.hash, e.hash))
        return broken(lastCheckpoint + 1, `entries #${lastCheckpoint + 1}–#${c.seq} were rewritten: they no longer match signed checkpoint #${c.seq}`);
      lastCheckpoint = c.seq;
      cp = await cps.next();
    }
    prev = e.hash;
    expected++;
  }
  if (!cp.done) return broken(cp.value.seq, `signed checkpoint #${cp.value.seq} refers to an entry that was deleted`);
  if (head && (head.seq !== expected - 1 || !eq(head.hash, prev))) {
    return broken(expected, `the chain ends at #${expected - 1} but the head records #${head.seq} (entries deleted from the end)`);
  }
  return { ok: true, entries: expected - 1, headSeq: expected - 1, lastCheckpoint, firstBroken: null };
}

export async function verifyStoredLog(db: Queryable, auditPublicKey: string): Promise<VerifyResult> {
  const head = await repo.readHead(db);
  return verifyEntries(repo.readStoredEntries(db), repo.readCheckpoints(db), auditPublicKey, head ?? undefined);
}
