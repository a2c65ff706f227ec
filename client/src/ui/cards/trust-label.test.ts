import { describe, expect, it } from "vitest";
import type { TFunction } from "i18next";
import { createI18n } from "../../i18n/index.js";
import type { TrustVerdict } from "#shared/matrix/trust.js";
import { senderName, trustHint, trustLabel } from "./trust-label.js";

const names = { state: (c: string) => ({ CL: "Chile", JM: "Jamaica" })[c] ?? c, program: (c: string) => ({ tourism: "Tourism Security" })[c] ?? c };

describe("the sender's trust label", () => {
  it("reads 'verified focal point — Chile, Tourism Security', in the reader's language", () => {
    const focal: TrustVerdict = {
      level: "verified",
      memberState: "CL",
      programs: ["tourism"],
      roles: [{ role: "focal_point", program: "tourism" }],
      label: "",
    };
    const en = createI18n("en").t as TFunction;
    const es = createI18n("es").t as TFunction;
    expect(trustLabel(en, focal, names)).toBe("verified focal point — Chile, Tourism Security");
    expect(trustLabel(es, focal, names)).toBe("punto focal verificado — Chile, Tourism Security");
  });

  it("names the Secretariat for officers and the coordinator role, and never claims more for the rest", () => {
    const t = createI18n("en").t as TFunction;
    expect(
      trustLabel(
        t,
        { level: "verified", memberState: null, programs: ["tourism"], roles: [{ role: "secretariat_officer", program: "tourism" }], label: "" },
        names,
      ),
    ).toBe("verified Secretariat officer — OAS Secretariat, Tourism Security");
    expect(
      trustLabel(t, { level: "verified", memberState: "JM", programs: [], roles: [{ role: "national_coordinator", program: null }], label: "" }, names),
    ).toBe("verified national coordinator — Jamaica");
    expect(trustLabel(t, { level: "unverified", reason: "no credential" }, names)).toBe("not verified");
    expect(trustLabel(t, { level: "invalid", reason: "forged" }, names)).toBe("forged or invalid credential");
  });

  it("content that arrived unencrypted says so, in every language, and is never 'verified'", () => {
    const v: TrustVerdict = { level: "unencrypted", reason: "sent without encryption: cannot be verified" };
    const said = (["en", "es", "fr", "pt"] as const).map((l) => trustLabel(createI18n(l).t as TFunction, v, names));
    expect(said).toEqual(["sent without encryption", "enviado sin cifrar", "envoyé sans chiffrement", "enviado sem criptografia"]);
    const card = (["en", "es", "fr", "pt"] as const).map((l) => (createI18n(l).t as TFunction)("cards.unencrypted"));
    expect(card[0]).toBe("Sent without encryption — cannot be verified");
    expect(new Set(card).size).toBe(4);
  });

  it("says 'revocation status unknown' (never verified) in every language, with the reason on hover", () => {
    const v: TrustVerdict = { level: "unverified", code: "revocation-unknown", reason: "revocation status unknown: no signed revocation list in the Space" };
    const expected = {
      en: "revocation status unknown — not verified",
      es: "estado de revocación desconocido — no verificado",
      fr: "statut de révocation inconnu — non vérifié",
      pt: "estado de revogação desconhecido — não verificado",
    };
    for (const [lang, label] of Object.entries(expected)) {
      const t = createI18n(lang as "en").t as TFunction;
      expect(trustLabel(t, v, names)).toBe(label);
      expect(trustHint(t, v)).toMatch(/\S{10,}/);
      expect(trustHint(t, v)).not.toBe(v.reason);
    }
  });

  it("a key whose origin is unknown is about the key, not the sender, in every language", () => {
    const v: TrustVerdict = { level: "unverified", code: "key-origin-unknown", reason: "read with a key from backup" };
    const en = createI18n("en").t as TFunction;
    const es = createI18n("es").t as TFunction;
    expect(trustLabel(en, v, names)).toBe("origin of the key not confirmed");
    expect(trustLabel(es, v, names)).toBe("origen de la clave no confirmado");
    for (const lng of ["en", "es", "pt", "fr"] as const) {
      const t = createI18n(lng).t as TFunction;
      expect(trustLabel(t, v, names)).not.toBe(trustLabel(t, { level: "unverified", reason: "x" }, names));
      expect(trustHint(t, v)).not.toBe(v.reason);
    }
  });

  it("names the sender from the verified credential only: 'Ana Pérez · Chile', else the account id", () => {
    const t = createI18n("en").t as TFunction;
    const base = { programs: [], roles: [], label: "" };
    expect(senderName(t, { level: "verified", name: "Ana Pérez", memberState: "CL", ...base }, "@focal.cl:x", names.state)).toBe("Ana Pérez · Chile");
    expect(senderName(t, { level: "verified", name: "Rosa Díaz", memberState: null, ...base }, "@sec:x", names.state)).toBe("Rosa Díaz · OAS Secretariat");
    // A credential issued before names existed: the account id, still with the state it vouches for.
    expect(senderName(t, { level: "verified", memberState: "JM", ...base }, "@focal.jm:x", names.state)).toBe("@focal.jm:x · Jamaica");
    // Nothing verified: no name and no state, whatever the display name claims.
    expect(senderName(t, { level: "unverified", reason: "no credential" }, "@mallory:x", names.state)).toBe("@mallory:x");
    expect(senderName(t, { level: "invalid", reason: "forged" }, "@mallory:x", names.state)).toBe("@mallory:x");
  });
});
