import { describe, expect, it } from "vitest";
import { ADVISORY_TEXT_BUDGET, UnsignedAdvisory, advisoryFallback, advisoryTitleFor, advisoryVersions, preferredVersion } from "./advisory.js";
import { EXAMPLE_UNSIGNED_ADVISORY } from "./examples.js";

const es = { language: "es" as const, title: "Amenaza elevada en las zonas de aficionados", body: "## Resumen\nRevisen la ubicación de las *barreras*." };
const bilingual: UnsignedAdvisory = { ...EXAMPLE_UNSIGNED_ADVISORY, language: "en", translations: [es] };
const issues = (x: unknown) => (UnsignedAdvisory.safeParse(x).error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("advisory versions", () => {
  it("accept an original with translations, and an old advisory with neither", () => {
    expect(issues(bilingual)).toEqual([]);
    expect(issues(EXAMPLE_UNSIGNED_ADVISORY)).toEqual([]);
    expect(issues({ ...EXAMPLE_UNSIGNED_ADVISORY, language: "pt" })).toEqual([]);
  });

  it("refuse translations without the original's language, a language twice, or the original's language again", () => {
    const { language: _l, ...noLanguage } = bilingual;
    expect(issues(noLanguage)).toEqual(["language: an advisory with translations names the language of its original"]);
    expect(issues({ ...bilingual, translations: [es, { ...es, title: "Otra" }] })).toEqual(["translations.1.language: each language has one version"]);
    expect(issues({ ...bilingual, translations: [{ ...es, language: "en" }] })).toEqual(["translations.0.language: each language has one version"]);
    expect(issues({ ...bilingual, translations: [] })).toHaveLength(1);
    expect(issues({ ...bilingual, translations: [{ ...es, language: "de" }] })).toHaveLength(1);
    expect(issues({ ...bilingual, translations: [{ ...es, extra: 1 }] })).toHaveLength(1);
  });

  it("refuse versions that together exceed the text budget, and unsafe text in a translation", () => {
    const long = "x".repeat(ADVISORY_TEXT_BUDGET / 2);
    const big = {
      ...bilingual,
      body: long,
      translations: [
        { ...es, body: long },
        { language: "fr", title: "t", body: "y" },
      ],
    };
    expect(issues(big)).toEqual([`translations: all versions together must not exceed ${ADVISORY_TEXT_BUDGET} characters`]);
    expect(issues({ ...bilingual, translations: [{ ...es, title: "evil\u202Etxt" }] })).toHaveLength(1);
  });

  it("show the reader's language first, else the original", () => {
    const versions = advisoryVersions(bilingual);
    expect(versions.map((v) => [v.language, v.original])).toEqual([
      ["en", true],
      ["es", false],
    ]);
    expect(preferredVersion(versions, "es").title).toBe(es.title);
    expect(preferredVersion(versions, "es-CL").title).toBe(es.title);
    expect(preferredVersion(versions, "fr").original).toBe(true);
    const old = advisoryVersions(EXAMPLE_UNSIGNED_ADVISORY);
    expect(old).toEqual([{ language: undefined, title: EXAMPLE_UNSIGNED_ADVISORY.title, body: EXAMPLE_UNSIGNED_ADVISORY.body, original: true }]);
    expect(preferredVersion(old, "es")).toBe(old[0]);
    expect(advisoryTitleFor(bilingual, "es")).toBe(es.title);
    expect(advisoryTitleFor(bilingual, "pt")).toBe(bilingual.title);
  });

  it("tell readers of other Matrix clients that other versions exist, in the original's fallback", () => {
    const signature = { alg: "ed25519" as const, keyId: "k", publicKey: "A".repeat(43), signature: "A".repeat(86) };
    const plain = advisoryFallback({ ...bilingual, signature }).plain;
    expect(plain).toContain(bilingual.title);
    expect(plain).toContain("also in es (read in Enlace)");
    expect(plain).not.toContain(es.title);
  });
});
