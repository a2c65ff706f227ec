import { memoryRevocationStore, type RevocationStore } from "#shared/credentials/revocation-status.js";
import { SignedRevocationList } from "#shared/credentials/credential.js";

// The highest signed revocation list this browser has seen, per person and Secretariat key, so a
// reload does not forget it: a homeserver operator who later puts an older list back (one that no
// longer names a revoked person) is refused. Only the signed list is stored (public, no secret);
// readers re-verify it, so an edited entry is ignored, not trusted. It stays after sign-out.
type Store = Pick<Storage, "getItem" | "setItem">;

const keyOf = (personId: string, publicKey: string) => `enlace.revocations.${personId}.${publicKey}`;

export function webRevocationStore(storage: Store | null, personId: string): RevocationStore {
  const memory = memoryRevocationStore(); // also what holds when storage is full or unavailable
  return {
    get(publicKey) {
      const held = memory.get(publicKey);
      if (held) return held;
      try {
        const parsed = SignedRevocationList.safeParse(JSON.parse(storage?.getItem(keyOf(personId, publicKey)) ?? "null"));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    put(publicKey, list) {
      memory.put(publicKey, list);
      try {
        storage?.setItem(keyOf(personId, publicKey), JSON.stringify(list));
      } catch {
        /* quota or private mode: memory for this session */
      }
    },
  };
}
