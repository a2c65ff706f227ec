import { getSodium } from "#shared/crypto/sodium.js";
import type { PasswordCost } from "../../config.js";
import { createWorkerPool, type PoolOptions } from "./worker-pool.js";

// Argon2id through libsodium's crypto_pwhash_str (the encoded string carries its own parameters,
// so raising the cost later keeps old hashes verifiable). "min" exists for tests only.
async function limits(cost: PasswordCost) {
  const s = await getSodium();
  switch (cost) {
    case "min":
      return [s.crypto_pwhash_OPSLIMIT_MIN, 8 * 1024 * 1024];
    case "interactive":
      return [s.crypto_pwhash_OPSLIMIT_INTERACTIVE, s.crypto_pwhash_MEMLIMIT_INTERACTIVE];
    case "moderate":
      return [s.crypto_pwhash_OPSLIMIT_MODERATE, s.crypto_pwhash_MEMLIMIT_MODERATE];
    case "sensitive":
      return [s.crypto_pwhash_OPSLIMIT_SENSITIVE, s.crypto_pwhash_MEMLIMIT_SENSITIVE];
  }
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string | null, password: string): Promise<boolean>;
  close?(): Promise<void>;
}

/**
 * Each Argon2id run (~120 ms of CPU at "interactive") happens in a worker thread, so sign-ins never
 * stall the event loop (health checks, other requests). A full queue answers 503 server-busy.
 */
export async function createPasswordHasher(cost: PasswordCost, pool: PoolOptions = {}): Promise<PasswordHasher> {
  const [ops, mem] = await limits(cost);
  const workers = createWorkerPool(new URL("./password-worker.mjs", import.meta.url), pool);
  const hash = (password: string) => workers.run<string>({ op: "hash", password, ops, mem });
  // Unknown accounts are checked against this decoy so both answers take the same time.
  const decoy = await hash("decoy password that matches nothing");
  return {
    hash,
    async verify(stored, password) {
      const ok = await workers.run<boolean>({ op: "verify", hash: stored ?? decoy, password });
      return stored !== null && ok;
    },
    close: () => workers.close(),
  };
}
