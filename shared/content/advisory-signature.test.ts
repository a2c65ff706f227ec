import { describe, it, expect } from "vitest";
import { generateSigningKeyPair } from "../crypto/sign.js";
import { advisorySigningInput, signAdvisory, verifyAdvisory } from "./advisory-signature.js";
import { AdvisoryContent } from "./advisory.js";
import { InvalidContentError } from "./errors.js";
import { EXAMPLE_UNSIGNED_ADVISORY } from "./examples.js";
import { buildEventContent } from "./event.js";
import { parseIncoming } from "./parse.js";
import { EVENT_TYPES, MESSAGE_EVENT_TYPE } from "./types.js";

describe("advisory signatures", () => {
  it("sign the canonical JSON without the signature block, verifiable by the pinned key", async () => {
    const kp = await generateSigningKeyPair();
    const signed = await signAdvisory(kp.secretKey, EXAMPLE_UNSIGNED_ADVISORY, "secretariat-2025");
    expect(AdvisoryContent.safeParse(signed).success).toBe(true);
    expect(signed.signature).toMatchObject({ alg: "ed25519", keyId: "secretariat-2025", publicKey: kp.publicKey });
    expect(await verifyAdvisory(kp.publicKey, signed)).toBe(true);
    const { signature: _s, ...unsigned } = signed;
    expect(advisorySigningInput(unsigned)).toBe(advisorySigningInput(EXAMPLE_UNSIGNED_ADVISORY));
  });

  it("stay verifiable when forwarded: through an event, JSON and reordered keys", async () => {
    const kp = await generateSigningKeyPair();
    const signed = await signAdvisory(kp.secretKey, EXAMPLE_UNSIGNED_ADVISORY);
    const wire = JSON.parse(JSON.stringify(buildEventContent("advisory", signed, { roomCeiling: "RED" })));
    const r = parseIncoming(MESSAGE_EVENT_TYPE, wire);
    expect(r.status).toBe("valid");
    const reordered = Object.fromEntries(Object.entries(wire[EVENT_TYPES.advisory]).reverse());
    expect(await verifyAdvisory(kp.publicKey, reordered)).toBe(true);
  });

  it("fail on any change, a wrong key, or a substituted embedded key", async () => {
    const kp = await generateSigningKeyPair();
    const attacker = await generateSigningKeyPair();
    const signed = await signAdvisory(kp.secretKey, EXAMPLE_UNSIGNED_ADVISORY);
    expect(await verifyAdvisory(kp.publicKey, { ...signed, number: 13 })).toBe(false);
    expect(await verifyAdvisory(kp.publicKey, { ...signed, title: `${signed.title}!` })).toBe(false);
    expect(await verifyAdvisory(kp.publicKey, { ...signed, requiresAck: false, ackDeadline: undefined })).toBe(false);
    expect(await verifyAdvisory(attacker.publicKey, signed)).toBe(false);
    // An attacker re-signs a modified advisory and names their own key inside it.
    const forged = await signAdvisory(attacker.secretKey, { ...EXAMPLE_UNSIGNED_ADVISORY, title: "Stand down" });
    expect(await verifyAdvisory(attacker.publicKey, forged)).toBe(true);
    expect(await verifyAdvisory(kp.publicKey, forged)).toBe(false);
    // Keep the genuine key name but the attacker's signature.
    expect(await verifyAdvisory(kp.publicKey, { ...forged, signature: { ...forged.signature, publicKey: kp.publicKey } })).toBe(false);
  });

  it("cover every language version: a tampered, dropped, added or re-marked version fails", async () => {
    const kp = await generateSigningKeyPair();
    const es = { language: "es" as const, title: "Amenaza elevada en las zonas de aficionados", body: "Revisen las *barreras*." };
    const fr = { language: "fr" as const, title: "Menace accrue dans les zones de supporters", body: "Vérifiez les *barrières*." };
    const signed = await signAdvisory(kp.secretKey, { ...EXAMPLE_UNSIGNED_ADVISORY, language: "en", translations: [es, fr] });
    expect(await verifyAdvisory(kp.publicKey, signed)).toBe(true);
    // Through an event and back, as a reader receives it.
    const wire = JSON.parse(JSON.stringify(buildEventContent("advisory", signed, { roomCeiling: "RED" })));
    expect(await verifyAdvisory(kp.publicKey, wire[EVENT_TYPES.advisory])).toBe(true);

    const tampered = [
      { ...signed, translations: [{ ...es, body: "Retiren las barreras." }, fr] },
      { ...signed, translations: [es, { ...fr, title: "Fin de l'alerte" }] },
      { ...signed, translations: [es] },
      { ...signed, translations: [fr, es] },
      { ...signed, translations: [es, fr, { language: "pt" as const, title: "Falso", body: "Falso" }] },
      // The Spanish version passed off as the original, the English one as its translation.
      { ...signed, ...es, translations: [{ language: "en" as const, title: signed.title, body: signed.body }, fr] },
      { ...signed, language: "pt" as const },
    ];
    for (const t of tampered) expect(await verifyAdvisory(kp.publicKey, t)).toBe(false);
    // A single-language advisory signed before versions existed does not gain one unnoticed.
    const old = await signAdvisory(kp.secretKey, EXAMPLE_UNSIGNED_ADVISORY);
    expect(await verifyAdvisory(kp.publicKey, old)).toBe(true);
    expect(await verifyAdvisory(kp.publicKey, { ...old, language: "en", translations: [es] })).toBe(false);
  });

  it("accept any of several pinned keys (rotation) and never throw on junk", async () => {
    const [oldKey, newKey] = [await generateSigningKeyPair(), await generateSigningKeyPair()];
    const signed = await signAdvisory(oldKey.secretKey, EXAMPLE_UNSIGNED_ADVISORY);
    expect(await verifyAdvisory([newKey.publicKey, oldKey.publicKey], signed)).toBe(true);
    expect(await verifyAdvisory([], signed)).toBe(false);
    for (const junk of [null, 1, "x", [], {}, { ...signed, signature: null }]) expect(await verifyAdvisory(oldKey.publicKey, junk)).toBe(false);
  });

  it("refuse to sign an invalid advisory", async () => {
    const kp = await generateSigningKeyPair();
    await expect(signAdvisory(kp.secretKey, { ...EXAMPLE_UNSIGNED_ADVISORY, title: "" })).rejects.toBeInstanceOf(InvalidContentError);
  });
});
