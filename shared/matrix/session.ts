import { createClient, ClientEvent, SyncState, type MatrixClient, type ICreateClientOpts } from "matrix-js-sdk";
import { OnlySignedDevicesIsolationMode } from "matrix-js-sdk/lib/crypto-api/index.js";
import { logger as sdkLogger, type Logger } from "matrix-js-sdk/lib/logger.js";
import type { ControlPlaneClient } from "./control-plane.js";
import { SecretStorageKeyHolder } from "./secret-storage.js";

export interface EnlaceSession {
  client: MatrixClient;
  userId: string;
  deviceId: string;
  secretariatKeys: string[];
  keys: SecretStorageKeyHolder;
  stop(): void;
}

export interface OpenOptions {
  baseUrl: string;
  userId: string;
  deviceId: string;
  accessToken: string;
  secretariatKeys: string[];
  /** Browser: persistent IndexedDB crypto store. Node: in-memory (each run is a new device). */
  useIndexedDB?: boolean;
  quiet?: boolean;
}

let quieted = false;
// Only errors from the SDK: its info/debug output includes room and event identifiers we keep out of logs.
export const quietLogger: Logger = {
  trace: () => {}, debug: () => {}, info: () => {}, warn: () => {},
  error: (...m: unknown[]) => console.error("[matrix]", ...m.map((x) => (x instanceof Error ? x.message : typeof x === "string" ? x : ""))),
  getChild: () => quietLogger,
};

/**
 * A started matrix-js-sdk client with Rust crypto. Room keys go only to devices their owner has
 * cross-signed, and events from devices that are not are refused (OnlySignedDevicesIsolationMode).
 */
export async function openSession(o: OpenOptions): Promise<EnlaceSession> {
  if (o.quiet !== false && !quieted) { (sdkLogger as unknown as { setLevel?: (l: string) => void }).setLevel?.("error"); quieted = true; }
  const keys = new SecretStorageKeyHolder();
  const opts: ICreateClientOpts = {
    baseUrl: o.baseUrl, userId: o.userId, deviceId: o.deviceId, accessToken: o.accessToken,
    cryptoCallbacks: keys.callbacks(),
    ...(o.quiet !== false ? { logger: quietLogger } : {}),
  };
  const client = createClient(opts);
  await client.initRustCrypto({ useIndexedDB: o.useIndexedDB ?? false });
  client.getCrypto()!.setDeviceIsolationMode(new OnlySignedDevicesIsolationMode());
  const ready = new Promise<void>((resolve, reject) => {
    const onSync = (state: SyncState) => {
      if (state === SyncState.Prepared || state === SyncState.Syncing) { client.off(ClientEvent.Sync, onSync); resolve(); }
      if (state === SyncState.Error && !client.isInitialSyncComplete()) { /* retried by the SDK */ }
    };
    client.on(ClientEvent.Sync, onSync);
    setTimeout(() => reject(new Error("initial sync did not complete within 60 s")), 60_000).unref?.();
  });
  await client.startClient({ initialSyncLimit: 30 });
  await ready;
  return { client, userId: o.userId, deviceId: o.deviceId, secretariatKeys: o.secretariatKeys, keys, stop: () => client.stopClient() };
}

/** Signs in to the homeserver with the control plane's short-lived token: no second password. */
export async function signInThroughControlPlane(cp: ControlPlaneClient, o: { deviceName?: string; useIndexedDB?: boolean; deviceId?: string } = {}): Promise<EnlaceSession> {
  const grant = await cp.matrixSession();
  const login = createClient({ baseUrl: grant.homeserverUrl, logger: quietLogger });
  const body = { type: "org.matrix.login.jwt", token: grant.loginToken, initial_device_display_name: o.deviceName ?? "Enlace", ...(o.deviceId ? { device_id: o.deviceId } : {}) } as any;
  // The first JWT login creates the account; if the registry bot created it at the same moment, try once more.
  const r = await login.loginRequest(body).catch(async (err) => {
    if ((err as { errcode?: string }).errcode !== "M_USER_IN_USE") throw err;
    return login.loginRequest(body);
  });
  return openSession({ baseUrl: grant.homeserverUrl, userId: r.user_id, deviceId: r.device_id, accessToken: r.access_token, secretariatKeys: [grant.secretariatKey], useIndexedDB: o.useIndexedDB });
}
