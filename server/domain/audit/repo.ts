import type { Queryable } from "../../db/pool.js";
import { getSodium, toBase64 } from "../../../shared/crypto/sodium.js";

export async function listAudit(db: Queryable, q: { after: number; limit: number; subject?: string }) {
  const s = await getSodium();
  const { rows } = await db.query(
    `SELECT seq, at, actor, action, subject, details, hash, signature FROM audit_log
      WHERE seq > $1 AND ($3::text IS NULL OR subject = $3) ORDER BY seq LIMIT $2`,
    [q.after, q.limit, q.subject ?? null]);
  return rows.map((r) => ({
    seq: Number(r.seq), at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, subject: r.subject,
    details: r.details, hash: toBase64(s, r.hash), signature: toBase64(s, r.signature),
  }));
}
