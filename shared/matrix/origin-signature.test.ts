import { describe, expect, it } from "vitest";
import { originSigningPayload } from "./origin-signature.js";

const facts = {
  roomId: "!r:x",
  userId: "@a:x",
  deviceId: "DEV",
  eventType: "m.room.message",
  content: { body: "b", n: 1.5, "org.oas.enlace.alert": { z: 1, a: 2 } },
};

describe("originSigningPayload", () => {
  it("is canonical: the same facts in any key order give the same bytes", () => {
    const reordered = { ...facts, content: { "org.oas.enlace.alert": { a: 2, z: 1 }, n: 1.5, body: "b" } };
    expect(originSigningPayload(reordered)).toBe(originSigningPayload(facts));
  });

  it("names the room, sender, device and event type, so a signed message cannot be moved or re-attributed", () => {
    const base = originSigningPayload(facts);
    for (const change of [{ roomId: "!other:x" }, { userId: "@b:x" }, { deviceId: "OTHER" }, { eventType: "m.notice" }, { content: { body: "c" } }])
      expect(originSigningPayload({ ...facts, ...change })).not.toBe(base);
  });

  it("is domain-separated from every other Enlace signature", () => {
    expect(JSON.parse(originSigningPayload(facts)).type).toBe("org.oas.enlace.origin");
  });
});
