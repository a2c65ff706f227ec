import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../../i18n/index.js";
import { useFormat } from "../../i18n/format.js";
import { TextArea, TextField } from "../components/Field.js";
import type { AdvisoryVersionForm } from "./forms.js";

/**
 * The advisory's versions in other languages: one button per language not yet written, and for
 * each version its own title and text. They are signed with the original, so nothing here is
 * sent apart from it.
 */
export function AdvisoryVersions({
  original,
  versions,
  onChange,
  err,
}: {
  original: Language;
  versions: AdvisoryVersionForm[];
  onChange(v: AdvisoryVersionForm[]): void;
  err(field: string): string | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const missing = LANGUAGES.filter((l) => l !== original && !versions.some((v) => v.language === l));
  const edit = (i: number, patch: Partial<AdvisoryVersionForm>) => onChange(versions.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const overall = err("translations");
  return (
    <fieldset className="advisory-versions">
      <legend>{t("compose.advisory.versions")}</legend>
      <p className="hint">{t("compose.advisory.versionsHint", { language: fmt.language(original) })}</p>
      {versions.map((v, i) => {
        const language = fmt.language(v.language);
        const clash = err(`translations.${i}.language`);
        return (
          <fieldset key={v.language} className="advisory-version">
            <legend>{t("compose.advisory.version", { language })}</legend>
            <TextField
              label={t("compose.advisory.versionTitle", { language })}
              name={`translations.${i}.title`}
              lang={v.language}
              maxLength={200}
              value={v.title}
              onChange={(e) => edit(i, { title: e.target.value })}
              error={err(`translations.${i}.title`)}
            />
            <TextArea
              label={t("compose.advisory.versionBody", { language })}
              name={`translations.${i}.body`}
              lang={v.language}
              rows={6}
              value={v.body}
              onChange={(e) => edit(i, { body: e.target.value })}
              error={err(`translations.${i}.body`)}
            />
            {clash && <p className="field-error">{clash}</p>}
            <button type="button" onClick={() => onChange(versions.filter((_, j) => j !== i))}>
              {t("compose.advisory.removeVersion", { language })}
            </button>
          </fieldset>
        );
      })}
      {overall && <p className="field-error">{overall}</p>}
      {missing.length > 0 && (
        <div className="actions">
          {missing.map((l) => (
            <button key={l} type="button" onClick={() => onChange([...versions, { language: l, title: "", body: "" }])}>
              {t("compose.advisory.addVersion", { language: fmt.language(l) })}
            </button>
          ))}
        </div>
      )}
    </fieldset>
  );
}
