// Loaded on demand after control-plane sign-in: everything that pulls in matrix-js-sdk and the
// Rust crypto bindings stays out of the bundle a signed-out visitor downloads.
import { createClient } from "matrix-js-sdk";
import { signInThroughControlPlane, quietLogger, type EnlaceSession } from "#shared/matrix/session.js";
import { firstRun, restoreFromRecoveryKey, isCrossSigned } from "#shared/matrix/first-run.js";
import { deviceToReuse, forgetDevice, writeDevice } from "./device-record.js";
import { TimelineStore } from "./timeline.js";
import { SyncHealth } from "./sync-health.js";
import type { Api } from "../api/client.js";

/** The control-plane calls shared/matrix needs, answered by the web app's one API module (cookie session). */
type WebControlPlane = Pick<Api, "matrixSession" | "majorEvent" | "registerMasterKey" | "reserveAdvisoryNumber" | "countersignAdvisory" | "revocations">;
import { webRevocationStore } from "./revocation-store.js";

type Phase = "needs-setup" | "needs-restore" | "ready";
type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface Connection {
  session: EnlaceSession;
  timeline: TimelineStore;
  sync: SyncHealth;
  phase(): Promise<Phase>;
  setUp(): Promise<string>;
  restore(recoveryKey: string): Promise<void>;
  /** Stops syncing; the device and its keys stay for the next sign-in in this browser. */
  stop(): void;
  /** Explicit sign-out: logs the device out on the homeserver and deletes its local crypto store. */
  forget(): Promise<void>;
}

/** Deletes the Rust crypto store (IndexedDB) with the SDK's own knowledge of its database names. */
async function clearCryptoStore() {
  const throwaway = createClient({ baseUrl: "http://localhost", logger: quietLogger });
  await withTimeout(throwaway.clearStores(), 10_000).catch(() => {});
}

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms))]);

/** The homeserver still has this device with the identity key our store holds. */
async function deviceIntact(s: EnlaceSession): Promise<boolean> {
  const own = await s.client.getCrypto()!.getOwnDeviceKeys();
  const r = (await s.client.downloadKeysForUsers([s.userId])) as { device_keys?: Record<string, Record<string, { keys?: Record<string, string> }>> };
  return r.device_keys?.[s.userId]?.[s.deviceId]?.keys?.[`ed25519:${s.deviceId}`] === own.ed25519;
}

/**
 * Whether this device is signed by its owner, waiting a little for a "no": right after start-up or
 * a restore, the device's own signatures may not have come back from the homeserver yet.
 */
async function signedWithin(s: EnlaceSession, ms: number): Promise<boolean> {
  const t0 = Date.now();
  for (;;) {
    if (await isCrossSigned(s)) return true;
    if (Date.now() - t0 >= ms) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function open(cp: WebControlPlane, storage: Store | null, personId: string, deviceName: string): Promise<{ session: EnlaceSession; reused: boolean }> {
  const reuse = deviceToReuse(storage, personId);
  const revocations = webRevocationStore(storage, personId);
  // A store for another person or a forgotten device would not match the new device: start clean.
  if (!reuse) await clearCryptoStore();
  if (reuse) {
    try {
      const s = await signInThroughControlPlane(cp, { useIndexedDB: true, deviceName, deviceId: reuse.deviceId, revocations });
      if (await deviceIntact(s)) return { session: s, reused: true };
      // Logged out elsewhere (admin, revocation) or its store was wiped: the old device is gone for good.
      await s.client.logout(true).catch(() => {});
    } catch {
      /* the stored device cannot be resumed; a new one follows */
    }
    forgetDevice(storage);
    await clearCryptoStore();
  }
  const s = await signInThroughControlPlane(cp, { useIndexedDB: true, deviceName, revocations });
  writeDevice(storage, { personId, userId: s.userId, deviceId: s.deviceId });
  return { session: s, reused: false };
}

export async function connect(cp: WebControlPlane, o: { storage: Store | null; personId: string; deviceName: string }): Promise<Connection> {
  const { session, reused } = await open(cp, o.storage, o.personId, o.deviceName);
  const timeline = new TimelineStore(session);
  const sync = new SyncHealth(session.client);
  const crypto = session.client.getCrypto()!;
  return {
    session,
    timeline,
    sync,
    async phase() {
      if (!(await crypto.userHasCrossSigningKeys(session.userId, true))) return "needs-setup";
      // A new device cannot be signed yet; a resumed one may just not know it yet.
      return (await signedWithin(session, reused ? 5_000 : 0)) ? "ready" : "needs-restore";
    },
    async setUp() {
      const { recoveryKey } = await firstRun(session, cp);
      session.keys.forget();
      return recoveryKey;
    },
    async restore(recoveryKey) {
      try {
        await restoreFromRecoveryKey(session, recoveryKey.trim());
      } finally {
        // Never kept: a wrong key must not linger for the next try either.
        session.keys.forget();
      }
      if (!(await signedWithin(session, 15_000))) throw new Error("this device is still not signed");
      timeline.retryFailed();
    },
    stop() {
      timeline.stop();
      sync.stop();
      session.stop();
    },
    async forget() {
      timeline.stop();
      sync.stop();
      await withTimeout(session.client.logout(true), 10_000).catch(() => session.stop());
      forgetDevice(o.storage);
      await withTimeout(session.client.clearStores(), 10_000).catch(() => {});
    },
  };
}
