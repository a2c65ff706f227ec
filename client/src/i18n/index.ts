import i18next, { type i18n } from "i18next";
import { en } from "./locales/en/index.js";
import { es } from "./locales/es/index.js";
import { pt } from "./locales/pt/index.js";
import { fr } from "./locales/fr/index.js";

// The OAS official languages. Each name is written in its own language, so it needs no translation.
export const LANGUAGES = ["en", "es", "pt", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", es: "Español", pt: "Português", fr: "Français" };

const STORAGE_KEY = "enlace.language";

export const isLanguage = (s: unknown): s is Language => typeof s === "string" && (LANGUAGES as readonly string[]).includes(s);

/** The saved choice, else the browser's first supported language, else English. */
export function initialLanguage(storage: Pick<Storage, "getItem"> | null, preferred: readonly string[]): Language {
  const saved = storage?.getItem(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

export function rememberLanguage(storage: Pick<Storage, "setItem"> | null, lng: Language) {
  try {
    storage?.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

/** A fresh i18next instance (no global one), initialised synchronously from the bundled resources. */
export function createI18n(lng: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en }, es: { translation: es }, pt: { translation: pt }, fr: { translation: fr } },
    lng,
    fallbackLng: false, // a missing key must show up as a key (the browser tests look for them), not as English
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
