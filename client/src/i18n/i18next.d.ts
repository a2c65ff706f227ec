import type { en } from "./locales/en/index.js";

// Typed keys: t("some.key") fails the typecheck when the key is not in the English resources.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
