import { describe, expect, it } from "vitest";
import { createI18n, initialLanguage, LANGUAGES } from "./index.js";
import { en } from "./locales/en/index.js";
import { es } from "./locales/es/index.js";
import { pt } from "./locales/pt/index.js";
import { fr } from "./locales/fr/index.js";
import { CLIENT_PROBLEMS, PROBLEM_TYPES } from "#shared/api/problems.js";

const keys = (o: object, p = ""): string[] =>
  Object.entries(o)
    .flatMap(([k, v]) => (typeof v === "string" ? [p + k] : keys(v, `${p}${k}.`)))
    .sort();

describe("i18n", () => {
  it("every language has exactly the English keys, and only non-empty strings", () => {
    for (const m of [es, pt, fr]) {
      expect(keys(m)).toEqual(keys(en));
      expect(JSON.stringify(m)).not.toMatch(/""/);
    }
  });

  it("every language has a message for every problem type of shared/api/problems.ts and the client's own", () => {
    for (const m of [en, es, pt, fr]) {
      for (const type of [...PROBLEM_TYPES, ...CLIENT_PROBLEMS, "unknown"]) expect(m.errors, type).toHaveProperty([type]);
    }
  });

  it("keeps interpolation placeholders in every translation", () => {
    const placeholders = (o: object): string[] =>
      keys(o).map(
        (k) =>
          (k.split(".").reduce<any>((x, p) => x[p], o) as string)
            .match(/{{\w+}}/g)
            ?.sort()
            .join() ?? "",
      );
    for (const m of [es, pt, fr]) expect(placeholders(m)).toEqual(placeholders(en));
  });

  it("picks the saved language, else the browser's, else English", () => {
    expect(initialLanguage({ getItem: () => "fr" }, ["es-CL"])).toBe("fr");
    expect(initialLanguage({ getItem: () => null }, ["de-DE", "pt-BR"])).toBe("pt");
    expect(initialLanguage(null, ["de"])).toBe("en");
  });

  it("creates independent instances that translate at once", () => {
    const a = createI18n("es");
    const b = createI18n("fr");
    expect(a.t("signIn.submit")).toBe("Iniciar sesión");
    expect(b.t("signIn.submit")).toBe("Se connecter");
    expect(LANGUAGES.map((l) => createI18n(l).t("people.count", { count: 2 }))).toEqual(["2 people", "2 personas", "2 pessoas", "2 personnes"]);
  });

  it('counts inside a sentence take their plural form ("1 pendente", not "1 pendentes")', () => {
    const summary = (lng: (typeof LANGUAGES)[number], pending: number) =>
      createI18n(lng).t("coverage.summary", { acknowledged: 1, expected: 35, pending, overdue: 2, noFocalPoint: 31 });
    expect(summary("pt", 1)).toBe("1 de 35 Estados membros confirmaram o recebimento · 1 pendente · 2 vencidos · 31 sem ponto focal");
    expect(summary("pt", 3)).toContain("· 3 pendentes ·");
    expect(summary("es", 1)).toContain("· 1 pendiente · 2 vencidos");
    expect(summary("en", 1)).toBe("1 of 35 member states acknowledged · 1 pending · 2 overdue · 31 with no focal point");
  });
});
