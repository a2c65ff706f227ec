import type { Db, Tx } from "../db/pool.js";
import type { Keys } from "../keys/keystore.js";
import type { Logger } from "../log.js";
import type { PasswordHasher } from "./auth/passwords.js";
import type { AuditInput } from "./audit/append.js";
import type { ChangeFeed, QueryCache } from "../db/change-feed.js";
import type { ResolvedSession } from "./auth/principal.js";
import type { DirectoryEntry } from "./registry/repo.js";
import type { MatrixAccountDirectory } from "./matrix-session/accounts.js";
import type { WakeSignal } from "./wake.js";

/**
 * Registry changes notify the homeserver side (the membership reconciler) inside the same
 * transaction, so a change and the job that applies it commit together or not at all.
 */
export interface RegistryHooks {
  personChanged(tx: Tx, personId: string, why: string): Promise<void>;
  registryChanged(tx: Tx, why: string): Promise<void>;
  /** A direct conversation started: its room is made at once (without it, a full reconcile does it). */
  conversationChanged?(tx: Tx, conversationId: string): Promise<void>;
}
export const noHooks: RegistryHooks = { personChanged: async () => {}, registryChanged: async () => {} };

/** Writes one audit entry inside the caller's transaction (see audit/append.ts). */
export interface AuditWriter {
  append(tx: Tx, input: AuditInput): Promise<number>;
}

/** Read caches, made once with the context (see buildCtx); without a change feed they read through. */
interface ReadCaches {
  sessions: QueryCache<ResolvedSession>;
  directory: QueryCache<DirectoryEntry[]>;
}

export interface Settings {
  readonly vettingMonths: number;
  readonly sessionHours: number;
  readonly publicUrl: string;
  readonly enrollmentHours: number;
  /** Who must use a second factor (ENLACE_TOTP_REQUIRED_FOR). */
  readonly totpRequiredFor: "everyone" | "staff";
  /** The Secretariat's homeserver, once one is linked. */
  readonly matrixServerName?: string | null;
}

/** Built once by buildCtx (server/ctx.ts); nothing rewires it afterwards. */
export interface Ctx {
  db: Db;
  audit: AuditWriter;
  keys: Keys;
  hasher: PasswordHasher;
  log: Logger;
  now: () => Date;
  readonly hooks: RegistryHooks;
  /** Committed registry changes (LISTEN/NOTIFY); null disables read caches. */
  readonly changes: ChangeFeed | null;
  readonly caches: ReadCaches;
  /** The Secretariat's homeserver accounts (admin API), once a homeserver is linked: reserved-ID checks. */
  readonly matrixAccounts?: MatrixAccountDirectory;
  readonly settings: Settings;
  /** Rung after a commit that queued notifications: this process's notifier delivers them at once instead of at its next tick. */
  readonly notifierWake: WakeSignal;
}
