import { existsSync } from "node:fs";
import { chmod, cp, mkdir, readdir, rm, mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { freePort } from "../net/free-port.js";
import { ensureSynapse, SYNAPSE_VERSION } from "./install.js";
import { writeSynapseConfig, DATA_DIR_MODE, SECRET_FILE_MODE, type SynapseConfigOptions } from "./config.js";
import { generateSigningKey } from "./generate-keys.js";
import { startSynapse, type SynapseProcess } from "./process.js";

export interface LocalSynapseOptions {
  root: string; // the project root (venv and cache live under .enlace)
  dataDir: string;
  port: number;
  serverName: string;
  jwtSecret: string;
  registrationSharedSecret: string;
  forTests?: boolean;
  /** Start from a cached, already-migrated empty database (much faster than migrating). */
  fromTemplate?: boolean;
  /** SQLite in dataDir by default; PostgreSQL for heavier loads (the database needs C collation). */
  database?: SynapseConfigOptions["database"];
  log?: (s: string) => void;
  /** A member state's homeserver: grants checked with this public key (see config.ts). */
  loginPublicKey?: string;
  /** Federating homeservers (TLS, peers): see federation.ts. */
  federation?: SynapseConfigOptions["federation"];
  /** The template to copy when serverName has none (an empty database does not depend on the name). */
  templateServerName?: string;
  /** How long a start (and each restart) may take to become healthy; a loaded test machine needs more. */
  startTimeoutMs?: number;
}

/**
 * The signing key (the homeserver's identity), the database (access tokens, keys, messages) and
 * the config (registration secret) are readable by their owner only; Synapse runs as that owner.
 * SQLite and Synapse's key generator create files by the umask (0644), so close them afterwards.
 */
async function closeDataDir(dir: string) {
  await chmod(dir, DATA_DIR_MODE);
  for (const name of await readdir(dir)) {
    if (/^(homeserver\.(yaml|db.*)|signing\.key|ready)$/.test(name)) await chmod(join(dir, name), SECRET_FILE_MODE);
  }
}

/**
 * An empty Synapse database migrated once per Synapse version and server name, kept under
 * .enlace/cache. The first start on an empty database creates the whole schema (tens of
 * seconds); copying this template makes later starts take a couple of seconds.
 */
export async function ensureTemplate(o: LocalSynapseOptions, python: string): Promise<string> {
  const dir = join(o.root, ".enlace", "cache", `synapse-${SYNAPSE_VERSION}-${o.serverName.replace(/[^a-z0-9.-]/gi, "_")}`);
  if (existsSync(join(dir, "ready"))) return dir;
  o.log?.(`enlace: preparing a migrated Synapse database template (once per version)…`);
  const work = await mkdtemp(join(tmpdir(), "enlace-synapse-template-"));
  const cfg: SynapseConfigOptions = { ...o, dataDir: work, port: await freePort(), forTests: true };
  const configPath = await writeSynapseConfig(cfg);
  await generateSigningKey(python, configPath, work);
  const hs = await startSynapse({ python, configPath, dataDir: work, port: cfg.port, serverName: o.serverName, timeoutMs: 300_000 });
  await hs.stop();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(join(work, "homeserver.db"), join(dir, "homeserver.db"));
  await cp(join(work, "signing.key"), join(dir, "signing.key"));
  await cp(join(work, "homeserver.db"), join(dir, "ready"));
  await closeDataDir(dir);
  await rm(work, { recursive: true, force: true });
  return dir;
}

/** A real Synapse on loopback, installed on first use; SQLite in `dataDir`. */
export async function startLocalSynapse(o: LocalSynapseOptions): Promise<SynapseProcess & { python: string }> {
  const { python } = await ensureSynapse(o.root, o.log);
  await mkdir(o.dataDir, { recursive: true });
  // The template is a SQLite file: a PostgreSQL-backed homeserver migrates its own schema.
  if (o.fromTemplate && o.database?.kind !== "postgres" && !existsSync(join(o.dataDir, "homeserver.db"))) {
    const template = await ensureTemplate({ ...o, federation: undefined, loginPublicKey: undefined, serverName: o.templateServerName ?? o.serverName }, python);
    await cp(join(template, "homeserver.db"), join(o.dataDir, "homeserver.db"));
    // A federating homeserver is known to its peers by its signing key: each gets its own.
    if (!o.federation) await cp(join(template, "signing.key"), join(o.dataDir, "signing.key"));
  }
  const configPath = await writeSynapseConfig({ ...o });
  if (!existsSync(join(o.dataDir, "signing.key"))) await generateSigningKey(python, configPath, o.dataDir);
  await closeDataDir(o.dataDir);
  const hs = await startSynapse({
    python,
    configPath,
    dataDir: o.dataDir,
    port: o.port,
    serverName: o.serverName,
    timeoutMs: o.startTimeoutMs ?? (o.fromTemplate && o.database?.kind !== "postgres" ? 60_000 : 300_000),
  });
  // A database Synapse created itself (no template, first start) exists only now.
  await closeDataDir(o.dataDir);
  return { ...hs, python };
}
