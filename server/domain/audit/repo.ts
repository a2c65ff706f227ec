import type { QueryResultRow } from "pg";
import type { Queryable, Tx } from "../../db/pool.js";
import { getSodium, toBase64 } from "#shared/crypto/sodium.js";

export interface AuditFilter {
  after: number;
  before: number;
  order: "asc" | "desc";
  limit: number;
  subject?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Only entries about people with a role in one of these programs (an officer's view); undefined: all. */
  programs?: string[];
}

export async function listAudit(db: Queryable, q: AuditFilter) {
  const s = await getSodium();
  const family = q.action?.endsWith(".") ? q.action : null;
  const { rows } = await db.query(
    `SELECT l.seq, l.at, l.actor, a.full_name AS actor_name, l.action, l.subject, p.full_name AS subject_name, l.details, l.hash, c.signature
       FROM audit_log l
       LEFT JOIN audit_checkpoints c ON c.seq = l.seq
       LEFT JOIN people a ON a.id::text = l.actor
       LEFT JOIN people p ON p.id::text = l.subject
      WHERE ($1::bigint = 0 OR l.seq > $1) AND ($2::bigint = 0 OR l.seq < $2)
        AND ($4::text IS NULL OR l.subject = $4) AND ($5::text IS NULL OR l.actor = $5)
        AND ($6::text IS NULL OR l.action = $6) AND ($7::text IS NULL OR starts_with(l.action, $7))
        AND ($8::timestamptz IS NULL OR l.at >= $8) AND ($9::timestamptz IS NULL OR l.at <= $9)
        AND ($10::text[] IS NULL OR EXISTS (SELECT 1 FROM roles g WHERE g.person_id::text = l.subject AND g.program = ANY($10::text[])))
      ORDER BY l.seq ${q.order === "desc" ? "DESC" : "ASC"} LIMIT $3`,
    [
      q.after,
      q.before,
      q.limit,
      q.subject ?? null,
      q.actor ?? null,
      family ? null : (q.action ?? null),
      family,
      q.from ?? null,
      q.to ?? null,
      q.programs ?? null,
    ],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    actorName: r.actor_name ?? null,
    action: r.action,
    subject: r.subject,
    subjectName: r.subject_name ?? null,
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
