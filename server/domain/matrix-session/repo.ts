import type { Queryable } from "../../db/pool.js";

/** The Matrix ID bound to an active person, if any. */
export async function activeMatrixUserId(db: Queryable, personId: string): Promise<string | null> {
  const r = await db.query<{ matrix_user_id: string | null }>("SELECT matrix_user_id FROM people WHERE id = $1 AND status = 'active'", [personId]);
  return r.rows[0]?.matrix_user_id ?? null;
}

/** Whether someone in the registry, in any status, is bound to this Matrix ID (IDs are never reused). */
export async function matrixIdBound(db: Queryable, userId: string): Promise<boolean> {
  return Boolean((await db.query("SELECT 1 FROM people WHERE matrix_user_id = $1", [userId])).rowCount);
}

/**
 * Whether `serverName` is an active homeserver registered for `memberState` (null: the Secretariat's).
 * FOR SHARE: inside a nomination, the homeserver cannot be suspended until the nomination commits.
 */
export async function activeHomeserverFor(db: Queryable, serverName: string, memberState: string | null): Promise<boolean> {
  const r = await db.query("SELECT 1 FROM homeservers WHERE server_name = $1 AND status = 'active' AND member_state IS NOT DISTINCT FROM $2 FOR SHARE", [
    serverName,
    memberState,
  ]);
  return Boolean(r.rowCount);
}

/**
 * The client URL of the person's own homeserver when it is a member state's: active, registered for
 * the person's state, with a sign-in address. Null: no such homeserver (or no URL), so no grant.
 */
export async function ownMemberHomeserverUrl(db: Queryable, personId: string, serverName: string): Promise<string | null> {
  const r = await db.query<{ client_url: string }>(
    `SELECT h.client_url FROM homeservers h JOIN people p ON p.member_state = h.member_state
      WHERE p.id = $1 AND p.status = 'active' AND h.server_name = $2 AND h.status = 'active' AND h.client_url IS NOT NULL`,
    [personId, serverName],
  );
  return r.rows[0]?.client_url ?? null;
}
