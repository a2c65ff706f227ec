import { DecryptionFailureCode } from "matrix-js-sdk/lib/crypto-api/index.js";

/**
 * Why a message cannot be read yet, in the few terms a person can act on. Only the last two
 * concern the sender; every other state is about keys, and must never be shown as the sender's
 * fault nor as "invalid content".
 */
export type DecryptionState =
  /** The key has not reached this device (yet): it usually arrives by itself. */
  | "waiting-for-key"
  /** Sent before this person joined the room, and the room's history was not shared with them. */
  | "before-joined"
  /** Sent before this device was set up, and no key backup holds the key. */
  | "before-device"
  /** Sent before this device was set up; a key backup exists but this device cannot open it. */
  | "backup-locked"
  /** The sender's device decided not to share the key with this device. */
  | "withheld"
  /** The sender's device did not share the key because this device was not verified at the time. */
  | "this-device-unverified"
  /** The sender's device is not cross-signed by its owner (or unknown): refused on purpose. */
  | "sender-device-unverified"
  /** The sender's identity changed since it was last verified. */
  | "sender-identity-changed"
  | "unknown";

export interface DecryptionFailure {
  state: DecryptionState;
  /** The SDK's code, for a "technical details" line only: never the main text, never translated. */
  code: string;
  /** True when this state can change by itself (a key may still arrive): the card says so. */
  mayResolve: boolean;
}

const STATES: Record<DecryptionFailureCode, DecryptionState> = {
  [DecryptionFailureCode.MEGOLM_UNKNOWN_INBOUND_SESSION_ID]: "waiting-for-key",
  // A later ratchet index than the message: the key we hold starts after it, another copy may still come.
  [DecryptionFailureCode.OLM_UNKNOWN_MESSAGE_INDEX]: "waiting-for-key",
  // The backup is usable and still being searched, or lacks the key for now (the sender's device may upload it).
  [DecryptionFailureCode.HISTORICAL_MESSAGE_WORKING_BACKUP]: "waiting-for-key",
  [DecryptionFailureCode.MEGOLM_KEY_WITHHELD]: "withheld",
  [DecryptionFailureCode.MEGOLM_KEY_WITHHELD_FOR_UNVERIFIED_DEVICE]: "this-device-unverified",
  [DecryptionFailureCode.HISTORICAL_MESSAGE_NO_KEY_BACKUP]: "before-device",
  [DecryptionFailureCode.HISTORICAL_MESSAGE_BACKUP_UNCONFIGURED]: "backup-locked",
  [DecryptionFailureCode.HISTORICAL_MESSAGE_USER_NOT_JOINED]: "before-joined",
  [DecryptionFailureCode.SENDER_IDENTITY_PREVIOUSLY_VERIFIED]: "sender-identity-changed",
  [DecryptionFailureCode.UNSIGNED_SENDER_DEVICE]: "sender-device-unverified",
  [DecryptionFailureCode.UNKNOWN_SENDER_DEVICE]: "sender-device-unverified",
  [DecryptionFailureCode.UNKNOWN_ERROR]: "unknown",
};

/**
 * States that a key arriving later resolves (the SDK then re-emits Decrypted and the card is read
 * again). Being away, joining later or a locked backup can also resolve — a rehydrated device, a
 * history share, a restore — so only refusals about the sender are final.
 */
const FINAL: ReadonlySet<DecryptionState> = new Set(["sender-device-unverified", "sender-identity-changed"]);

/** Pure: the SDK's failure code (null or unknown strings included) as an Enlace state. */
export function decryptionState(code: string | null | undefined): DecryptionFailure {
  const known = code && Object.hasOwn(STATES, code) ? STATES[code as DecryptionFailureCode] : undefined;
  const state = known ?? (code ? "unknown" : "waiting-for-key");
  return { state, code: code ?? "NO_KEY", mayResolve: !FINAL.has(state) };
}

/** Only these put the sender in question; every other state is about keys, not about who sent it. */
export function concernsSender(state: DecryptionState): boolean {
  return state === "sender-device-unverified" || state === "sender-identity-changed";
}
