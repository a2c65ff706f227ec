import { getSodium } from "../../../shared/crypto/sodium.js";
import type { PasswordCost } from "../../config.js";

// Argon2id through libsodium's crypto_pwhash_str (the encoded string carries its own parameters,
// so raising the cost later keeps old hashes verifiable). "min" exists for tests only.
async function limits(cost: PasswordCost) {
  const s = await getSodium();
  switch (cost) {
    case "min": return [s.crypto_pwhash_OPSLIMIT_MIN, 8 * 1024 * 1024];
    case "interactive": return [s.crypto_pwhash_OPSLIMIT_INTERACTIVE, s.crypto_pwhash_MEMLIMIT_INTERACTIVE];
    case "moderate": return [s.crypto_pwhash_OPSLIMIT_MODERATE, s.crypto_pwhash_MEMLIMIT_MODERATE];
    case "sensitive": return [s.crypto_pwhash_OPSLIMIT_SENSITIVE, s.crypto_pwhash_MEMLIMIT_SENSITIVE];
  }
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string | null, password: string): Promise<boolean>;
}

export async function createPasswordHasher(cost: PasswordCost): Promise<PasswordHasher> {
  const s = await getSodium();
  const [ops, mem] = await limits(cost);
  const hash = async (password: string) => s.crypto_pwhash_str(password, ops, mem);
  // Unknown accounts are checked against this decoy so both answers take the same time.
  const decoy = await hash("decoy password that matches nothing");
  return {
    hash,
    async verify(stored, password) {
      const ok = s.crypto_pwhash_str_verify(stored ?? decoy, password);
      return stored !== null && ok;
    },
  };
}
