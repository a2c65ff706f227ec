// Loaded on demand after control-plane sign-in: everything that pulls in matrix-js-sdk and the
// Rust crypto bindings stays out of the bundle a signed-out visitor downloads.
import { createClient, HttpApiEvent } from "matrix-js-sdk";
import { quietLogger, resumeOrSignIn, type EnlaceSession } from "#shared/matrix/session.js";
import { firstRun, restoreFromRecoveryKey, isCrossSigned } from "#shared/matrix/first-run.js";
import { resumeDehydration } from "#shared/matrix/dehydration.js";
import { changeRecoveryKey, holdsEverySecret, newRecoveryKey, type NewRecoveryKey } from "#shared/matrix/recovery-change.js";
import { browserDeviceKeeper, cryptoPrefixOf } from "./device-record.js";
import { TimelineStore } from "./timeline.js";
import { SyncHealth } from "./sync-health.js";
import type { Api } from "../api/client.js";

/** The control-plane calls shared/matrix needs, answered by the web app's one API module (cookie session). */
type WebControlPlane = Pick<
  Api,
  "matrixSession" | "secretariatKey" | "majorEvent" | "registerMasterKey" | "reserveAdvisoryNumber" | "countersignAdvisory" | "revocations"
>;
import { webRevocationStore } from "./revocation-store.js";

type Phase = "needs-setup" | "needs-restore" | "ready";
type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface Connection {
  session: EnlaceSession;
  /** The homeserver had deleted this browser's device (signed out elsewhere, by an administrator): this is a new one. */
  replaced: boolean;
  timeline: TimelineStore;
  sync: SyncHealth;
  phase(): Promise<Phase>;
  setUp(): Promise<string>;
  restore(recoveryKey: string): Promise<void>;
  /** Changing the recovery key (recovery-change.ts): whether this device can do it without the current key. */
  holdsEverySecret(): Promise<boolean>;
  newRecoveryKey(): Promise<NewRecoveryKey>;
  changeRecoveryKey(next: NewRecoveryKey, currentKey?: string): Promise<void>;
  /** Stops syncing; the device and its keys stay for the next sign-in in this browser. */
  stop(): void;
  /** Explicit sign-out: logs the device out on the homeserver and deletes its local crypto store. */
  forget(): Promise<void>;
}

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms))]);

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

/**
 * Explicit sign-out before the device was opened (while reconnecting, say): the kept device is
 * logged out on the homeserver if it can be reached, and its record and keys leave this browser
 * either way. A token left on a homeserver that could not be reached dies with the device's removal
 * by the person or the Secretariat; it is no longer in this browser.
 */
export async function forgetKeptDevice(storage: Store | null, personId: string) {
  const devices = browserDeviceKeeper(storage, personId);
  const kept = await devices.read();
  if (kept) {
    const client = createClient({ baseUrl: kept.homeserverUrl, userId: kept.userId, accessToken: kept.accessToken, logger: quietLogger });
    await withTimeout(client.logout(), 10_000).catch(() => {});
  }
  await devices.forget();
}

/**
 * Opens this person's device in this browser: the kept one with its kept token when there is one
 * (see resumeOrSignIn). `onTokenGone` is called if the homeserver drops the token while running (the
 * provider then opens again, which signs in to the same device).
 */
export async function connect(
  cp: WebControlPlane,
  o: { storage: Store | null; personId: string; deviceName: string; onTokenGone(): void },
): Promise<Connection> {
  const devices = browserDeviceKeeper(o.storage, o.personId);
  const { session, device } = await resumeOrSignIn(cp, {
    devices,
    deviceName: o.deviceName,
    useIndexedDB: true,
    cryptoDatabasePrefix: cryptoPrefixOf(o.personId),
    revocations: webRevocationStore(o.storage, o.personId),
  });
  session.client.on(HttpApiEvent.SessionLoggedOut, o.onTokenGone);
  const reused = device === "kept";
  // A device that set dehydration up replaces the person's dehydrated device at each start (and
  // weekly while it runs), so the one left behind when this browser closes is fresh. In the
  // background: nothing on screen waits for it, and a failure only leaves the previous one in place.
  if (reused) void resumeDehydration(session).catch((e) => console.error("[dehydration]", e instanceof Error ? e.message : e));
  const timeline = new TimelineStore(session);
  const sync = new SyncHealth(session.client);
  const crypto = session.client.getCrypto()!;
  return {
    session,
    replaced: device === "replaced",
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
    holdsEverySecret: () => holdsEverySecret(session),
    newRecoveryKey: () => newRecoveryKey(session),
    changeRecoveryKey: (next, currentKey) => changeRecoveryKey(session, next, currentKey ? { currentKey } : {}),
    stop() {
      session.client.off(HttpApiEvent.SessionLoggedOut, o.onTokenGone);
      timeline.stop();
      sync.stop();
      session.stop();
    },
    async forget() {
      session.client.off(HttpApiEvent.SessionLoggedOut, o.onTokenGone);
      timeline.stop();
      sync.stop();
      await withTimeout(session.client.logout(true), 10_000).catch(() => session.stop());
      await devices.forget();
    },
  };
}
