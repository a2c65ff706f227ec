import { readdir, readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./pool.js";
import { withTransaction } from "./pool.js";

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "migrations");
const MIGRATION_LOCK = 0x656e6c61; // "enla": serialises replicas migrating at once

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const out: Migration[] = [];
  for (const f of files) {
    out.push({ version: Number(f.slice(0, 3)), name: f, sql: await readFile(join(dir, f), "utf8") });
  }
  out.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering gap at ${m.name}`);
  });
  return out;
}

/** Forward-only: each pending migration runs in its own transaction together with its version row. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<number[]> {
  const migrations = await loadMigrations(dir);
  const applied: number[] = [];
  const lock = await db.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await lock.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await lock.query("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await withTransaction({ db, changes: null }, async (tx) => {
        await tx.query(m.sql);
        await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      });
      applied.push(m.version);
    }
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    lock.release();
  }
  return applied;
}
