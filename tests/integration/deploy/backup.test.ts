import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "#server/db/embedded.js";
import { freePort } from "../../helpers/ports.js";

// `npx enlace backup FILE` / `restore FILE` as a user runs them (the bin, through tsx), against a
// real embedded PostgreSQL 17 in its own ENLACE_DATA_DIR.
const root = resolve(import.meta.dirname, "../../..");
const KEY_MARKER = "SECRET-KEY-MATERIAL-" + Math.random().toString(36).slice(2);

function enlace(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ENLACE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((done) => {
    execFile(process.execPath, [join(root, "bin/enlace.mjs"), ...args], { cwd: root, env }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

async function rows(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ v: string }>("SELECT v FROM notes ORDER BY v")).rows.map((r) => r.v);
  } finally {
    await c.end();
  }
}

async function sql(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

describe("backup and restore of the embedded database (issue 13, Part 1)", () => {
  let dir: string;
  let port: number;
  let server: EmbeddedServer | null = null;
  let file = "";
  const start = async () => {
    server = await startEmbeddedPostgres(join(dir, "postgres"), port);
    return server;
  };
  const stop = async () => {
    await server?.stop();
    server = null;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "enlace-backup-"));
    port = await freePort();
    // The keys live beside the database, as `npm start` leaves them.
    await mkdir(join(dir, "keys"), { mode: 0o700 });
    await writeFile(join(dir, "keys", "secretariat-signing.key"), KEY_MARKER, { mode: 0o600 });
    const s = await start();
    await sql(s.adminUrl(), "CREATE TABLE notes (v text); INSERT INTO notes VALUES ('original-1'), ('original-2')");
  });
  afterAll(async () => {
    await stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("backs up a running server under concurrent transactions, and the restored copy is consistent", async () => {
    const url = server!.adminUrl();
    await sql(url, "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL); INSERT INTO accounts SELECT g, 100 FROM generate_series(1, 10) g");
    // Transfers between accounts while the backup runs: the total stays 1000 in every committed state.
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    let writing = true;
    let transfers = 0;
    const load = (async () => {
      while (writing) {
        const [a, b] = [1 + (transfers % 10), 1 + ((transfers * 7 + 3) % 10)];
        await writer.query("BEGIN");
        await writer.query("UPDATE accounts SET balance = balance - 1 WHERE id = $1", [a]);
        await writer.query("UPDATE accounts SET balance = balance + 1 WHERE id = $1", [b]);
        await writer.query("COMMIT");
        transfers++;
      }
    })();
    const online = join(dir, "online.tar.gz");
    const b = await enlace(["backup", online], dir);
    writing = false;
    await load;
    await writer.end();
    expect(b.stderr).toBe("");
    expect(b.stdout).toMatch(/online, while it ran/);
    expect(transfers).toBeGreaterThan(0);
    expect((await stat(online)).mode & 0o777).toBe(0o600);
    expect(gunzipSync(await readFile(online)).includes(Buffer.from("pgdata/backup_label"))).toBe(true);

    // Restored elsewhere, the server replays the WAL from the backup's start and comes up whole.
    const elsewhere = await mkdtemp(join(tmpdir(), "enlace-online-"));
    await chmod(elsewhere, 0o755);
    try {
      const r = await enlace(["restore", online], join(elsewhere, ".enlace"));
      expect(r.stderr).toBe("");
      const copy = await startEmbeddedPostgres(join(elsewhere, ".enlace", "postgres"), await freePort());
      try {
        const c = new pg.Client({ connectionString: copy.adminUrl() });
        await c.connect();
        try {
          expect((await c.query("SELECT sum(balance)::int AS s, count(*)::int AS n FROM accounts")).rows[0]).toEqual({ s: 1000, n: 10 });
        } finally {
          await c.end();
        }
        expect(await rows(copy.adminUrl())).toEqual(["original-1", "original-2"]);
      } finally {
        await copy.stop();
      }
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it("backs up to an owner-only file without the keys, and restores the original data after changes", async () => {
    await stop();
    file = join(dir, "enlace-backup.tar.gz");
    const b = await enlace(["backup", file], dir);
    expect(b.stderr).toBe("");
    expect(b.code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // Keys are kept apart: no keys entry and no key bytes anywhere in the archive.
    const tarBytes = gunzipSync(await readFile(file));
    expect(tarBytes.includes(Buffer.from(KEY_MARKER))).toBe(false);
    expect(tarBytes.includes(Buffer.from("secretariat-signing"))).toBe(false);
    expect(tarBytes.includes(Buffer.from("pgdata/PG_VERSION"))).toBe(true);

    // Refuses to overwrite an existing file.
    const again = await enlace(["backup", file], dir);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`enlace: ${file} exists; choose a new file name`);

    const s = await start();
    await sql(s.adminUrl(), "DELETE FROM notes WHERE v = 'original-1'; INSERT INTO notes VALUES ('after-backup')");
    expect(await rows(s.adminUrl())).toEqual(["after-backup", "original-2"]);

    // Restore while running is refused; after stopping it replaces the database.
    expect((await enlace(["restore", file], dir)).stderr).toMatch(/is running/);
    await stop();
    const r = await enlace(["restore", file], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/restored from .*; the previous one was moved to /);

    const s2 = await start();
    expect(await rows(s2.adminUrl())).toEqual(["original-1", "original-2"]);
    // The keys were left where they were.
    expect(await readFile(join(dir, "keys", "secretariat-signing.key"), "utf8")).toBe(KEY_MARKER);
  });

  it("rejects a file that is not a backup and leaves the database alone", async () => {
    await stop();
    const bogus = join(dir, "bogus.tar.gz");
    await writeFile(bogus, "not a tarball");
    const r = await enlace(["restore", bogus], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    const s = await start();
    expect(await rows(s.adminUrl())).toEqual(["original-1", "original-2"]);
  });

  it("restores onto a fresh clone's empty data directory (another machine), ready to start", async () => {
    await stop();
    const fresh = await mkdtemp(join(tmpdir(), "enlace-fresh-"));
    await chmod(fresh, 0o755); // a clone's directory, as git makes it (mkdtemp's is owner-only)
    try {
      const r = await enlace(["restore", file], join(fresh, ".enlace"));
      expect(r.stderr).toBe("");
      expect(r.stdout).not.toMatch(/previous one/);
      const other = await startEmbeddedPostgres(join(fresh, ".enlace", "postgres"), await freePort());
      try {
        expect(await rows(other.adminUrl())).toEqual(["original-1", "original-2"]);
      } finally {
        await other.stop();
      }
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
