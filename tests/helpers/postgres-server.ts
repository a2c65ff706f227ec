import pg from "pg";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "#server/db/embedded.js";
import { createPool } from "#server/db/pool.js";
import { migrate } from "#server/db/migrate.js";
import { freePort } from "./ports.js";

const TEMPLATE_DB = "enlace_template";

export interface PgServer {
  adminUrl: (db?: string) => string;
  stop: () => Promise<void>;
  dataDir: string | null;
}

/**
 * A PostgreSQL for a whole test run: the server named by TEST_DATABASE_URL (a superuser URL)
 * or else an embedded one in a temporary directory. A migrated template database is created
 * once; each test file clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export async function startTestPostgres(adminUrlFromEnv?: string): Promise<PgServer> {
  let server: PgServer;
  if (adminUrlFromEnv) {
    const base = new URL(adminUrlFromEnv);
    server = {
      adminUrl: (db = "postgres") => {
        const u = new URL(base);
        u.pathname = `/${db}`;
        return u.toString();
      },
      stop: async () => {},
      dataDir: null,
    };
  } else {
    const dir = await mkdtemp(join(tmpdir(), "enlace-pg-"));
    const embedded = await startEmbeddedPostgres(dir, await freePort());
    server = {
      adminUrl: embedded.adminUrl,
      dataDir: dir,
      stop: async () => {
        await embedded.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: server.adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const pool = createPool(server.adminUrl(TEMPLATE_DB), 2);
  await migrate(pool);
  await pool.end();
  return server;
}

let counter = 0;
/** A fresh, migrated database cloned from the template; returns its URL. */
export async function createTestDatabase(adminUrl: string, prefix = "t"): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
