import type { Queryable, Tx } from "../../db/pool.js";

/** A person as a conversation needs them: vetted now, with a Matrix account on a server the network admits. */
export interface Party {
  id: string;
  fullName: string;
  memberState: string | null;
  matrixUserId: string | null;
  status: string;
  /** The account's homeserver is the Secretariat's or an active registered one (rooms admit no other). */
  serverAdmitted: boolean;
}

export async function party(db: Queryable, personId: string, secretariatServer: string | null): Promise<Party | null> {
  const r = (
    await db.query(
      `SELECT p.id, p.full_name, p.member_state, p.matrix_user_id, p.status,
              (p.matrix_user_id IS NOT NULL AND (substr(p.matrix_user_id, strpos(p.matrix_user_id, ':') + 1) = $2
                OR EXISTS (SELECT 1 FROM homeservers h WHERE h.status = 'active'
                            AND h.server_name = substr(p.matrix_user_id, strpos(p.matrix_user_id, ':') + 1)))) AS admitted
         FROM people p WHERE p.id = $1`,
      [personId, secretariatServer],
    )
  ).rows[0];
  return r
    ? { id: r.id, fullName: r.full_name, memberState: r.member_state, matrixUserId: r.matrix_user_id, status: r.status, serverAdmitted: r.admitted }
    : null;
}

/** Records the pair once; returns the conversation's id and whether this call made it. */
export async function insertOrFind(tx: Tx, a: string, b: string, startedBy: string): Promise<{ id: string; created: boolean }> {
  const [low, high] = a < b ? [a, b] : [b, a];
  const ins = await tx.query(
    `INSERT INTO direct_conversations (person_low, person_high, started_by) VALUES ($1, $2, $3)
       ON CONFLICT (person_low, person_high) DO NOTHING RETURNING id`,
    [low, high, startedBy],
  );
  if (ins.rows[0]) return { id: ins.rows[0].id, created: true };
  const found = await tx.query("SELECT id FROM direct_conversations WHERE person_low = $1 AND person_high = $2", [low, high]);
  return { id: found.rows[0].id, created: false };
}

export interface ConversationRow {
  id: string;
  roomId: string | null;
  other: { id: string; fullName: string; memberState: string | null; matrixUserId: string | null; status: string };
  startedBy: string;
  createdAt: Date;
}

const LIST = `SELECT c.id, c.started_by, c.created_at, mr.room_id,
                     o.id AS other_id, o.full_name, o.member_state, o.matrix_user_id, o.status
                FROM direct_conversations c
                JOIN people o ON o.id = CASE WHEN c.person_low = $1 THEN c.person_high ELSE c.person_low END
                LEFT JOIN matrix_rooms mr ON mr.key = 'dm:' || c.id::text
               WHERE (c.person_low = $1 OR c.person_high = $1)`;

// biome-ignore lint/suspicious/noExplicitAny: a pg row, typed by the SELECT above
const toRow = (r: any): ConversationRow => ({
  id: r.id,
  roomId: r.room_id ?? null,
  other: { id: r.other_id, fullName: r.full_name, memberState: r.member_state, matrixUserId: r.matrix_user_id, status: r.status },
  startedBy: r.started_by,
  createdAt: r.created_at,
});

export async function listFor(db: Queryable, personId: string): Promise<ConversationRow[]> {
  return (await db.query(`${LIST} ORDER BY c.created_at DESC, c.id`, [personId])).rows.map(toRow);
}

export async function getFor(db: Queryable, personId: string, id: string): Promise<ConversationRow | null> {
  const r = (await db.query(`${LIST} AND c.id = $2`, [personId, id])).rows[0];
  return r ? toRow(r) : null;
}
