import { readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { loadConfig } from "../config.js";
import { startEmbeddedPostgres } from "../db/embedded.js";
import { verifyStoredLog } from "../domain/audit/verify.js";
import { parseFlags } from "./args.js";

/**
 * `enlace audit verify`: reads the log straight from PostgreSQL and checks it against the pinned
 * audit public key (from --public-key or the keys directory), independent of the running server.
 */
export async function auditCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "verify") throw new Error(`unknown audit command "${sub ?? ""}" (try: enlace audit verify)`);
  const flags = parseFlags(rest, ["database-url", "public-key", "keys-dir"]);
  const config = loadConfig();
  const publicKey =
    flags["public-key"] ??
    (
      await readFile(join(flags["keys-dir"] ?? join(config.dataDir, "keys"), "audit.pub"), "utf8").catch(() => {
        throw new Error("no audit public key: pass --public-key or --keys-dir (it is written to <data dir>/keys/audit.pub on first start)");
      })
    ).trim();

  const { client, close } = await connect(flags["database-url"] ?? config.databaseUrl, config.dataDir, config.embeddedPgPort);
  try {
    const r = await verifyStoredLog(client, publicKey);
    if (r.ok) {
      const tail = r.headSeq - r.lastCheckpoint;
      process.stdout.write(
        `audit log intact: ${r.entries} entries, chain valid up to #${r.headSeq}, signed checkpoints valid up to #${r.lastCheckpoint}` +
          (tail > 0 ? ` (${tail} newest not yet checkpointed)` : "") +
          "\n",
      );
      return 0;
    }
    process.stdout.write(`audit log BROKEN at entry #${r.firstBroken!.seq}: ${r.firstBroken!.problem} (${r.entries} entries verified before it)\n`);
    return 1;
  } finally {
    await close();
  }
}

async function connect(url: string | undefined, dataDir: string, embeddedPort: number) {
  const tryConnect = async (u: string) => {
    const c = new pg.Client({ connectionString: u });
    await c.connect();
    return c;
  };
  if (url) {
    const c = await tryConnect(url).catch((e) => {
      throw new Error(`cannot connect to the database: ${e.message}`);
    });
    return { client: c, close: () => c.end() };
  }
  // The local embedded database: use it if it is running, else start it just for this check.
  const local = `postgres://postgres:enlace-local@127.0.0.1:${embeddedPort}/enlace`;
  const running = await tryConnect(local).catch(() => null);
  if (running) return { client: running, close: () => running.end() };
  const pgServer = await startEmbeddedPostgres(join(dataDir, "postgres"), embeddedPort);
  const c = await tryConnect(pgServer.adminUrl("enlace"));
  return {
    client: c,
    close: async () => {
      await c.end();
      await pgServer.stop();
    },
  };
}
