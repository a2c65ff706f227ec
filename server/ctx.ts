import type { PasswordCost } from "./config.js";
import { createQueryCache, startChangeFeed } from "./db/change-feed.js";
import type { Db } from "./db/pool.js";
import { auditWriter } from "./domain/audit/append.js";
import { createPasswordHasher } from "./domain/auth/passwords.js";
import { type Ctx, noHooks, type Settings } from "./domain/context.js";
import { createWakeSignal } from "./domain/wake.js";
import type { HomeserverWiring } from "./homeserver-link.js";
import type { Keys } from "./keys/keystore.js";
import type { Logger } from "./log.js";

export interface CtxConfig {
  db: Db;
  /** For the change feed's own LISTEN connection. */
  dbUrl: string;
  keys: Keys;
  log: Logger;
  passwordCost: PasswordCost;
  hasherPool?: { size?: number; maxQueue?: number };
  /** false: no change feed, so every read goes to the database (tests that count queries or races). */
  caches: boolean;
  settings: Omit<Settings, "matrixServerName">;
  /** A homeserver connected by connectHomeserver: its job hooks and account directory become part of the context. */
  homeserver?: HomeserverWiring | null;
}

/** What a caller (a test, a benchmark) may replace; everything else follows from the config. */
export type CtxOverrides = Partial<Pick<Ctx, "now" | "hooks" | "audit" | "hasher">>;

/**
 * The one place a context is made (server/main.ts and tests/helpers/control-plane.ts): hooks, caches
 * and homeserver settings are fixed here, so no module holds per-context state of its own.
 */
export async function buildCtx(config: CtxConfig, overrides: CtxOverrides = {}): Promise<Ctx> {
  const changes = config.caches ? await startChangeFeed(config.dbUrl, config.log) : null;
  const hs = config.homeserver ?? null;
  return {
    db: config.db,
    keys: config.keys,
    log: config.log,
    audit: overrides.audit ?? auditWriter,
    now: overrides.now ?? (() => new Date()),
    hasher: overrides.hasher ?? (await createPasswordHasher(config.passwordCost, config.hasherPool)),
    hooks: overrides.hooks ?? hs?.hooks ?? noHooks,
    changes,
    caches: {
      // Checked on every request: short-lived, many entries.
      sessions: createQueryCache(changes, { ttlMs: 10_000, max: 10_000 }),
      directory: createQueryCache(changes, { ttlMs: 60_000, max: 2000 }),
    },
    matrixAccounts: hs?.accounts,
    settings: { ...config.settings, matrixServerName: hs?.serverName ?? null },
    notifierWake: createWakeSignal(),
  };
}
