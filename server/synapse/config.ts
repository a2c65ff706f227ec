import { writeFile, mkdir, chmod } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { federationConfig, type FederationOptions } from "./federation.js";

export interface SynapseConfigOptions {
  serverName: string;
  port: number;
  dataDir: string;
  jwtSecret: string;
  registrationSharedSecret: string;
  database?: { kind: "sqlite" } | { kind: "postgres"; url: string };
  /** Tests and benchmarks: every rate limit raised out of the way. */
  forTests?: boolean;
  logLevel?: "INFO" | "WARNING";
  /**
   * A member state's homeserver: sign-in grants are checked with the control plane's Ed25519 public
   * key (base64) and must name this server as audience; no secret is shared (jwtSecret unused).
   */
  loginPublicKey?: string;
  /** A homeserver that federates (TLS listener, test CA, loopback peers): see federation.ts. */
  federation?: FederationOptions;
}

const UNLIMITED = { per_second: 100000, burst_count: 1000000 };

/**
 * Limits outside tests, where they differ from Synapse's defaults.
 * Sign-in: the only login here is a single-use grant the control plane mints after its own
 * throttled sign-in (a 256-bit HMAC: nothing to guess), so Synapse's defaults (3 per address, then
 * one every 6 s) only hurt: an office behind one address, or `npm start` where every browser is on
 * loopback, was refused after three sign-ins. Still bounded, per address and account. Clients keep
 * their device and access token (shared/matrix/session.ts resumeOrSignIn), so a person logs in
 * once per browser, not per page load.
 * Invites to a person: Synapse's default (a burst of 5, then one every 5 minutes, per invitee) is
 * counted by the invitee's homeserver, whoever invites; the registry bot invites a member state's
 * focal point into every room of their programs at once (2 a program, plus the Space and the
 * hemisphere room), and a member state's homeserver refused the sixth (429, seen with `npm start`'s).
 * Messages: the default (a burst of 10, then one every 5 s) refused a focal point acknowledging a
 * morning's advisories in a row, or a CSIRT sending a batch of alerts; a burst of 30 and one a
 * second stays far above a person's pace and far below a flood. Joins are made by the registry bot
 * through the admin API (exempt), and to-device key traffic has its own generous default.
 */
const PRODUCTION_LIMITS = {
  rc_invites: { per_user: { per_second: 0.1, burst_count: 60 } },
  rc_message: { per_second: 1, burst_count: 30 },
  rc_login: {
    address: { per_second: 1, burst_count: 30 },
    account: { per_second: 0.5, burst_count: 10 },
    failed_attempts: { per_second: 0.2, burst_count: 10 },
  },
};

// Every rc_* option Synapse knows; tests must never be throttled.
const testRateLimits = {
  rc_message: UNLIMITED,
  rc_registration: UNLIMITED,
  rc_registration_token_validity: UNLIMITED,
  rc_login: { address: UNLIMITED, account: UNLIMITED, failed_attempts: UNLIMITED },
  rc_admin_redaction: UNLIMITED,
  rc_joins: { local: UNLIMITED, remote: UNLIMITED },
  rc_joins_per_room: UNLIMITED,
  rc_3pid_validation: UNLIMITED,
  rc_invites: { per_room: UNLIMITED, per_user: UNLIMITED, per_issuer: UNLIMITED },
  rc_third_party_invite: UNLIMITED,
  rc_media_create: UNLIMITED,
  rc_delayed_event_mgmt: UNLIMITED,
  rc_reports: UNLIMITED,
  rc_room_creation: UNLIMITED,
  rc_presence: { per_user: UNLIMITED },
  rc_key_requests: UNLIMITED,
  rc_federation: { window_size: 1000, sleep_limit: 100000, sleep_delay: 0, reject_limit: 100000, concurrent: 1000 },
};

function database(o: SynapseConfigOptions) {
  if (o.database?.kind === "postgres") {
    const u = new URL(o.database.url);
    return {
      name: "psycopg2",
      args: {
        user: decodeURIComponent(u.username),
        password: decodeURIComponent(u.password),
        host: u.hostname,
        port: Number(u.port || 5432),
        database: u.pathname.slice(1),
        cp_min: 2,
        cp_max: 10,
      },
    };
  }
  return { name: "sqlite3", args: { database: join(o.dataDir, "homeserver.db") } };
}

/** Synapse modules shipped with Enlace; on PYTHONPATH of every Synapse we start. */
const SYNAPSE_MODULES_DIR = join(import.meta.dirname, "modules");
/** The environment for any Synapse command that reads homeserver.yaml (it imports the modules). */
export const synapseEnv = (extra: Record<string, string> = {}) => ({
  ...process.env,
  ...extra,
  PYTHONPATH: [SYNAPSE_MODULES_DIR, process.env.PYTHONPATH].filter(Boolean).join(":"),
});

/** Owner-only: the file holds the registration shared secret (mints Synapse admins) and the JWT secret. */
export const SECRET_FILE_MODE = 0o600;
export const DATA_DIR_MODE = 0o700;

/** Writes homeserver.yaml (as JSON, which is YAML) and its log config; returns the config path. */
export async function writeSynapseConfig(o: SynapseConfigOptions): Promise<string> {
  await mkdir(join(o.dataDir, "media"), { recursive: true });
  // Only the leaf: a recursive mkdir with a mode would close every parent it creates too
  // (.enlace must stay reachable by the user the embedded PostgreSQL runs as).
  await chmod(o.dataDir, DATA_DIR_MODE);
  const logPath = join(o.dataDir, "homeserver.log");
  const logConfig = {
    version: 1,
    formatters: { precise: { format: "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(message)s" } },
    handlers: { file: { class: "logging.FileHandler", formatter: "precise", filename: logPath, encoding: "utf8" } },
    loggers: { "synapse.storage.SQL": { level: "WARNING" }, "synapse.access": { level: o.forTests ? "WARNING" : "INFO" } },
    root: { level: o.logLevel ?? (o.forTests ? "WARNING" : "INFO"), handlers: ["file"] },
    disable_existing_loggers: false,
  };
  await writeFile(join(o.dataDir, "log.config.json"), JSON.stringify(logConfig, null, 2));
  const config = {
    server_name: o.serverName,
    public_baseurl: `http://127.0.0.1:${o.port}/`,
    pid_file: join(o.dataDir, "homeserver.pid"),
    listeners: [
      {
        port: o.port,
        bind_addresses: ["127.0.0.1"],
        type: "http",
        tls: false,
        x_forwarded: false,
        resources: [{ names: ["client", "federation"], compress: false }],
      },
    ],
    database: database(o),
    log_config: join(o.dataDir, "log.config.json"),
    media_store_path: join(o.dataDir, "media"),
    signing_key_path: join(o.dataDir, "signing.key"),
    registration_shared_secret: o.registrationSharedSecret,
    macaroon_secret_key: randomBytes(24).toString("hex"),
    form_secret: randomBytes(24).toString("hex"),
    report_stats: false,
    enable_metrics: false,
    enable_registration: false,
    trusted_key_servers: [],
    suppress_key_server_warning: true,
    // Sign-in comes from the control plane only: a short-lived, single-use grant it mints, redeemed
    // by our module (server/synapse/modules/enlace_login_grant.py). Synapse's own JWT login stays
    // off (no jwt_config): it accepts one token for any number of logins within its window.
    modules: [
      {
        module: "enlace_login_grant.EnlaceLoginGrant",
        config: {
          ...(o.loginPublicKey ? { public_key: o.loginPublicKey } : { secret: o.jwtSecret }),
          issuer: "enlace",
          max_lifetime_seconds: 60,
          clock_skew_seconds: 5,
        },
      },
    ],
    // Nobody has a password here (people sign in at the control plane; the bot with a JWT): offering
    // m.login.password would only give a guessing target. Shared-secret registration still works.
    password_config: { enabled: false },
    presence: { enabled: false },
    url_preview_enabled: false,
    max_upload_size: "50M",
    allow_public_rooms_without_auth: false,
    allow_public_rooms_over_federation: false,
    require_auth_for_profile_requests: true,
    limit_profile_requests_to_users_who_share_rooms: true,
    // Enlace has its own expertise directory; Synapse's would index every shared-room join.
    user_directory: { enabled: false },
    encryption_enabled_by_default_for_room_type: "all",
    // MSC4222: sync sends each room's state as it is after the timeline, which matrix-js-sdk asks for.
    // Without it, clients rebuild state from timeline order and can keep an older value than the
    // room's resolved state when events race (a member's credential was seen stuck that way).
    // MSC3814: dehydrated devices, so a person with no running device (signed out, browser closed)
    // still receives room keys and reads at the next sign-in what was sent meanwhile (docs/delivery.md).
    experimental_features: { msc4222_enabled: true, msc3814_enabled: true },
    // Invites carry the registry's room key, so an Enlace client on another homeserver can tell the
    // registry's rooms from any other before it joins (shared/matrix/invites.ts).
    room_prejoin_state: { additional_event_types: ["org.oas.enlace.room.key"] },
    ...(o.forTests ? testRateLimits : PRODUCTION_LIMITS),
    ...(o.federation ? federationConfig(o.federation, o.port) : {}),
  };
  const path = join(o.dataDir, "homeserver.yaml");
  await writeFile(path, JSON.stringify(config, null, 2), { mode: SECRET_FILE_MODE });
  // writeFile's mode applies only when it creates the file: an older, world-readable one is closed here.
  await chmod(path, SECRET_FILE_MODE);
  return path;
}
