import pg from "pg";
import type { ChangeFeed } from "./change-feed.js";

// One module owns the pool. Features get a `Db` (pool) or a `Tx` (client inside a transaction);
// both satisfy `Queryable`, so repo functions work inside and outside transactions.
export type Db = pg.Pool;
/**
 * A client inside a transaction. Repo functions that write a table other replicas cache (see
 * CONVENTIONS.md, "Locks and NOTIFY") call `changed(table)`; withTransaction tells this
 * process's change feed after COMMIT, so its read caches drop at once instead of when the NOTIFY arrives.
 */
export type Tx = pg.PoolClient & {
  changed(table: string): void;
  /** Runs `fn` once this transaction has committed (never after a rollback): wakes a job that the transaction gave work. */
  afterCommit(fn: () => void): void;
};
export interface Queryable {
  // biome-ignore lint/suspicious/noExplicitAny: pg's own default: a query without a row type reads columns untyped (repo.ts files map them)
  query<R extends pg.QueryResultRow = any>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

// bigint (int8) columns come back as JS numbers: our sequences stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export function createPool(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  return pool;
}

/** Whether the database answers at all (health): true or false, never throws. */
export const ping = (db: Queryable): Promise<boolean> =>
  db.query("SELECT 1").then(
    () => true,
    () => false,
  );

/** What a transaction needs: the pool, and the change feed to tell after COMMIT (null: no caches). */
export interface TxTarget {
  db: Db;
  changes: Pick<ChangeFeed, "publish"> | null;
}

export async function withTransaction<T>(on: TxTarget, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await on.db.connect();
  const changed = new Set<string>();
  const committed = new Set<() => void>();
  const tx: Tx = Object.assign(client, { changed: (table: string) => void changed.add(table), afterCommit: (fn: () => void) => void committed.add(fn) });
  try {
    await client.query("BEGIN");
    const result = await fn(tx);
    await client.query("COMMIT");
    // Only after COMMIT: a rolled-back change must not be announced.
    if (changed.size) on.changes?.publish([...changed]);
    for (const after of committed) {
      try {
        after();
      } catch {
        // Committed is committed: a failed wake-up leaves the work to the job's own timer.
      }
    }
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs `fn` holding a session advisory lock on `key`, across every replica sharing the database.
 * A connection whose unlock failed is discarded rather than returned to the pool still holding it.
 */
export async function withAdvisoryLock<T>(db: Db, key: string, fn: () => Promise<T>): Promise<T> {
  const client = await db.connect();
  let broken: Error | undefined;
  try {
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]).catch((err: Error) => {
      broken = err;
    });
    client.release(broken);
  }
}
