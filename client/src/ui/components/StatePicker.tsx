import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.js";
import { filterStates } from "./state-filter.js";

/**
 * A searchable multi-select of member states: the chosen ones as removable chips, a filter box, and the
 * matching states as plain checkboxes. No inner scroll box: the list grows with the page, so no name is
 * clipped and no row hides under the fold of a box inside a scrolling page.
 */
export function StatePicker({
  legend,
  codes,
  value,
  onChange,
  error,
}: {
  legend: string;
  codes: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [query, setQuery] = useState("");
  const id = useId();
  const matches = filterStates(codes, fmt.region, query, i18n.language);
  const chosen = filterStates(value, fmt.region, "", i18n.language);
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");

  return (
    <fieldset className="choices state-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {chosen.length === 0 ? (
        <p className="hint">{t("picker.noneChosen")}</p>
      ) : (
        <ul className="chips" aria-label={t("picker.chosen")}>
          {chosen.map((code) => (
            <li key={code}>
              <button type="button" className="chip" aria-label={t("picker.remove", { name: fmt.region(code) })} onClick={() => toggle(code, false)}>
                {fmt.region(code)} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${id}-filter`}>{t("picker.filter")}</label>
        <input id={`${id}-filter`} type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={describedBy} />
        <p className="hint" id={`${id}-hint`}>
          {t("picker.filterHint")}
        </p>
      </div>
      <p className="hint" role="status">
        {t("picker.matches", { count: matches.length })}
      </p>
      <ul className="state-options">
        {matches.map((code) => (
          <li key={code}>
            <label className="choice">
              <input type="checkbox" checked={value.includes(code)} onChange={(e) => toggle(code, e.target.checked)} /> <span>{fmt.region(code)}</span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
