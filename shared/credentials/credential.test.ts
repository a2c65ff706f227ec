import { describe, it, expect } from "vitest";
import { generateSigningKeyPair } from "../crypto/sign.js";
import { signCredential, verifyCredential, signRevocationList, type CredentialBody } from "./credential.js";

const body = (over: Partial<CredentialBody> = {}): CredentialBody => ({
  v: 1,
  type: "org.oas.enlace.credential",
  serial: 1,
  userId: "@ana:enlace.test",
  personId: "6f1c1a52-8a53-4f7e-9a0b-2a3c4d5e6f70",
  memberState: "CL",
  programs: ["tourism"],
  roles: [{ role: "focal_point", program: "tourism" }],
  issuedAt: "2026-01-01T00:00:00.000Z",
  expiresAt: "2027-01-01T00:00:00.000Z",
  masterKey: "bWFzdGVya2V5",
  ...over,
});

describe("credentials", async () => {
  const sec = await generateSigningKeyPair();
  const now = new Date("2026-06-01T00:00:00Z");

  it("a valid credential verifies against the pinned key", async () => {
    const c = await signCredential(sec.secretKey, sec.publicKey, body());
    expect(await verifyCredential(c, { pinnedKeys: [sec.publicKey], userId: "@ana:enlace.test", now })).toMatchObject({ status: "valid" });
  });

  it("carries the registry name under the signature; credentials signed before names existed still verify", async () => {
    const opts = { pinnedKeys: [sec.publicKey], userId: "@ana:enlace.test", now };
    const named = await signCredential(sec.secretKey, sec.publicKey, body({ name: "Ana Pérez" }));
    expect(await verifyCredential(named, opts)).toMatchObject({ status: "valid", credential: { name: "Ana Pérez" } });
    const old = await signCredential(sec.secretKey, sec.publicKey, body());
    expect("name" in old.credential).toBe(false);
    const verdict = await verifyCredential(old, opts);
    expect(verdict.status).toBe("valid");
    expect(verdict.status === "valid" && verdict.credential.name).toBeUndefined();

    // A homeserver administrator renaming someone, or adding a name to an old credential, breaks the signature.
    const renamed = structuredClone(named);
    renamed.credential.name = "Secretaria General";
    expect(await verifyCredential(renamed, opts)).toEqual({ status: "invalid", reason: "signature does not match (tampered)" });
    const added = structuredClone(old);
    added.credential.name = "Ana Pérez";
    expect((await verifyCredential(added, opts)).status).toBe("invalid");
    // An empty name is no name: refused as malformed rather than shown as blank.
    const empty = await signCredential(sec.secretKey, sec.publicKey, body({ name: "" }));
    expect((await verifyCredential(empty, opts)).status).toBe("invalid");
  });

  it("tampering, a foreign key, the wrong user, expiry and junk are each refused with a reason", async () => {
    const c = await signCredential(sec.secretKey, sec.publicKey, body());
    const tampered = structuredClone(c);
    tampered.credential.memberState = "AR";
    expect(await verifyCredential(tampered, { pinnedKeys: [sec.publicKey], now })).toEqual({
      status: "invalid",
      reason: "signature does not match (tampered)",
    });

    const rogue = await generateSigningKeyPair();
    const forged = await signCredential(rogue.secretKey, rogue.publicKey, body());
    expect((await verifyCredential(forged, { pinnedKeys: [sec.publicKey], now })).status).toBe("invalid");
    // Claiming the Secretariat's public key while signing with another is a mismatch too.
    const spoofed = { ...forged, signature: { ...forged.signature, publicKey: sec.publicKey } };
    expect((await verifyCredential(spoofed, { pinnedKeys: [sec.publicKey], now })).status).toBe("invalid");

    expect(await verifyCredential(c, { pinnedKeys: [sec.publicKey], userId: "@mallory:evil.test", now })).toMatchObject({ status: "invalid" });
    expect((await verifyCredential(c, { pinnedKeys: [sec.publicKey], now: new Date("2027-02-01T00:00:00Z") })).status).toBe("expired");
    for (const junk of [null, 42, "x", [], { credential: {} }, { credential: body(), signature: { alg: "rsa" } }]) {
      expect((await verifyCredential(junk, { pinnedKeys: [sec.publicKey], now })).status).toBe("invalid");
    }
  });

  it("a revoked person is listed in the signed revocation list and their credential reads as revoked", async () => {
    const c = await signCredential(sec.secretKey, sec.publicKey, body());
    const list = await signRevocationList(sec.secretKey, sec.publicKey, {
      v: 1,
      type: "org.oas.enlace.revocations",
      serial: 3,
      issuedAt: "2026-05-01T00:00:00.000Z",
      entries: [{ personId: body().personId, userId: "@ana:enlace.test", status: "revoked", since: "2026-04-01T00:00:00.000Z" }],
    });
    expect(await verifyCredential(c, { pinnedKeys: [sec.publicKey], now, revocations: list })).toMatchObject({ status: "revoked", revocation: "revoked" });
    // A forged list is not trusted.
    const forgedList = structuredClone(list);
    forgedList.list.entries = [];
    expect((await verifyCredential(c, { pinnedKeys: [sec.publicKey], now, revocations: forgedList })).status).toBe("invalid");
  });

  it("a suspension before a newer credential does not revoke the newer one", async () => {
    const c = await signCredential(sec.secretKey, sec.publicKey, body({ issuedAt: "2026-05-02T00:00:00.000Z" }));
    const list = await signRevocationList(sec.secretKey, sec.publicKey, {
      v: 1,
      type: "org.oas.enlace.revocations",
      serial: 4,
      issuedAt: "2026-05-03T00:00:00.000Z",
      entries: [{ personId: body().personId, userId: "@ana:enlace.test", status: "suspended", since: "2026-04-01T00:00:00.000Z" }],
    });
    expect((await verifyCredential(c, { pinnedKeys: [sec.publicKey], now, revocations: list })).status).toBe("valid");
  });
});
