import { describe, expect, it } from "vitest";
import { DecryptionFailureCode } from "matrix-js-sdk/lib/crypto-api/index.js";
import { concernsSender, decryptionState } from "./decryption-state.js";
import { en } from "../../client/src/i18n/locales/en/index.js";

describe("decryptionState", () => {
  it("names the path, never the sender, for a key that is missing", () => {
    expect(decryptionState(DecryptionFailureCode.MEGOLM_UNKNOWN_INBOUND_SESSION_ID).state).toBe("waiting-for-key");
    expect(decryptionState(DecryptionFailureCode.OLM_UNKNOWN_MESSAGE_INDEX).state).toBe("waiting-for-key");
    expect(decryptionState(DecryptionFailureCode.HISTORICAL_MESSAGE_WORKING_BACKUP).state).toBe("waiting-for-key");
    expect(decryptionState(DecryptionFailureCode.HISTORICAL_MESSAGE_USER_NOT_JOINED).state).toBe("before-joined");
    expect(decryptionState(DecryptionFailureCode.HISTORICAL_MESSAGE_NO_KEY_BACKUP).state).toBe("before-device");
    expect(decryptionState(DecryptionFailureCode.HISTORICAL_MESSAGE_BACKUP_UNCONFIGURED).state).toBe("backup-locked");
    expect(decryptionState(DecryptionFailureCode.MEGOLM_KEY_WITHHELD).state).toBe("withheld");
    expect(decryptionState(DecryptionFailureCode.MEGOLM_KEY_WITHHELD_FOR_UNVERIFIED_DEVICE).state).toBe("this-device-unverified");
  });

  it("puts the sender in question only for the sender's own device or identity", () => {
    const aboutSender = Object.values(DecryptionFailureCode).filter((c) => concernsSender(decryptionState(c).state));
    expect(aboutSender.sort()).toEqual(
      [
        DecryptionFailureCode.SENDER_IDENTITY_PREVIOUSLY_VERIFIED,
        DecryptionFailureCode.UNKNOWN_SENDER_DEVICE,
        DecryptionFailureCode.UNSIGNED_SENDER_DEVICE,
      ].sort(),
    );
  });

  it("maps every code the SDK has, so a new SDK code is a failing test rather than a blank card", () => {
    for (const code of Object.values(DecryptionFailureCode)) expect(decryptionState(code).code).toBe(code);
    expect(Object.values(DecryptionFailureCode).map((c) => decryptionState(c).state)).not.toContain(undefined);
  });

  it("turns an unknown or missing code into a state, never a raw string", () => {
    expect(decryptionState("SOMETHING_NEW")).toEqual({ state: "unknown", code: "SOMETHING_NEW", mayResolve: true });
    expect(decryptionState(null)).toEqual({ state: "waiting-for-key", code: "NO_KEY", mayResolve: true });
    expect(decryptionState("__proto__").state).toBe("unknown");
  });

  it("keeps waiting (and retrying) for every key problem; only refusals about the sender are final", () => {
    expect(decryptionState(DecryptionFailureCode.HISTORICAL_MESSAGE_NO_KEY_BACKUP).mayResolve).toBe(true);
    expect(decryptionState(DecryptionFailureCode.MEGOLM_UNKNOWN_INBOUND_SESSION_ID).mayResolve).toBe(true);
    expect(decryptionState(DecryptionFailureCode.UNSIGNED_SENDER_DEVICE).mayResolve).toBe(false);
  });

  it("has a translated text for every state", () => {
    for (const code of [...Object.values(DecryptionFailureCode), "X", null]) expect(en.decryption.state[decryptionState(code).state]).toMatch(/\w/);
  });
});
