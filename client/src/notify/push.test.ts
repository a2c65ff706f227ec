import { describe, expect, it } from "vitest";
import { applicationServerKey } from "./push.js";

describe("VAPID key", () => {
  it("turns the contract's base64url (no padding) into the 65 bytes of an uncompressed P-256 point", () => {
    const raw = new Uint8Array(65).map((_, i) => (i === 0 ? 4 : (i * 37) % 256));
    const b64url = Buffer.from(raw).toString("base64url");
    expect(b64url).not.toContain("=");
    expect([...applicationServerKey(b64url)]).toEqual([...raw]);
  });
});
