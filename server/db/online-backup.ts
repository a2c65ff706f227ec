import { spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";

// A consistent copy of a running PostgreSQL cluster without pg_basebackup (the embedded package
// ships only initdb, pg_ctl and postgres): PostgreSQL's low-level base backup API. Between
// pg_backup_start and pg_backup_stop, in one session, the data files are copied as they are (torn
// pages included); the WAL from the start checkpoint on, copied after the stop, repairs them, and
// the backup_label returned by pg_backup_stop tells the restored server to replay it from there.
// The result is what `pg_basebackup -X fetch` would produce, restored by simply starting it.

// Contents PostgreSQL recreates or that must not be copied (the documentation's list); the WAL
// is added after the stop instead.
const EXCLUDE = [
  "pg_wal/*",
  "postmaster.pid",
  "postmaster.opts",
  "pg_replslot/*",
  "pg_dynshmem/*",
  "pg_notify/*",
  "pg_serial/*",
  "pg_snapshots/*",
  "pg_stat_tmp/*",
  "pg_subtrans/*",
  "pgsql_tmp*",
  "backup_label",
  "tablespace_map",
];

/** Writes a gzip'd tar holding `pgdata/` (the running cluster's directory) to the open `out`. */
export async function onlineBackup(pgdata: string, adminUrl: string, out: number): Promise<void> {
  const work = await mkdtemp(join(dirname(pgdata), "backup-"));
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => {});
  client.on("notice", () => {}); // "WAL archiving is not enabled": the WAL goes into the archive
  await client.connect();
  try {
    const base = join(work, "base.tar");
    const start = await client.query<{ wal: string }>("SELECT pg_walfile_name(pg_backup_start('enlace backup', true)) AS wal");
    const firstWal = start.rows[0].wal;
    // Files change or vanish while they are read: tar's exit 1 ("some files differ") is expected here.
    await tar(
      [
        "-cf",
        base,
        ...EXCLUDE.map((p) => `--exclude=pgdata/${p}`),
        "--ignore-failed-read",
        "--warning=no-file-changed",
        "--warning=no-file-removed",
        "--warning=no-file-shrank",
        "-C",
        dirname(pgdata),
        "pgdata",
      ],
      [0, 1],
    );
    // Waits for the WAL segment holding the stop point to be complete (a switch), archiving or not.
    const stop = await client.query<{ labelfile: string; spcmapfile: string }>("SELECT labelfile, spcmapfile FROM pg_backup_stop(true)");
    const stage = join(work, "pgdata");
    await mkdir(join(stage, "pg_wal", "archive_status"), { recursive: true });
    await mkdir(join(stage, "pg_wal", "summaries"), { recursive: true });
    await writeFile(join(stage, "backup_label"), stop.rows[0].labelfile);
    if (stop.rows[0].spcmapfile) await writeFile(join(stage, "tablespace_map"), stop.rows[0].spcmapfile);
    // Every segment from the start checkpoint's on (same timeline: names sort in WAL order).
    for (const seg of await readdir(join(pgdata, "pg_wal"))) {
      if (/^[0-9A-F]{24}$/.test(seg) && seg.slice(0, 8) === firstWal.slice(0, 8) && seg >= firstWal) {
        await copyFile(join(pgdata, "pg_wal", seg), join(stage, "pg_wal", seg));
      }
    }
    await tar(["-rf", base, "-C", work, "pgdata/backup_label", "pgdata/pg_wal", ...(stop.rows[0].spcmapfile ? ["pgdata/tablespace_map"] : [])], [0]);
    await pipeline(createReadStream(base), createGzip(), createWriteStream("", { fd: out, autoClose: false }));
  } finally {
    // Ending the session also aborts a backup still in progress.
    await client.end().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

function tar(args: string[], okCodes: number[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn("tar", args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", (e) => fail(new Error(`tar: ${e.message}`)));
    child.on("close", (code) => (okCodes.includes(code ?? -1) ? done() : fail(new Error(`tar failed: ${err.trim().split("\n")[0] || `exit ${code}`}`))));
  });
}
