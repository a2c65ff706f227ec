import type { MatrixClient } from "matrix-js-sdk";

/**
 * The one place Enlace reaches past matrix-js-sdk's public CryptoApi, into the Rust OlmMachine that
 * RustCrypto keeps in a private field (`olmMachine`, matrix-js-sdk 43, matrix-sdk-crypto-wasm 18).
 * Two things the public API does not offer:
 *  - `sign(message)`: a signature by this device's Ed25519 key (acknowledgements, ack-signature.ts);
 *  - `getIdentity(userId).masterKey`: the cross-signing master key the Rust crypto holds (and pins)
 *    for a user, the same identity it used to judge that user's devices (trust.ts). A separate
 *    /keys/query could be answered differently by a malicious homeserver.
 * If the SDK changes shape, this throws a clear error instead of silently trusting less or more.
 */
interface RustUserId {
  toString(): string;
  free?(): void;
}
interface RustIdentity {
  readonly masterKey: string;
  free?(): void;
}
interface RustSignatures {
  asJSON(): string;
  free?(): void;
}
interface OlmMachineLike {
  readonly userId: RustUserId;
  sign(message: string): Promise<RustSignatures>;
  getIdentity(userId: RustUserId): Promise<RustIdentity | undefined>;
  getDevice(userId: RustUserId, deviceId: unknown, timeoutSecs?: number): Promise<{ free?(): void } | undefined>;
}

class RustCryptoShapeError extends Error {
  constructor(what: string) {
    super(`matrix-js-sdk's Rust crypto no longer has ${what}: update shared/matrix/rust-crypto.ts for this SDK version`);
    this.name = "RustCryptoShapeError";
  }
}

function olmMachineOf(client: MatrixClient): OlmMachineLike {
  const crypto = client.getCrypto() as unknown as { olmMachine?: Partial<OlmMachineLike> } | undefined;
  if (!crypto) throw new Error("this client has no crypto: call initRustCrypto first");
  const m = crypto.olmMachine;
  if (!m || typeof m.sign !== "function" || typeof m.getIdentity !== "function" || typeof m.getDevice !== "function")
    throw new RustCryptoShapeError("a private olmMachine with sign/getIdentity/getDevice");
  return m as OlmMachineLike;
}

/** A UserId of the machine's own wasm module (its classes must not be mixed across module instances). */
function rustUserId(m: OlmMachineLike, userId: string): RustUserId {
  const UserId = (m.userId as { constructor?: new (id: string) => RustUserId }).constructor;
  if (typeof UserId !== "function") throw new RustCryptoShapeError("a UserId class behind olmMachine.userId");
  return new UserId(userId);
}

/** This device's Ed25519 signature of `message` (unpadded base64), as Matrix signs JSON. */
export async function signWithDeviceKey(client: MatrixClient, message: string): Promise<string> {
  const m = olmMachineOf(client);
  const sigs = await m.sign(message);
  try {
    const all = JSON.parse(sigs.asJSON()) as Record<string, Record<string, string>>;
    const sig = all[client.getUserId()!]?.[`ed25519:${client.getDeviceId()}`];
    if (typeof sig !== "string") throw new RustCryptoShapeError("a device-key signature in OlmMachine.sign's result");
    return sig;
  } finally {
    sigs.free?.();
  }
}

/**
 * The master key (unpadded base64) of the cross-signing identity the Rust crypto holds for a user;
 * null when it holds none. If the user's keys are being fetched, waits up to `waitSecs` for them.
 */
export async function cryptoMasterKey(client: MatrixClient, userId: string, waitSecs = 3): Promise<string | null> {
  const m = olmMachineOf(client);
  let identity = await m.getIdentity(rustUserId(m, userId));
  if (!identity && waitSecs > 0) {
    // Waiting on any device of the user waits for an outstanding /keys/query about them to finish.
    await awaitDevice(client, userId, "ENLACE-PROBE", waitSecs);
    identity = await m.getIdentity(rustUserId(m, userId));
  }
  if (!identity) return null;
  try {
    const parsed = JSON.parse(identity.masterKey) as { keys?: Record<string, string>; user_id?: string };
    if (parsed.user_id !== undefined && parsed.user_id !== userId) return null;
    const keys = Object.values(parsed.keys ?? {});
    return keys.length === 1 && typeof keys[0] === "string" ? keys[0] : null;
  } finally {
    identity.free?.();
  }
}

/** Waits (up to `waitSecs`) for the Rust crypto to know this device of the user, if a key query is under way. */
export async function awaitDevice(client: MatrixClient, userId: string, deviceId: string, waitSecs = 3): Promise<void> {
  const m = olmMachineOf(client);
  const DeviceId = (m as unknown as { deviceId?: { constructor?: new (id: string) => unknown } }).deviceId?.constructor;
  if (typeof DeviceId !== "function") throw new RustCryptoShapeError("a DeviceId class behind olmMachine.deviceId");
  (await m.getDevice(rustUserId(m, userId), new DeviceId(deviceId), waitSecs).catch(() => undefined))?.free?.();
}
