import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeRecoveryKey as encodeMatrixRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import { decodeRecoveryKey, encodeRecoveryKey, MalformedRecoveryKey } from "./recovery-key.js";

describe("recovery key encoding", () => {
  const key = new Uint8Array(randomBytes(32));
  const shown = encodeRecoveryKey(key);

  it("is 14 groups of 4 Crockford symbols", () => {
    expect(shown).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}( [0-9A-HJKMNP-TV-Z]{4}){13}$/);
  });

  it("reads back whatever the case and spacing, and Crockford's look-alikes", () => {
    expect(decodeRecoveryKey(shown)).toEqual(key);
    expect(decodeRecoveryKey(shown.toLowerCase().replace(/ /g, ""))).toEqual(key);
    expect(decodeRecoveryKey(`  ${shown.replace(/ /g, "-")}\n`)).toEqual(key);
    expect(
      decodeRecoveryKey(
        shown
          .replace(/ /g, "")
          .match(/.{1,7}/g)!
          .join("\n"),
      ),
    ).toEqual(key);
    expect(decodeRecoveryKey(shown.replace(/0/g, "o").replace(/1/g, "l"))).toEqual(key);
  });

  it("still reads the SDK's base58 keys shown before", () => {
    const old = encodeMatrixRecoveryKey(key)!;
    expect(decodeRecoveryKey(old)).toEqual(key);
    expect(decodeRecoveryKey(old.replace(/ /g, ""))).toEqual(key);
  });

  it("refuses a changed, swapped, missing or extra symbol as malformed", () => {
    const compact = shown.replace(/ /g, "");
    for (let i = 0; i < compact.length; i++) {
      const other = compact[i] === "A" ? "B" : "A";
      expect(() => decodeRecoveryKey(compact.slice(0, i) + other + compact.slice(i + 1))).toThrow(MalformedRecoveryKey);
      if (compact[i] !== compact[i + 1] && i + 1 < compact.length) {
        expect(() => decodeRecoveryKey(compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2))).toThrow(MalformedRecoveryKey);
      }
    }
    expect(() => decodeRecoveryKey(compact.slice(1))).toThrow(MalformedRecoveryKey);
    expect(() => decodeRecoveryKey(`${compact}A`)).toThrow(MalformedRecoveryKey);
    expect(() => decodeRecoveryKey(compact.replace(/.$/, "U"))).toThrow(MalformedRecoveryKey);
    expect(() => decodeRecoveryKey("")).toThrow(MalformedRecoveryKey);
    const old = encodeMatrixRecoveryKey(key)!;
    expect(() => decodeRecoveryKey(old.slice(0, -1) + (old.endsWith("a") ? "b" : "a"))).toThrow(MalformedRecoveryKey);
  });
});
