import type { QueryResultRow } from "pg";
import type { Queryable, Tx } from "../../db/pool.js";

const view = (r: QueryResultRow) => ({
  id: r.id,
  serverName: r.server_name,
  memberState: r.member_state,
  clientUrl: r.client_url ?? null,
  status: r.status,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listHomeservers(db: Queryable) {
  return (await db.query("SELECT * FROM homeservers ORDER BY server_name")).rows.map(view);
}
export async function insertHomeserver(tx: Tx, serverName: string, memberState: string | null, clientUrl: string | null = null) {
  tx.changed("homeservers");
  const r = await tx.query("INSERT INTO homeservers (server_name, member_state, client_url) VALUES (lower($1), $2, $3) RETURNING *", [
    serverName,
    memberState,
    clientUrl?.replace(/\/+$/, "") ?? null,
  ]);
  return view(r.rows[0]);
}
export async function setHomeserverStatus(tx: Tx, id: string, status: string) {
  tx.changed("homeservers");
  const r = (await tx.query("UPDATE homeservers SET status = $2 WHERE id = $1 RETURNING *", [id, status])).rows[0];
  return r ? view(r) : null;
}
