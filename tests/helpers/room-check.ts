import type { Ctx } from "#server/domain/context.js";
import type { SynapseAdmin } from "#server/synapse/admin-client.js";
import { loadSnapshot, roomIds } from "#server/domain/rooms/repo.js";
import { desiredRooms } from "#server/domain/rooms/desired.js";

/** Rooms whose actual joined members differ from what the registry says (empty = converged). */
export async function membershipDrift(ctx: Ctx, admin: SynapseAdmin, serverName: string, botUserId: string) {
  const snapshot = await loadSnapshot(ctx.db, { secretariatServer: serverName, botUserId, today: new Date().toISOString().slice(0, 10) });
  const ids = await roomIds(ctx.db);
  const drift: Array<{ key: string; missing: number; extra: number }> = [];
  for (const room of desiredRooms(snapshot)) {
    const roomId = ids.get(room.key);
    if (!roomId) {
      drift.push({ key: room.key, missing: room.members.size, extra: 0 });
      continue;
    }
    const actual = new Set((await admin.roomMembers(roomId)).members);
    const missing = [...room.members.keys()].filter((u) => !actual.has(u)).length;
    const extra = [...actual].filter((u) => !room.members.has(u)).length;
    if (missing || extra) drift.push({ key: room.key, missing, extra });
  }
  return drift;
}

/** Inserts `n` active focal points with Matrix IDs on `serverName`, spread over states and programs. */
export async function seedBulkPeople(ctx: Ctx, n: number, serverName: string, prefix = "bulk") {
  await ctx.db.query(
    `
    WITH s AS (SELECT g, (SELECT array_agg(code ORDER BY code) FROM member_states) AS states,
                         (SELECT array_agg(code ORDER BY code) FROM programs) AS progs FROM generate_series(1, $1) g),
    ins AS (INSERT INTO people (email, full_name, member_state, status, vetted_until, matrix_user_id)
            SELECT $2 || g || '@example.org', 'Bulk ' || g, states[1 + g % 35], 'active', now() + interval '1 year', '@' || $2 || g || ':' || $3
              FROM s RETURNING id, member_state, (regexp_replace(email, '\\D', '', 'g'))::int AS g)
    INSERT INTO roles (person_id, role, member_state, program)
    SELECT ins.id, 'focal_point', ins.member_state, (SELECT code FROM programs ORDER BY code OFFSET (ins.g % 13) LIMIT 1) FROM ins`,
    [n, prefix, serverName],
  );
}
