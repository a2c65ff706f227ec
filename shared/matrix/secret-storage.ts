import type { CryptoCallbacks } from "matrix-js-sdk/lib/crypto-api/index.js";

/**
 * Holds the secret-storage (recovery) key in memory while it is needed: when first set up and
 * when a new device restores from it. Never persisted by us.
 */
export class SecretStorageKeyHolder {
  private byId = new Map<string, Uint8Array<ArrayBuffer>>();
  private pending: Uint8Array<ArrayBuffer> | null = null;

  /** The key the person typed in (or that was just generated), before its id is known. */
  offer(key: Uint8Array) {
    this.pending = new Uint8Array(key);
  }
  forget() {
    this.byId.clear();
    this.pending = null;
  }

  callbacks(): CryptoCallbacks {
    return {
      getSecretStorageKey: async ({ keys }) => {
        for (const id of Object.keys(keys)) {
          const k = this.byId.get(id) ?? this.pending;
          if (k) return [id, k];
        }
        return null;
      },
      cacheSecretStorageKey: (keyId, _info, key) => {
        this.byId.set(keyId, new Uint8Array(key));
      },
    };
  }
}
