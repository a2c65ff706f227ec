import { describe, it, expect } from "vitest";
import { generateSigningKeyPair, signCanonical, verifyCanonical, publicKeyOf } from "./sign.js";
import { canonicalJson } from "./canonical.js";

describe("canonical signatures", () => {
  it("verifies regardless of key order and fails on any change", async () => {
    const kp = await generateSigningKeyPair();
    expect(await publicKeyOf(kp.secretKey)).toBe(kp.publicKey);
    const sig = await signCanonical(kp.secretKey, { b: 1, a: "x" });
    expect(await verifyCanonical(kp.publicKey, { a: "x", b: 1 }, sig)).toBe(true);
    expect(await verifyCanonical(kp.publicKey, { a: "y", b: 1 }, sig)).toBe(false);
    expect(await verifyCanonical(kp.publicKey, { a: "x", b: 1 }, "not-base64!")).toBe(false);
    const other = await generateSigningKeyPair();
    expect(await verifyCanonical(other.publicKey, { a: "x", b: 1 }, sig)).toBe(false);
  });
  it("is RFC 8785 canonical", () => {
    expect(canonicalJson({ z: [3, { y: 1, x: 2 }], a: null })).toBe('{"a":null,"z":[3,{"x":2,"y":1}]}');
  });
});
