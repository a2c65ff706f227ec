import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SYNAPSE_VERSION } from "./install.js";
import { writeSynapseConfig } from "./config.js";
import { ensureSigningKey } from "./signing-key.js";
import { startSynapse } from "./process.js";
import { withDirLock } from "./lock.js";
import { freeLoopbackPort } from "./free-port.js";

export const templateDir = (root: string) => join(root, ".enlace", "cache", `synapse-${SYNAPSE_VERSION}-template`);
const READY = "READY";

/**
 * An empty SQLite database that Synapse SYNAPSE_VERSION has already migrated, built once per
 * version under `.enlace/cache`. A first start on an empty database creates the whole schema (tens
 * of seconds); starting from a copy takes a few. The copy is valid for any server name: Synapse
 * ties a database to its server name only through the users in it, and the template has none.
 * The signing key is not part of it: each homeserver gets its own (generating one is instant).
 */
export async function ensureSynapseTemplate(root: string, python: string, log: (line: string) => void = console.log): Promise<string> {
  const dir = templateDir(root);
  if (existsSync(join(dir, READY))) return dir;
  await mkdir(join(root, ".enlace", "cache"), { recursive: true });
  return withDirLock(`${dir}.lock`, async () => {
    if (existsSync(join(dir, READY))) return dir;
    log(`enlace: migrating a Synapse ${SYNAPSE_VERSION} database template (once per version, ~30 s)…`);
    const t0 = Date.now();
    const work = await mkdtemp(join(root, ".enlace", "cache", "synapse-template-build-"));
    try {
      const port = await freeLoopbackPort();
      const files = await writeSynapseConfig({
        serverName: "template.invalid", port, dataDir: work, forTests: true,
        jwtSecret: "template-only", registrationSharedSecret: "template-only",
      });
      await ensureSigningKey(files.signingKeyPath);
      const hs = await startSynapse({ python, configPath: files.configPath, logPath: files.logPath, dataDir: work, port, serverName: "template.invalid", timeoutMs: 300_000 });
      // A graceful stop checkpoints SQLite's write-ahead log into the main file.
      await hs.stop();
      const out = `${dir}.build-${process.pid}`;
      await rm(out, { recursive: true, force: true });
      await mkdir(out);
      for (const f of ["homeserver.db", "homeserver.db-wal", "homeserver.db-shm"]) {
        if (existsSync(join(work, f))) await copyFile(join(work, f), join(out, f));
      }
      await writeFile(join(out, READY), JSON.stringify({ synapse: SYNAPSE_VERSION, migratedMs: Date.now() - t0, at: new Date().toISOString() }) + "\n");
      await rm(dir, { recursive: true, force: true });
      await rename(out, dir);
      return dir;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, { onWait: () => log("enlace: waiting for another process migrating the Synapse template…") });
}

/** Copies the template's database into a data directory that has none. */
export async function copySynapseTemplate(template: string, databasePath: string): Promise<void> {
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync(join(template, `homeserver.db${suffix}`))) await copyFile(join(template, `homeserver.db${suffix}`), `${databasePath}${suffix}`);
  }
}
