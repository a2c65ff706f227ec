import { describe, expect, it } from "vitest";
import { ackSignatureVerifies } from "./ack-signature.js";
import { ackSigningPayload, buildAckContent, AckContent } from "../content/ack.js";
import { generateSigningKeyPair, signBytes } from "../crypto/sign.js";

const facts = { roomId: "!adv:enlace.test", advisoryEventId: "$advisory1", userId: "@focal.cl:enlace.test", deviceId: "DEVICEA" };
const sign = (secretKey: string, f = facts) => signBytes(secretKey, new TextEncoder().encode(ackSigningPayload(f)));

describe("acknowledgement device signatures", () => {
  it("a signature by the device's key over this room, advisory, person and device verifies", async () => {
    const device = await generateSigningKeyPair();
    expect(await ackSignatureVerifies(facts, await sign(device.secretKey), device.publicKey)).toBe(true);
  });

  it("is bound to the advisory: a signature copied from another advisory's ack does not verify", async () => {
    const device = await generateSigningKeyPair();
    const other = await sign(device.secretKey, { ...facts, advisoryEventId: "$advisory2" });
    expect(await ackSignatureVerifies(facts, other, device.publicKey)).toBe(false);
  });

  it("is bound to the room, the person and the device", async () => {
    const device = await generateSigningKeyPair();
    const sig = await sign(device.secretKey);
    expect(await ackSignatureVerifies({ ...facts, roomId: "!other:enlace.test" }, sig, device.publicKey)).toBe(false);
    expect(await ackSignatureVerifies({ ...facts, userId: "@focal.jm:enlace.test" }, sig, device.publicKey)).toBe(false);
    expect(await ackSignatureVerifies({ ...facts, deviceId: "DEVICEB" }, sig, device.publicKey)).toBe(false);
  });

  it("a signature by another key (another device, an attacker's) does not verify", async () => {
    const [device, attacker] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
    expect(await ackSignatureVerifies(facts, await sign(attacker.secretKey), device.publicKey)).toBe(false);
  });

  it("garbage signatures and keys are simply not valid", async () => {
    const device = await generateSigningKeyPair();
    expect(await ackSignatureVerifies(facts, "A".repeat(86), device.publicKey)).toBe(false);
    expect(await ackSignatureVerifies(facts, "not base64!", device.publicKey)).toBe(false);
    expect(await ackSignatureVerifies(facts, await sign(device.secretKey), "short")).toBe(false);
  });

  it("the payload is typed, so a device's other signatures (its device keys, one-time keys) are not acks", () => {
    expect(JSON.parse(ackSigningPayload(facts))).toEqual({
      type: "org.oas.enlace.ack",
      room_id: facts.roomId,
      event_id: facts.advisoryEventId,
      user_id: facts.userId,
      device_id: facts.deviceId,
    });
  });

  it("the signed ack still carries nothing but the reference and the signature", async () => {
    const device = await generateSigningKeyPair();
    const content = buildAckContent(facts.advisoryEventId, { device_id: facts.deviceId, ed25519: await sign(device.secretKey) });
    expect(Object.keys(content).sort()).toEqual(["m.relates_to", "org.oas.enlace.ack.signature"]);
    expect(AckContent.safeParse({ ...content, "org.oas.enlace.ack.signature": { ...content["org.oas.enlace.ack.signature"], note: "x" } }).success).toBe(false);
  });
});
