import type { QueryResultRow } from "pg";
import type { Queryable, Tx } from "../../db/pool.js";
import { getSodium, toBase64 } from "#shared/crypto/sodium.js";

export async function listAudit(db: Queryable, q: { after: number; limit: number; subject?: string }) {
  const s = await getSodium();
  const { rows } = await db.query(
    `SELECT l.seq, l.at, l.actor, l.action, l.subject, l.details, l.hash, c.signature FROM audit_log l LEFT JOIN audit_checkpoints c ON c.seq = l.seq
      WHERE l.seq > $1 AND ($3::text IS NULL OR l.subject = $3) ORDER BY l.seq LIMIT $2`,
    [q.after, q.limit, q.subject ?? null],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    details: r.details,
    hash: toBase64(s, r.hash),
    checkpointSignature: r.signature ? toBase64(s, r.signature) : null,
  }));
}

/**
 * Appends one entry in one statement: lock the head, hash in PostgreSQL, insert, move the head.
 * `body` is the canonical JSON the hash covers. The head row's lock orders appends across
 * connections and replicas.
 */
export async function appendEntry(
  tx: Tx,
  e: { at: string; actor: string; action: string; subject: string | null; body: string; details: Record<string, unknown> },
): Promise<number> {
  const { rows } = await tx.query({
    name: "enlace_audit_append",
    text: `WITH h AS (SELECT seq, hash FROM audit_head FOR UPDATE),
          n AS (SELECT h.seq + 1 AS seq, h.hash AS prev,
                       digest(h.hash || int8send(h.seq + 1) || convert_to($5, 'UTF8'), 'blake2b512') AS hash FROM h),
          ins AS (INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
                  SELECT n.seq, $1, $2, $3, $4, $6::jsonb, n.prev, n.hash FROM n RETURNING seq, hash)
     UPDATE audit_head SET seq = ins.seq, hash = ins.hash FROM ins RETURNING ins.seq`,
    values: [e.at, e.actor, e.action, e.subject, e.body, JSON.stringify(e.details)],
  });
  return Number(rows[0].seq);
}

export async function readHead(db: Queryable): Promise<{ seq: number; hash: Uint8Array } | null> {
  const head = (await db.query("SELECT seq, hash FROM audit_head")).rows[0];
  return head ? { seq: Number(head.seq), hash: new Uint8Array(head.hash) } : null;
}

/** False when this head was already signed (by another replica, say). */
export async function insertCheckpoint(db: Queryable, seq: number, hash: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const r = await db.query("INSERT INTO audit_checkpoints (seq, hash, signature) VALUES ($1, $2, $3) ON CONFLICT (seq) DO NOTHING", [
    seq,
    Buffer.from(hash),
    Buffer.from(signature),
  ]);
  return Boolean(r.rowCount);
}

/** Streams a table in pages (keyset pagination keeps memory flat for long logs). */
async function* paged<T>(db: Queryable, sql: string, map: (r: QueryResultRow) => T, pageSize = 1000): AsyncIterable<T> {
  let after = -1;
  for (;;) {
    const { rows } = await db.query(sql, [after, pageSize]);
    for (const r of rows) yield map(r);
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].seq);
  }
}

export const readStoredEntries = (db: Queryable) =>
  paged(db, `SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, (r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actor: r.actor as string,
    action: r.action as string,
    subject: r.subject as string | null,
    details: r.details as Record<string, unknown>,
    prevHash: new Uint8Array(r.prev_hash),
    hash: new Uint8Array(r.hash),
  }));

export const readCheckpoints = (db: Queryable) =>
  paged(db, `SELECT seq, hash, signature FROM audit_checkpoints WHERE seq > $1 ORDER BY seq LIMIT $2`, (r) => ({
    seq: Number(r.seq),
    hash: new Uint8Array(r.hash),
    signature: new Uint8Array(r.signature),
  }));
