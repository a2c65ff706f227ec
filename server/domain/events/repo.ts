import type { QueryResultRow } from "pg";
import type { Queryable, Tx } from "../../db/pool.js";

const day = (d: Date | string) =>
  typeof d === "string" ? d : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const view = (r: QueryResultRow) => ({
  id: r.id,
  name: r.name,
  hostState: r.host_state,
  startsOn: day(r.starts_on),
  endsOn: day(r.ends_on),
  venueType: r.venue_type,
  supportingStates: r.supporting_states ?? [],
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listEvents(db: Queryable) {
  return (await db.query("SELECT * FROM major_events ORDER BY starts_on DESC, name")).rows.map(view);
}
export async function getEvent(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}) {
  const r = (await db.query(`SELECT * FROM major_events WHERE id = $1${opts.forUpdate ? " FOR UPDATE" : ""}`, [id])).rows[0];
  return r ? view(r) : null;
}
export async function insertEvent(
  tx: Tx,
  e: { name: string; hostState: string; startsOn: string; endsOn: string; venueType: string; supportingStates: string[]; createdBy: string },
) {
  tx.changed("major_events");
  const r = (
    await tx.query(
      `INSERT INTO major_events (name, host_state, starts_on, ends_on, venue_type, supporting_states, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [e.name, e.hostState, e.startsOn, e.endsOn, e.venueType, e.supportingStates, e.createdBy],
    )
  ).rows[0];
  return view(r);
}
export async function updateEvent(
  tx: Tx,
  id: string,
  e: { name: string; hostState: string; startsOn: string; endsOn: string; venueType: string; supportingStates: string[] },
) {
  tx.changed("major_events");
  const r = (
    await tx.query(
      `UPDATE major_events SET name = $2, host_state = $3, starts_on = $4, ends_on = $5, venue_type = $6, supporting_states = $7
        WHERE id = $1 RETURNING *`,
      [id, e.name, e.hostState, e.startsOn, e.endsOn, e.venueType, e.supportingStates],
    )
  ).rows[0];
  return view(r);
}
