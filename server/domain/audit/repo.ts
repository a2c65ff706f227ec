import type { Queryable } from "../../db/pool.js";
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
