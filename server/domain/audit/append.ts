import type { Db, Tx } from "../../db/pool.js";
import { getSodium } from "#shared/crypto/sodium.js";
import { canonicalJson } from "#shared/crypto/canonical.js";
import { checkpointMessage } from "./chain.js";
import * as repo from "./repo.js";

export interface AuditInput {
  actor: string;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}
export type AuditSigner = { secretKey: string };

/**
 * Appends one entry inside the caller's transaction, so an entry exists exactly when the change
 * it records committed (the hashing and the head's lock: repo.appendEntry).
 */
async function appendAudit(tx: Tx, input: AuditInput): Promise<number> {
  const at = new Date().toISOString();
  const details = input.details ?? {};
  const subject = input.subject ?? null;
  const body = canonicalJson({ at, actor: input.actor, action: input.action, subject, details });
  return repo.appendEntry(tx, { at, actor: input.actor, action: input.action, subject, body, details });
}

/**
 * Signs the current head (Ed25519) unless it is already signed: a signed checkpoint. Entries up to
 * a checkpoint cannot be rewritten, even by someone able to recompute hashes, without the audit key.
 */
export async function signCheckpoint(db: Db | Tx, signer: AuditSigner): Promise<number | null> {
  const s = await getSodium();
  const head = await repo.readHead(db);
  if (!head || head.seq === 0) return null;
  const signature = s.crypto_sign_detached(checkpointMessage(head.seq, head.hash), s.from_base64(signer.secretKey, s.base64_variants.ORIGINAL_NO_PADDING));
  return (await repo.insertCheckpoint(db, head.seq, head.hash, signature)) ? head.seq : null;
}

export const auditWriter = { append: appendAudit };
