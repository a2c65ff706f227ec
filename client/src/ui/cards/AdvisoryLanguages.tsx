import { useTranslation } from "react-i18next";
import type { AdvisoryVersion } from "#shared/content/advisory.js";
import { LANGUAGE_NAMES } from "../../i18n/index.js";
import { useFormat } from "../../i18n/format.js";

/**
 * The switcher between an advisory's language versions: toggle buttons, each language named in
 * itself (a reader finds theirs whatever the interface says), and a line saying whether the
 * version shown is the original or a translation of it.
 */
export function AdvisoryLanguages({
  versions,
  shown,
  onPick,
}: {
  versions: readonly AdvisoryVersion[];
  shown: AdvisoryVersion;
  onPick(language: AdvisoryVersion["language"]): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const original = versions.find((v) => v.original);
  const originalName = original?.language ? fmt.language(original.language) : "";
  return (
    <div className="advisory-languages">
      <fieldset className="segmented">
        <legend className="sr-only">{t("cards.advisory.versions")}</legend>
        {versions.map((v) => (
          <button key={v.language ?? "original"} type="button" aria-pressed={v === shown} onClick={() => onPick(v.language)}>
            {v.language ? <span lang={v.language}>{LANGUAGE_NAMES[v.language]}</span> : t("cards.advisory.original")}
            {v.original && v.language && <span className="muted"> · {t("cards.advisory.original")}</span>}
          </button>
        ))}
      </fieldset>
      <p className="muted advisory-version-note">
        {shown.original ? t("cards.advisory.isOriginal", { language: originalName }) : t("cards.advisory.isTranslation", { language: originalName })}
      </p>
    </div>
  );
}
