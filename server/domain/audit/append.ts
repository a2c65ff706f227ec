import type { Tx } from "../../db/pool.js";
import { getSodium } from "../../../shared/crypto/sodium.js";
import { entryHash } from "./chain.js";

export interface AuditInput { actor: string; action: string; subject?: string | null; details?: Record<string, unknown> }
export type AuditSigner = { secretKey: string };

/**
 * Appends one entry inside the caller's transaction, so an entry exists exactly when the change
 * it records committed. The head row's lock orders appends across connections and replicas.
 * Each entry's hash is signed (Ed25519), making every entry a signed checkpoint.
 */
export async function appendAudit(tx: Tx, signer: AuditSigner, input: AuditInput): Promise<number> {
  const s = await getSodium();
  const head = (await tx.query<{ seq: number; hash: Buffer }>("SELECT seq, hash FROM audit_head FOR UPDATE")).rows[0];
  const fields = {
    seq: head.seq + 1,
    at: new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    subject: input.subject ?? null,
    details: input.details ?? {},
  };
  const hash = await entryHash(new Uint8Array(head.hash), fields);
  const signature = s.crypto_sign_detached(hash, s.from_base64(signer.secretKey, s.base64_variants.ORIGINAL_NO_PADDING));
  await tx.query(
    `WITH ins AS (
       INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash, signature)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING seq)
     UPDATE audit_head SET seq = (SELECT seq FROM ins), hash = $8`,
    [fields.seq, fields.at, fields.actor, fields.action, fields.subject, JSON.stringify(fields.details), head.hash, Buffer.from(hash), Buffer.from(signature)],
  );
  return fields.seq;
}

export const auditWriter = (signer: AuditSigner) => ({ append: (tx: Tx, input: AuditInput) => appendAudit(tx, signer, input) });
