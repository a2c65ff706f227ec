import { CryptoEvent } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { EnlaceSession } from "./session.js";

/**
 * Dehydrated devices (MSC3814) are how nothing sent while a person is away is lost: besides the
 * devices they run, each person keeps one device on the homeserver, its keys encrypted with a
 * key that lives only in their secret storage. Senders share room keys with it like with any
 * cross-signed device (the SDK signs it with the self-signing key), the homeserver queues the
 * to-device messages, and the next device the person sets up with their recovery key
 * "rehydrates" it: decrypts the queued room keys, then replaces it with a fresh one.
 * matrix-js-sdk 43 replaces it every 7 days while a device runs (DehydratedDeviceManager).
 */

export interface RehydrationReport {
  /** A dehydrated device was found and its queued to-device messages were read. */
  rehydrated: boolean;
  /** Room keys it held (the count the SDK reports as it reads). */
  roomKeys: number;
  /** The homeserver does not offer MSC3814: the person can miss what is sent while away. */
  unsupported?: true;
}

/**
 * With the secret-storage key at hand (first run, restore): rehydrates the dehydrated device if
 * there is one, then creates, signs and uploads a new one and schedules its rotation. Call it
 * after cross-signing is set up on this device and before the recovery key is forgotten.
 */
export async function startDehydratedDevice(s: EnlaceSession): Promise<RehydrationReport> {
  const crypto = s.client.getCrypto()!;
  if (!(await crypto.isDehydrationSupported())) return { rehydrated: false, roomKeys: 0, unsupported: true };
  let rehydrated = false;
  let roomKeys = 0;
  let failure: string | null = null;
  const onStart = () => {
    rehydrated = true;
  };
  const onProgress = (keys: number) => {
    roomKeys = keys;
  };
  const onError = (message: string) => {
    failure = message;
  };
  s.client.on(CryptoEvent.RehydrationStarted, onStart);
  s.client.on(CryptoEvent.RehydrationProgress, onProgress);
  s.client.on(CryptoEvent.RehydrationError, onError);
  try {
    await crypto.startDehydration();
  } finally {
    s.client.off(CryptoEvent.RehydrationStarted, onStart);
    s.client.off(CryptoEvent.RehydrationProgress, onProgress);
    s.client.off(CryptoEvent.RehydrationError, onError);
  }
  // The SDK logs a failed rehydration and carries on with a new device; the person must not be
  // told their away messages arrived when they did not, so it is an error here.
  if (failure) throw new Error(`rehydrating the dehydrated device failed: ${failure}`);
  return { rehydrated, roomKeys };
}

/**
 * On every later start of a device that set dehydration up (its key is cached in the crypto store,
 * so no recovery key is needed): uploads a fresh dehydrated device and restarts the weekly rotation.
 * No rehydration here: this device already received what the dehydrated one holds. A device that
 * never had the key (set up before dehydration existed) does nothing.
 */
export async function resumeDehydration(s: EnlaceSession): Promise<void> {
  const crypto = s.client.getCrypto()!;
  if (!(await crypto.isCrossSigningReady()) || !(await crypto.isSecretStorageReady())) return;
  if (!(await crypto.isDehydrationSupported())) return;
  await crypto.startDehydration({ onlyIfKeyCached: true, rehydrate: false });
}
