// The Matrix device this browser holds for a person, with its access token, so a reload opens the
// same device (and its IndexedDB crypto store) without signing in to the homeserver again. Like
// Element Web (mx_access_token), the token lives in localStorage: anything that could read it could
// equally read the crypto store beside it, and it is only sent to the homeserver. One record and
// one crypto store per person, so two people sharing a browser never overwrite each other's keys.
import { createClient } from "matrix-js-sdk";
import { quietLogger, type DeviceKeeper, type StoredDevice } from "#shared/matrix/session.js";

export interface DeviceRecord extends StoredDevice {
  personId: string;
}
type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const PREFIX = "enlace.matrix.device:";
/** Before records were kept per person (and without a token): removed, with its store, on sight. */
const LEGACY_KEY = "enlace.matrix.device";

export const recordKey = (personId: string) => `${PREFIX}${personId}`;
/** The IndexedDB prefix of this person's Rust crypto store. */
export const cryptoPrefixOf = (personId: string) => `enlace-${personId}`;

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;

export function readDevice(storage: Store | null, personId: string): DeviceRecord | null {
  try {
    const v = JSON.parse(storage?.getItem(recordKey(personId)) ?? "null") as Partial<DeviceRecord> | null;
    return v && v.personId === personId && isString(v.homeserverUrl) && isString(v.userId) && isString(v.deviceId) && isString(v.accessToken)
      ? { personId, homeserverUrl: v.homeserverUrl, userId: v.userId, deviceId: v.deviceId, accessToken: v.accessToken }
      : null;
  } catch {
    return null;
  }
}

export function writeDevice(storage: Store | null, r: DeviceRecord) {
  try {
    storage?.setItem(recordKey(r.personId), JSON.stringify(r));
  } catch {
    /* private mode: the next load signs in again */
  }
}

export function forgetDevice(storage: Store | null, personId: string) {
  try {
    storage?.removeItem(recordKey(personId));
  } catch {
    /* nothing stored */
  }
}

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms))]);

/** Deletes a Rust crypto store (IndexedDB) with the SDK's own knowledge of its database names. */
async function clearCryptoStore(cryptoDatabasePrefix?: string) {
  const throwaway = createClient({ baseUrl: "http://localhost", logger: quietLogger });
  await withTimeout(throwaway.clearStores(cryptoDatabasePrefix ? { cryptoDatabasePrefix } : {}), 10_000).catch(() => {});
}

/** The legacy single record (no token, the SDK's default store name) makes way for per-person ones. */
async function dropLegacy(storage: Store | null) {
  try {
    if (storage?.getItem(LEGACY_KEY) === null) return;
    storage?.removeItem(LEGACY_KEY);
  } catch {
    return;
  }
  await clearCryptoStore();
}

/** This person's device in this browser, as session.ts's resumeOrSignIn keeps it. */
export function browserDeviceKeeper(storage: Store | null, personId: string): DeviceKeeper {
  return {
    async read() {
      await dropLegacy(storage);
      return readDevice(storage, personId);
    },
    write: (d) => writeDevice(storage, { personId, ...d }),
    async forget() {
      forgetDevice(storage, personId);
      await clearCryptoStore(cryptoPrefixOf(personId));
    },
  };
}
