import { z } from "zod";
import { resolve } from "node:path";

// The only module that reads process.env. Everything else receives a Config.
const Env = z.object({
  ENLACE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  ENLACE_HOST: z.string().default("127.0.0.1"),
  ENLACE_PUBLIC_URL: z.string().url().optional(),
  ENLACE_DATA_DIR: z.string().default(".enlace"),
  ENLACE_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z.string().url().optional(),
  ENLACE_EMBEDDED_PG_PORT: z.coerce.number().int().default(5433),
  ENLACE_VETTING_MONTHS: z.coerce.number().int().min(1).max(60).default(12),
  ENLACE_SESSION_HOURS: z.coerce.number().min(0.05).max(72).default(12),
  // Who must use an authenticator app. A government network usually requires it of everyone, so that is
  // the default; "staff" exempts focal points and alternates (Secretariat and coordinators always need it).
  ENLACE_TOTP_REQUIRED_FOR: z.enum(["everyone", "staff"]).default("everyone"),
  ENLACE_PASSWORD_COST: z.enum(["interactive", "moderate", "sensitive"]).default("interactive"),
  // Off by default: X-Forwarded-For is then ignored and the peer address is the client's address.
  // A hop count ("1"), or addresses/subnets/keywords of the proxies ("loopback", "10.0.0.5, 10.1.0.0/16").
  ENLACE_TRUST_PROXY: z
    .string()
    .trim()
    .default("off")
    .refine(
      (v) => /^(off|false|0|\d{1,2}|((loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)\s*(,\s*|$))+)$/.test(v),
      "off, a hop count, or a comma-separated list of proxy addresses, subnets or loopback/linklocal/uniquelocal",
    ),
  // Base64 secrets; generated under ENLACE_DATA_DIR/keys on first start when absent.
  ENLACE_SECRETARIAT_SIGNING_KEY: z.string().optional(),
  ENLACE_AUDIT_SIGNING_KEY: z.string().optional(),
  ENLACE_MATRIX_LOGIN_SIGNING_KEY: z.string().optional(),
  ENLACE_SESSION_SECRET: z.string().optional(),
  ENLACE_DATA_KEY: z.string().optional(),
  ENLACE_VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "a P-256 private key, 32 bytes base64url")
    .optional(),
  // Notification and enrollment mail; without it no mail is sent (npm start runs a mail catcher).
  ENLACE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "an smtp:// or smtps:// URL")
    .optional(),
  ENLACE_MAIL_FROM: z.string().min(3).default("Enlace <enlace@localhost>"),
  ENLACE_DEMO: z.enum(["0", "1"]).default("0"),
  // How long a job may run before another worker takes it over (its worker presumably died).
  ENLACE_JOB_EXPIRY_SECONDS: z.coerce.number().int().min(2).max(86400).default(300),
  ENLACE_JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // An existing homeserver; without SYNAPSE_URL, `npm start` runs a local Synapse on this port.
  ENLACE_LOCAL_SYNAPSE_PORT: z.coerce.number().int().min(1).max(65535).default(8008),
  SYNAPSE_URL: z.string().url().optional(),
  SYNAPSE_PUBLIC_URL: z.string().url().optional(),
  SYNAPSE_SERVER_NAME: z.string().min(1).optional(),
  SYNAPSE_JWT_SECRET: z.string().min(16).optional(),
  SYNAPSE_REGISTRATION_SHARED_SECRET: z.string().min(16).optional(),
  // `npm start` only: also run a member state's own homeserver (this state's, e.g. CL), federating
  // with the local Secretariat's over TLS on loopback, with a demo focal point whose account lives
  // there. Its server name is a loopback address (ACLs ignore ports, so it cannot be localhost:PORT).
  ENLACE_DEMO_MEMBER_STATE: z
    .string()
    .regex(/^[A-Z]{2}$/, "a member state's two-letter code, e.g. CL")
    .optional(),
  ENLACE_DEMO_MEMBER_STATE_ADDRESS: z
    .ipv4()
    .refine((a) => a.startsWith("127.") && a !== "127.0.0.1", "a loopback address other than 127.0.0.1 (the Secretariat's federation listener)")
    .default("127.0.0.3"),
  ENLACE_DEMO_MEMBER_STATE_PORT: z.coerce.number().int().min(1).max(65535).default(8009),
});

type TotpPolicy = "everyone" | "staff";

export type PasswordCost = "interactive" | "moderate" | "sensitive" | "min";

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  logLevel: string;
  databaseUrl?: string;
  embeddedPgPort: number;
  vettingMonths: number;
  sessionHours: number;
  totpRequiredFor: TotpPolicy;
  passwordCost: PasswordCost;
  trustProxy: false | number | string;
  secrets: {
    secretariatSigningKey?: string;
    auditSigningKey?: string;
    matrixLoginSigningKey?: string;
    sessionSecret?: string;
    dataKey?: string;
    vapidPrivateKey?: string;
  };
  mail: { smtpUrl?: string; from: string };
  demo: boolean;
  jobs: { expirySeconds: number; maintenanceSeconds: number };
  matrix?: { url: string; publicUrl: string; serverName: string; jwtSecret: string; registrationSharedSecret: string };
  localSynapsePort: number;
  /** `npm start`'s member-state homeserver (see ENLACE_DEMO_MEMBER_STATE), when asked for. */
  demoMemberState?: { memberState: string; serverName: string; clientPort: number };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`invalid configuration: ${first.path.join(".")}: ${first.message}`);
  }
  const e = parsed.data;
  let matrix: Config["matrix"];
  if (e.SYNAPSE_URL) {
    if (!e.SYNAPSE_SERVER_NAME || !e.SYNAPSE_JWT_SECRET || !e.SYNAPSE_REGISTRATION_SHARED_SECRET) {
      throw new ConfigError("invalid configuration: SYNAPSE_URL needs SYNAPSE_SERVER_NAME, SYNAPSE_JWT_SECRET and SYNAPSE_REGISTRATION_SHARED_SECRET");
    }
    matrix = {
      url: e.SYNAPSE_URL,
      publicUrl: e.SYNAPSE_PUBLIC_URL ?? e.SYNAPSE_URL,
      serverName: e.SYNAPSE_SERVER_NAME,
      jwtSecret: e.SYNAPSE_JWT_SECRET,
      registrationSharedSecret: e.SYNAPSE_REGISTRATION_SHARED_SECRET,
    };
  }
  return {
    matrix,
    localSynapsePort: e.ENLACE_LOCAL_SYNAPSE_PORT,
    demoMemberState: e.ENLACE_DEMO_MEMBER_STATE
      ? { memberState: e.ENLACE_DEMO_MEMBER_STATE, serverName: e.ENLACE_DEMO_MEMBER_STATE_ADDRESS, clientPort: e.ENLACE_DEMO_MEMBER_STATE_PORT }
      : undefined,
    jobs: { expirySeconds: e.ENLACE_JOB_EXPIRY_SECONDS, maintenanceSeconds: e.ENLACE_JOB_MAINTENANCE_SECONDS },
    port: e.ENLACE_PORT,
    host: e.ENLACE_HOST,
    publicUrl: e.ENLACE_PUBLIC_URL ?? `http://localhost:${e.ENLACE_PORT}`,
    dataDir: resolve(e.ENLACE_DATA_DIR),
    logLevel: e.ENLACE_LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.ENLACE_EMBEDDED_PG_PORT,
    vettingMonths: e.ENLACE_VETTING_MONTHS,
    sessionHours: e.ENLACE_SESSION_HOURS,
    totpRequiredFor: e.ENLACE_TOTP_REQUIRED_FOR,
    passwordCost: e.ENLACE_PASSWORD_COST,
    trustProxy: /^(off|false|0)$/.test(e.ENLACE_TRUST_PROXY) ? false : /^\d+$/.test(e.ENLACE_TRUST_PROXY) ? Number(e.ENLACE_TRUST_PROXY) : e.ENLACE_TRUST_PROXY,
    secrets: {
      secretariatSigningKey: e.ENLACE_SECRETARIAT_SIGNING_KEY,
      auditSigningKey: e.ENLACE_AUDIT_SIGNING_KEY,
      matrixLoginSigningKey: e.ENLACE_MATRIX_LOGIN_SIGNING_KEY,
      sessionSecret: e.ENLACE_SESSION_SECRET,
      dataKey: e.ENLACE_DATA_KEY,
      vapidPrivateKey: e.ENLACE_VAPID_PRIVATE_KEY,
    },
    mail: { smtpUrl: e.ENLACE_SMTP_URL, from: e.ENLACE_MAIL_FROM },
    demo: e.ENLACE_DEMO === "1",
  };
}
