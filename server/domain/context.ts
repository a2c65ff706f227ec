import type { Db, Tx } from "../db/pool.js";
import type { Keys } from "../keys/keystore.js";
import type { Logger } from "../log.js";
import type { PasswordHasher } from "./auth/passwords.js";

/**
 * Registry changes notify the homeserver side (the membership reconciler) inside the same
 * transaction, so a change and the job that applies it commit together or not at all.
 */
export interface RegistryHooks {
  personChanged(tx: Tx, personId: string, why: string): Promise<void>;
  registryChanged(tx: Tx, why: string): Promise<void>;
}
export const noHooks: RegistryHooks = { personChanged: async () => {}, registryChanged: async () => {} };

export interface Ctx {
  db: Db;
  keys: Keys;
  hasher: PasswordHasher;
  log: Logger;
  now: () => Date;
  hooks: RegistryHooks;
  settings: { vettingMonths: number; sessionHours: number; publicUrl: string; enrollmentHours: number };
}
