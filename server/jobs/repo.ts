import type { Queryable } from "../db/pool.js";

/** Jobs of these queues waiting, retrying or running now (pg-boss's own table; read-only here). */
export async function pendingJobs(db: Queryable, queues: string[]): Promise<number> {
  const r = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active') AND start_after <= now()",
    [queues],
  );
  return r.rows[0].n;
}
