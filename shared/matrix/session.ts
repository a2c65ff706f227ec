import { createClient, ClientEvent, SyncState, type MatrixClient, type ICreateClientOpts } from "matrix-js-sdk";
import { OnlySignedDevicesIsolationMode } from "matrix-js-sdk/lib/crypto-api/index.js";
import { logger as sdkLogger, type Logger } from "matrix-js-sdk/lib/logger.js";
import type { z } from "zod";
import type { ControlPlaneClient } from "./control-plane.js";
import type { MatrixSessionResult } from "../api/matrix.js";
import { SecretStorageKeyHolder } from "./secret-storage.js";
import { registryOf, type RegistryLookup } from "./registry.js";
import { memoryRevocationStore, type RevocationStore } from "../credentials/revocation-status.js";
import { primeRevocations, watchRevocations } from "./revocation-watch.js";
import { LOGIN_GRANT_TYPE } from "../api/matrix.js";
import { answerInvites } from "./invites.js";
import { acceptSharedHistory } from "./history-share.js";
import { classifySessionError, InitialSyncTimeout } from "./session-errors.js";

export interface EnlaceSession {
  client: MatrixClient;
  userId: string;
  deviceId: string;
  secretariatKeys: string[];
  keys: SecretStorageKeyHolder;
  /** The registry, when signed in through the control plane: expertise requests are checked against it. */
  registry?: RegistryLookup;
  /** The highest signed revocation list seen, per Secretariat key: an older one in the Space is refused. */
  revocations: RevocationStore;
  /** The reader's clock for revocation-list freshness (tests move it). */
  now?: () => Date;
  stop(): void;
}

export interface OpenOptions {
  baseUrl: string;
  userId: string;
  deviceId: string;
  accessToken: string;
  secretariatKeys: string[];
  registry?: RegistryLookup;
  /** The registry bot (from the control plane): its invites to managed rooms are accepted, others declined. */
  registryBot?: string | null;
  /** Default 60 s; a heavily loaded homeserver (benchmarks with hundreds of clients) needs longer. */
  initialSyncTimeoutMs?: number;
  /**
   * Members loaded when needed rather than in the initial sync (smaller syncs in big rooms). Clients
   * that encrypt load a room's members before sharing its key, so this is safe for senders too.
   */
  lazyLoadMembers?: boolean;
  /** Browser: persistent IndexedDB crypto store. Node: an IndexedDB shim the caller provides (server/cli/crypto-store.ts). */
  useIndexedDB?: boolean;
  /** The crypto store's IndexedDB name prefix (one per person in a browser; the SDK's default otherwise). */
  cryptoDatabasePrefix?: string;
  quiet?: boolean;
  /** Where the revocation high-water mark is kept (default: memory, for this session only). */
  revocations?: RevocationStore;
}

let quieted = false;
// Only errors from the SDK: its info/debug output includes room and event identifiers we keep out of logs.
export const quietLogger: Logger = {
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (...m: unknown[]) => console.error("[matrix]", ...m.map((x) => (x instanceof Error ? x.message : typeof x === "string" ? x : ""))),
  getChild: () => quietLogger,
};

/**
 * The SDK's global logger (used by parts that do not take the client's logger, such as MatrixRTC)
 * sets every child logger to DEBUG when it is created, so a level alone does not hold: children
 * copy their parent's method factory, and ours drops everything below "error".
 */
function quietSdkLogger() {
  type LogLevelish = { methodFactory: (m: string, l: unknown, n: unknown) => (...a: unknown[]) => void; rebuild?: () => void; setLevel?: (l: string) => void };
  const root = sdkLogger as unknown as LogLevelish;
  const original = root.methodFactory;
  if (typeof original !== "function") {
    root.setLevel?.("error");
    return;
  }
  root.methodFactory = (method, level, name) => (method === "error" ? original(method, level, name) : () => {});
  root.rebuild?.();
}

/**
 * A started matrix-js-sdk client with Rust crypto. Room keys go only to devices their owner has
 * cross-signed, and events from devices that are not are refused (OnlySignedDevicesIsolationMode).
 */
export async function openSession(o: OpenOptions): Promise<EnlaceSession> {
  if (o.quiet !== false && !quieted) {
    quietSdkLogger();
    quieted = true;
  }
  const keys = new SecretStorageKeyHolder();
  const opts: ICreateClientOpts = {
    baseUrl: o.baseUrl,
    userId: o.userId,
    deviceId: o.deviceId,
    accessToken: o.accessToken,
    cryptoCallbacks: keys.callbacks(),
    ...(o.quiet !== false ? { logger: quietLogger } : {}),
  };
  const client = createClient(opts);
  await client.initRustCrypto({ useIndexedDB: o.useIndexedDB ?? false, ...(o.cryptoDatabasePrefix ? { cryptoDatabasePrefix: o.cryptoDatabasePrefix } : {}) });
  client.getCrypto()!.setDeviceIsolationMode(new OnlySignedDevicesIsolationMode());
  // Before the first sync: a room-key bundle for someone approved later may be waiting in it.
  const history = acceptSharedHistory(client);
  const waitMs = o.initialSyncTimeoutMs ?? 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    // Sync errors before the first success are retried by the SDK; only the deadline ends the wait.
    const onSync = (state: SyncState) => {
      if (state === SyncState.Prepared || state === SyncState.Syncing) {
        client.off(ClientEvent.Sync, onSync);
        resolve();
      }
    };
    client.on(ClientEvent.Sync, onSync);
    timer = setTimeout(() => {
      client.off(ClientEvent.Sync, onSync);
      reject(new InitialSyncTimeout(waitMs / 1000));
    }, waitMs);
  });
  try {
    await client.startClient({ initialSyncLimit: 30, lazyLoadMembers: o.lazyLoadMembers ?? false });
    await ready;
  } catch (err) {
    history.stop();
    client.stopClient();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  const revocations = o.revocations ?? memoryRevocationStore();
  const unwatch = watchRevocations(client, { pinnedKeys: o.secretariatKeys, store: revocations });
  const stopInvites = o.registryBot ? answerInvites(client, o.registryBot) : () => {};
  const session: EnlaceSession = {
    client,
    userId: o.userId,
    deviceId: o.deviceId,
    secretariatKeys: o.secretariatKeys,
    keys,
    registry: o.registry,
    revocations,
    stop: () => {
      unwatch();
      stopInvites();
      history.stop();
      client.stopClient();
    },
  };
  history.start(session);
  return session;
}

/** What signing in needs from the control plane: structural, so the web app can answer it over its cookie session. */
export type SessionSource = Pick<ControlPlaneClient, "matrixSession" | "majorEvent"> & Partial<Pick<ControlPlaneClient, "revocations">>;

/** Signs in to the homeserver with the control plane's short-lived token: no second password. */
export async function signInThroughControlPlane(
  cp: SessionSource,
  o: { deviceName?: string; useIndexedDB?: boolean; deviceId?: string; revocations?: RevocationStore } = {},
): Promise<EnlaceSession> {
  const session = await openSession({ ...(await loginThroughControlPlane(cp, o)), useIndexedDB: o.useIndexedDB, revocations: o.revocations });
  if (cp.revocations) await primeRevocations(cp as { revocations(): Promise<unknown> }, { pinnedKeys: session.secretariatKeys, store: session.revocations });
  return session;
}

/**
 * The /login body for a control-plane grant: our homeserver's own login type, naming the account
 * the grant is for. The homeserver redeems a grant once; a failed login needs a new grant.
 */
export function grantLoginBody(grant: Pick<z.output<typeof MatrixSessionResult>, "userId" | "loginToken">, o: { deviceName?: string; deviceId?: string } = {}) {
  return {
    type: LOGIN_GRANT_TYPE,
    identifier: { type: "m.id.user", user: grant.userId },
    token: grant.loginToken,
    initial_device_display_name: o.deviceName ?? "Enlace",
    ...(o.deviceId ? { device_id: o.deviceId } : {}),
    // Our login type is not in matrix-js-sdk's LoginRequest union.
  } as unknown as Parameters<MatrixClient["loginRequest"]>[0];
}

/** The homeserver login alone (a new device and its access token), without starting a client. */
export async function loginThroughControlPlane(cp: SessionSource, o: { deviceName?: string; deviceId?: string } = {}): Promise<OpenOptions> {
  const grant = await cp.matrixSession();
  const login = createClient({ baseUrl: grant.homeserverUrl, logger: quietLogger });
  // No retry with the same grant: it is spent by the first /login that reaches the homeserver.
  const r = await login.loginRequest(grantLoginBody(grant, o));
  return {
    baseUrl: grant.homeserverUrl,
    userId: r.user_id,
    deviceId: r.device_id,
    accessToken: r.access_token,
    secretariatKeys: [grant.secretariatKey],
    registryBot: grant.registryBot,
    registry: registryOf(cp),
  };
}

/** What a client keeps of its device between runs: enough to resume without a new login. */
export interface StoredDevice {
  homeserverUrl: string;
  userId: string;
  deviceId: string;
  accessToken: string;
}

/** Where a device is kept (browser: localStorage per person; CLI: a 0600 file in the data dir). */
export interface DeviceKeeper {
  read(): StoredDevice | null | Promise<StoredDevice | null>;
  write(d: StoredDevice): void | Promise<void>;
  /** Forgets the device: its record and its local crypto store. Only for a device the homeserver confirms gone. */
  forget(): Promise<void>;
}

/** kept: the device this client had; new: none was kept; replaced: the kept one was deleted on the homeserver. */
export type DeviceOrigin = "kept" | "new" | "replaced";

export type ResumeSource = SessionSource & { secretariatKey(): Promise<{ publicKey: string }> };

/** The homeserver still has this device with the identity key our store holds. */
async function deviceIntact(s: EnlaceSession): Promise<boolean> {
  const own = await s.client.getCrypto()!.getOwnDeviceKeys();
  const r = (await s.client.downloadKeysForUsers([s.userId])) as { device_keys?: Record<string, Record<string, { keys?: Record<string, string> }>> };
  return r.device_keys?.[s.userId]?.[s.deviceId]?.keys?.[`ed25519:${s.deviceId}`] === own.ed25519;
}

const stored = (o: OpenOptions): StoredDevice => ({ homeserverUrl: o.baseUrl, userId: o.userId, deviceId: o.deviceId, accessToken: o.accessToken });

/** The kept access token, if the homeserver still takes it for this very device; throws on anything but "token gone". */
async function tokenStillWorks(d: StoredDevice): Promise<boolean> {
  const probe = createClient({ baseUrl: d.homeserverUrl, userId: d.userId, accessToken: d.accessToken, logger: quietLogger });
  try {
    const who = await probe.whoami();
    return who.user_id === d.userId && who.device_id === d.deviceId;
  } catch (err) {
    if (classifySessionError(err).kind === "token-gone") return false;
    throw err;
  }
}

/**
 * Opens the kept device with its kept access token: no login, so reloads and repeated runs never
 * meet the homeserver's login limit. Signs in again (a new control-plane grant, the same device
 * id) only when the homeserver says the token is gone, and makes a new device only when the
 * homeserver no longer has this one with our keys. Rate limits, timeouts and network errors are
 * thrown unchanged for the caller to wait and retry: they never cost the device or its keys.
 */
export async function resumeOrSignIn(
  cp: ResumeSource,
  o: { devices: DeviceKeeper; deviceName: string; useIndexedDB?: boolean; cryptoDatabasePrefix?: string; revocations?: RevocationStore },
): Promise<{ session: EnlaceSession; device: DeviceOrigin }> {
  const open = async (creds: OpenOptions) => {
    const session = await openSession({ ...creds, useIndexedDB: o.useIndexedDB, cryptoDatabasePrefix: o.cryptoDatabasePrefix, revocations: o.revocations });
    try {
      if (cp.revocations)
        await primeRevocations(cp as { revocations(): Promise<unknown> }, { pinnedKeys: session.secretariatKeys, store: session.revocations });
    } catch (err) {
      session.stop();
      throw err;
    }
    return session;
  };
  let replaced = false;
  const kept = await o.devices.read();
  if (kept) {
    const creds: OpenOptions = (await tokenStillWorks(kept))
      ? {
          baseUrl: kept.homeserverUrl,
          userId: kept.userId,
          deviceId: kept.deviceId,
          accessToken: kept.accessToken,
          secretariatKeys: [(await cp.secretariatKey()).publicKey],
          registry: registryOf(cp),
        }
      : await loginThroughControlPlane(cp, { deviceName: o.deviceName, deviceId: kept.deviceId });
    await o.devices.write(stored(creds));
    const session = await open(creds);
    let intact: boolean;
    try {
      intact = await deviceIntact(session);
    } catch (err) {
      session.stop();
      throw err;
    }
    if (intact) return { session, device: "kept" };
    // Deleted on the homeserver (signed out elsewhere, removed by an administrator): a login with its
    // id made an empty device of the same name. Only now are the device and its keys let go.
    await session.client.logout(true).catch(() => session.stop());
    await o.devices.forget();
    replaced = true;
  } else {
    // Whatever an earlier device left in this store cannot belong to a new one.
    await o.devices.forget();
  }
  const creds = await loginThroughControlPlane(cp, { deviceName: o.deviceName });
  await o.devices.write(stored(creds));
  return { session: await open(creds), device: replaced ? "replaced" : "new" };
}
