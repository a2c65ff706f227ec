import { createHmac } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testRateLimits } from "./rate-limits.js";

export type SynapseDatabase = { kind: "sqlite"; path?: string } | { kind: "postgres"; url: string };

export interface SynapseConfigOptions {
  /** The Matrix server name (the part after ":" in user IDs). Cannot change once users exist. */
  serverName: string;
  /** Loopback port of the one HTTP listener (client and federation APIs). */
  port: number;
  /** Holds homeserver.yaml, the signing key, media, the log and (SQLite) the database. */
  dataDir: string;
  /** HS256 secret shared with the control plane, which mints the login tokens. */
  jwtSecret: string;
  registrationSharedSecret: string;
  /** SQLite defaults to `<dataDir>/homeserver.db`. */
  database?: SynapseDatabase;
  /** Tests and benchmarks: every rate limit out of the way, cheap password hashing, quieter log. */
  forTests?: boolean;
  /** What clients are told to use; defaults to http://127.0.0.1:<port>/. */
  publicBaseUrl?: string;
  /** Optional `iss` / `aud` checks on login tokens (Synapse refuses tokens that lack them). */
  jwt?: { issuer?: string; audiences?: string[] };
  logLevel?: "DEBUG" | "INFO" | "WARNING" | "ERROR";
}

export interface SynapseConfigFiles { configPath: string; logPath: string; signingKeyPath: string; databasePath: string | null }

export const synapsePaths = (dataDir: string) => ({
  configPath: join(dataDir, "homeserver.yaml"),
  logConfigPath: join(dataDir, "log.config.yaml"),
  logPath: join(dataDir, "homeserver.log"),
  signingKeyPath: join(dataDir, "signing.key"),
  mediaPath: join(dataDir, "media"),
  sqlitePath: join(dataDir, "homeserver.db"),
});

/**
 * Secrets Synapse needs but nobody else uses (macaroons for login tokens, form HMACs) are derived
 * from the registration secret, so they stay the same across restarts without another file.
 */
const derived = (secret: string, label: string) => createHmac("sha256", secret).update(`enlace synapse ${label}`).digest("hex");

function databaseSection(o: SynapseConfigOptions) {
  const db = o.database ?? { kind: "sqlite" };
  if (db.kind === "postgres") {
    const u = new URL(db.url);
    return {
      name: "psycopg2",
      args: {
        user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), host: u.hostname,
        port: Number(u.port || 5432), database: decodeURIComponent(u.pathname.slice(1)), cp_min: 2, cp_max: 10,
      },
    };
  }
  return { name: "sqlite3", args: { database: db.path ?? synapsePaths(o.dataDir).sqlitePath } };
}

/** Python logging config: everything into one file in the data directory. */
export function logConfig(o: SynapseConfigOptions) {
  const level = o.logLevel ?? (o.forTests ? "WARNING" : "INFO");
  return {
    version: 1,
    formatters: { precise: { format: "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s" } },
    // Fills %(request)s: which client request a line belongs to.
    filters: { context: { "()": "synapse.logging.context.LoggingContextFilter", request: "" } },
    handlers: { file: { class: "logging.FileHandler", formatter: "precise", filters: ["context"], filename: synapsePaths(o.dataDir).logPath, encoding: "utf8" } },
    loggers: {
      // DEBUG SQL would log query arguments.
      "synapse.storage.SQL": { level: "WARNING" },
      "synapse.access.http": { level },
    },
    root: { level, handlers: ["file"] },
    disable_existing_loggers: false,
  };
}

/** The homeserver.yaml content (as an object; JSON is valid YAML). */
export function synapseConfig(o: SynapseConfigOptions): Record<string, unknown> {
  const p = synapsePaths(o.dataDir);
  return {
    server_name: o.serverName,
    public_baseurl: o.publicBaseUrl ?? `http://127.0.0.1:${o.port}/`,
    // Loopback only: in production a reverse proxy terminates TLS in front of it.
    listeners: [{
      port: o.port, bind_addresses: ["127.0.0.1"], type: "http", tls: false, x_forwarded: false,
      resources: [{ names: ["client", "federation"], compress: false }],
    }],
    database: databaseSection(o),
    log_config: p.logConfigPath,
    media_store_path: p.mediaPath,
    signing_key_path: p.signingKeyPath,
    report_stats: false,
    enable_metrics: false,
    // Accounts come from the control plane only: the bot via the shared secret, people via JWT.
    enable_registration: false,
    registration_shared_secret: o.registrationSharedSecret,
    macaroon_secret_key: derived(o.registrationSharedSecret, "macaroon"),
    form_secret: derived(o.registrationSharedSecret, "form"),
    jwt_config: {
      enabled: true, secret: o.jwtSecret, algorithm: "HS256", subject_claim: "sub",
      ...(o.jwt?.issuer ? { issuer: o.jwt.issuer } : {}),
      ...(o.jwt?.audiences?.length ? { audiences: o.jwt.audiences } : {}),
    },
    // Local passwords stay on for the registered admin/bot accounts (and tests); people use JWT.
    password_config: { enabled: true, localdb_enabled: true },
    trusted_key_servers: [],
    suppress_key_server_warning: true,
    // Presence costs CPU and traffic on every sync and Enlace does not show it.
    presence: { enabled: false },
    url_preview_enabled: false,
    max_upload_size: "50M",
    allow_public_rooms_without_auth: false,
    allow_public_rooms_over_federation: false,
    require_auth_for_profile_requests: true,
    limit_profile_requests_to_users_who_share_rooms: true,
    // Enlace keeps its own vetted directory; Synapse's would index every user sharing a room.
    user_directory: { enabled: false },
    encryption_enabled_by_default_for_room_type: "all",
    ...(o.forTests ? { ...testRateLimits, bcrypt_rounds: 4 } : {}),
  };
}

/**
 * Writes homeserver.yaml and its log config into the data directory (owner-only: they hold the
 * secrets) and creates the media store. The signing key is separate (see signing-key.ts).
 */
export async function writeSynapseConfig(o: SynapseConfigOptions): Promise<SynapseConfigFiles> {
  const p = synapsePaths(o.dataDir);
  await mkdir(p.mediaPath, { recursive: true });
  await writeFile(p.logConfigPath, JSON.stringify(logConfig(o), null, 2), { mode: 0o600 });
  await writeFile(p.configPath, JSON.stringify(synapseConfig(o), null, 2), { mode: 0o600 });
  const db = o.database ?? { kind: "sqlite" };
  return { configPath: p.configPath, logPath: p.logPath, signingKeyPath: p.signingKeyPath, databasePath: db.kind === "sqlite" ? (db.path ?? p.sqlitePath) : null };
}
