import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, rememberLanguage } from "../../i18n/index.js";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t("app.language")}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          const lng = e.target.value;
          if (!isLanguage(lng)) return;
          void i18n.changeLanguage(lng);
          rememberLanguage(window.localStorage, lng);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
