import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { ensureSynapse, SYNAPSE_VERSION } from "./install.js";
import { writeSynapseConfig, type SynapseConfigOptions } from "./config.js";
import { ensureSigningKey } from "./signing-key.js";
import { ensureSynapseTemplate, copySynapseTemplate } from "./template.js";
import { startSynapse, type SynapseHandle } from "./process.js";
import { freeLoopbackPort } from "./free-port.js";

export interface LaunchSynapseOptions extends Omit<SynapseConfigOptions, "port"> {
  /** Project root: the virtualenv and the template cache live under `<root>/.enlace`. */
  root: string;
  /** Defaults to a free loopback port. */
  port?: number;
  /**
   * A new SQLite database starts as a copy of the migrated template (default true). Ignored for
   * PostgreSQL and for a data directory that already has a database.
   */
  fromTemplate?: boolean;
  timeoutMs?: number;
  /** Progress lines (install, template); never secrets. */
  log?: (line: string) => void;
}

export interface LaunchedSynapse extends SynapseHandle {
  python: string;
  version: string;
  port: number;
}

/**
 * Everything from nothing to a healthy homeserver: installs Synapse if needed, writes the config,
 * makes a signing key, seeds a new SQLite database from the template, starts and waits.
 * Calling it again on the same data directory resumes that homeserver with its data.
 */
export async function launchSynapse(o: LaunchSynapseOptions): Promise<LaunchedSynapse> {
  const log = o.log ?? console.log;
  const { python } = await ensureSynapse(o.root, log);
  await mkdir(o.dataDir, { recursive: true, mode: 0o700 });
  const port = o.port ?? await freeLoopbackPort();
  const files = await writeSynapseConfig({ ...o, port });
  await ensureSigningKey(files.signingKeyPath);
  let migrated = !files.databasePath || existsSync(files.databasePath);
  if (files.databasePath && !migrated && (o.fromTemplate ?? true)) {
    await copySynapseTemplate(await ensureSynapseTemplate(o.root, python, log), files.databasePath);
    migrated = true;
  }
  const hs = await startSynapse({
    python, configPath: files.configPath, logPath: files.logPath, dataDir: o.dataDir, port, serverName: o.serverName,
    // PostgreSQL and fresh SQLite databases may migrate the schema first.
    timeoutMs: o.timeoutMs ?? (migrated && o.database?.kind !== "postgres" ? 60_000 : 300_000),
  });
  return Object.assign(hs, { python, version: SYNAPSE_VERSION, port });
}
