import type { Queryable } from "../../db/pool.js";
import type { RegistrySnapshot, SnapshotPerson } from "./desired.js";
import type { RoleGrant } from "../auth/principal.js";

const ROLES = `coalesce((SELECT json_agg(json_build_object('role', r.role, 'memberState', r.member_state, 'program', r.program) ORDER BY r.id)
                         FROM roles r WHERE r.person_id = p.id), '[]')`;

export async function loadSnapshot(
  db: Queryable,
  base: { secretariatServer: string; botUserId: string; today: string },
  opts: { people?: boolean } = {},
): Promise<RegistrySnapshot & { watermark: number }> {
  const people =
    opts.people === false
      ? []
      : (
          await db.query(
            `SELECT p.id, p.matrix_user_id, p.member_state, ${ROLES} AS roles FROM people p WHERE p.status = 'active' AND p.matrix_user_id IS NOT NULL`,
          )
        ).rows.map((r): SnapshotPerson => ({ id: r.id, matrixUserId: r.matrix_user_id, memberState: r.member_state, roles: r.roles as RoleGrant[] }));
  const programs = (await db.query("SELECT code, names->>'en' AS name FROM programs ORDER BY code")).rows;
  const events = (
    await db.query("SELECT id, name, host_state, to_char(ends_on, 'YYYY-MM-DD') AS ends_on, supporting_states FROM major_events ORDER BY starts_on, id")
  ).rows.map((e) => ({
    id: e.id,
    name: e.name,
    hostState: e.host_state,
    endsOn: e.ends_on,
    supportingStates: e.supporting_states ?? [],
  }));
  const homeservers = (await db.query("SELECT server_name FROM homeservers WHERE status = 'active' ORDER BY server_name")).rows.map((r) => r.server_name);
  const conversations = (await db.query("SELECT id, person_low, person_high FROM direct_conversations ORDER BY created_at, id")).rows.map(
    (r): { id: string; people: [string, string] } => ({ id: r.id, people: [r.person_low, r.person_high] }),
  );
  // Status changes after this point are re-checked by the reconciler (see reconcileAll).
  const watermark = Number((await db.query("SELECT coalesce(max(id), 0) AS w FROM vetting_transitions")).rows[0].w);
  return { ...base, people, programs, events, homeservers, conversations, watermark };
}

export async function peopleChangedSince(db: Queryable, watermark: number): Promise<string[]> {
  return (await db.query("SELECT DISTINCT person_id FROM vetting_transitions WHERE id > $1", [watermark])).rows.map((r) => r.person_id);
}

export async function roomIds(db: Queryable): Promise<Map<string, string>> {
  return new Map((await db.query("SELECT key, room_id FROM matrix_rooms WHERE room_id IS NOT NULL")).rows.map((r) => [r.key, r.room_id]));
}

export async function saveRoom(db: Queryable, key: string, roomId: string, kind: string) {
  await db.query(
    `INSERT INTO matrix_rooms (key, room_id, kind) VALUES ($1, $2, $3)
                  ON CONFLICT (key) DO UPDATE SET room_id = excluded.room_id, updated_at = now()`,
    [key, roomId, kind],
  );
}

export async function personForMatrix(db: Queryable, personId: string) {
  const r = (await db.query(`SELECT p.id, p.matrix_user_id, p.member_state, p.status, ${ROLES} AS roles FROM people p WHERE p.id = $1`, [personId])).rows[0];
  return r
    ? {
        id: r.id as string,
        matrixUserId: r.matrix_user_id as string | null,
        status: r.status as string,
        memberState: r.member_state,
        roles: r.roles as RoleGrant[],
      }
    : null;
}

export async function statusOfUser(db: Queryable, userId: string): Promise<string | null> {
  return (await db.query("SELECT status FROM people WHERE matrix_user_id = $1", [userId])).rows[0]?.status ?? null;
}

export async function activePersonByUserId(db: Queryable, userId: string): Promise<SnapshotPerson | null> {
  const r = (
    await db.query(`SELECT p.id, p.matrix_user_id, p.member_state, ${ROLES} AS roles FROM people p WHERE p.matrix_user_id = $1 AND p.status = 'active'`, [
      userId,
    ])
  ).rows[0];
  return r ? { id: r.id, matrixUserId: r.matrix_user_id, memberState: r.member_state, roles: r.roles as RoleGrant[] } : null;
}
