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
  /** Default 60 s; a heavily loaded homeserver (benchmarks with hundreds of clients) needs longer. */
  initialSyncTimeoutMs?: number;
  /**
   * Members loaded when needed rather than in the initial sync (smaller syncs in big rooms). Clients
   * that encrypt load a room's members before sharing its key, so this is safe for senders too.
   */
  lazyLoadMembers?: boolean;
  /** Browser: persistent IndexedDB crypto store. Node: in-memory (each run is a new device). */
  useIndexedDB?: boolean;
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
  await client.initRustCrypto({ useIndexedDB: o.useIndexedDB ?? false });
  client.getCrypto()!.setDeviceIsolationMode(new OnlySignedDevicesIsolationMode());
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
      reject(new Error(`initial sync did not complete within ${waitMs / 1000} s`));
    }, waitMs);
  });
  try {
    await client.startClient({ initialSyncLimit: 30, lazyLoadMembers: o.lazyLoadMembers ?? false });
    await ready;
  } catch (err) {
    client.stopClient();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  const revocations = o.revocations ?? memoryRevocationStore();
  const unwatch = watchRevocations(client, { pinnedKeys: o.secretariatKeys, store: revocations });
  return {
    client,
    userId: o.userId,
    deviceId: o.deviceId,
    secretariatKeys: o.secretariatKeys,
    keys,
    registry: o.registry,
    revocations,
    stop: () => {
      unwatch();
      client.stopClient();
    },
  };
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
    registry: registryOf(cp),
  };
}
