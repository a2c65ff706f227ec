import type { Db, Tx } from "../../db/pool.js";
import { getSodium } from "#shared/crypto/sodium.js";
import { canonicalJson } from "#shared/crypto/canonical.js";
import { checkpointMessage } from "./chain.js";

export interface AuditInput {
  actor: string;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}
export type AuditSigner = { secretKey: string };

/**
 * Appends one entry inside the caller's transaction, so an entry exists exactly when the change
 * it records committed. One statement: lock the head, hash in PostgreSQL, insert, move the head.
 * The head row's lock orders appends across connections and replicas.
 */
async function appendAudit(tx: Tx, input: AuditInput): Promise<number> {
  const at = new Date().toISOString();
  const details = input.details ?? {};
  const subject = input.subject ?? null;
  const body = canonicalJson({ at, actor: input.actor, action: input.action, subject, details });
  const { rows } = await tx.query({
    name: "enlace_audit_append",
    text: `WITH h AS (SELECT seq, hash FROM audit_head FOR UPDATE),
          n AS (SELECT h.seq + 1 AS seq, h.hash AS prev,
                       digest(h.hash || int8send(h.seq + 1) || convert_to($5, 'UTF8'), 'blake2b512') AS hash FROM h),
          ins AS (INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
                  SELECT n.seq, $1, $2, $3, $4, $6::jsonb, n.prev, n.hash FROM n RETURNING seq, hash)
     UPDATE audit_head SET seq = ins.seq, hash = ins.hash FROM ins RETURNING ins.seq`,
    values: [at, input.actor, input.action, subject, body, JSON.stringify(details)],
  });
  return Number(rows[0].seq);
}

/**
 * Signs the current head (Ed25519) unless it is already signed: a signed checkpoint. Entries up to
 * a checkpoint cannot be rewritten, even by someone able to recompute hashes, without the audit key.
 */
export async function signCheckpoint(db: Db | Tx, signer: AuditSigner): Promise<number | null> {
  const s = await getSodium();
  const head = (await db.query("SELECT seq, hash FROM audit_head")).rows[0];
  if (!head || Number(head.seq) === 0) return null;
  const seq = Number(head.seq);
  const signature = s.crypto_sign_detached(
    checkpointMessage(seq, new Uint8Array(head.hash)),
    s.from_base64(signer.secretKey, s.base64_variants.ORIGINAL_NO_PADDING),
  );
  const r = await db.query("INSERT INTO audit_checkpoints (seq, hash, signature) VALUES ($1, $2, $3) ON CONFLICT (seq) DO NOTHING", [
    seq,
    head.hash,
    Buffer.from(signature),
  ]);
  return r.rowCount ? seq : null;
}

export const auditWriter = { append: appendAudit };
