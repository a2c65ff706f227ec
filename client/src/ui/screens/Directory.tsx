import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import { useReference } from "../../app/reference.js";
import { useFormat } from "../../i18n/format.js";
import type { DirectoryFilter } from "../../api/types.js";
import { AsyncView } from "../components/bits.js";
import { ProgramFilter, StateFilter } from "../components/FilterSelects.js";
import { SelectField, TextField } from "../components/Field.js";
import { MyExpertise, EXPERTISE_LANGUAGES } from "./MyExpertise.js";
import { useSignedIn } from "../../app/session.js";
import { ContactButton } from "../conversations/ContactButton.js";

/** Search vetted, active peers by expertise; and keep one's own entry current. */
export function Directory() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const { programName } = useReference();
  const me = useSignedIn().person;
  const [draft, setDraft] = useState<DirectoryFilter>({});
  const [filter, setFilter] = useState<DirectoryFilter>({});
  const [results, reload] = useAsync(() => api.directory({ ...filter, limit: 100 }), JSON.stringify(filter));
  const set = (k: keyof DirectoryFilter) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value || undefined });
  return (
    <>
      <section aria-labelledby="directory-title">
        <h1 id="directory-title">{t("directory.title")}</h1>
        <p className="muted">{t("directory.intro")}</p>
        <search>
          <form
            className="filters"
            onSubmit={(e) => {
              e.preventDefault();
              setFilter({ ...draft, q: draft.q?.trim() || undefined, area: draft.area?.trim().toLowerCase() || undefined });
            }}
          >
            <TextField label={t("directory.q")} type="search" maxLength={100} value={draft.q ?? ""} onChange={set("q")} />
            <TextField label={t("directory.area")} maxLength={80} value={draft.area ?? ""} onChange={set("area")} />
            <SelectField label={t("directory.language")} value={draft.language ?? ""} onChange={set("language")}>
              <option value="">{t("people.any")}</option>
              {EXPERTISE_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {fmt.language(l)}
                </option>
              ))}
            </SelectField>
            <StateFilter value={draft.memberState} onChange={set("memberState")} />
            <ProgramFilter value={draft.program} onChange={set("program")} />
            <div className="field submit">
              <button type="submit" className="primary">
                {t("directory.search")}
              </button>
            </div>
          </form>
        </search>
        <AsyncView state={results} retry={reload}>
          {(list) => (
            <>
              <p role="status">{list.length === 0 ? t("directory.none") : t("directory.results", { count: list.length })}</p>
              <ul className="cards">
                {list.map((p) => (
                  <li key={p.id} className="panel">
                    <h2>{p.fullName}</h2>
                    <p className="muted">{p.memberState ? fmt.region(p.memberState) : t("home.secretariat")}</p>
                    <dl className="facts">
                      <dt>{t("directory.areas")}</dt>
                      <dd>{p.areas.length ? fmt.list(p.areas) : "—"}</dd>
                      <dt>{t("directory.languages")}</dt>
                      <dd>{p.languages.length ? fmt.list(p.languages.map(fmt.language)) : "—"}</dd>
                      <dt>{t("directory.programs")}</dt>
                      <dd>{p.programs.length ? fmt.list(p.programs.map(programName)) : "—"}</dd>
                    </dl>
                    {/* A conversation needs a Matrix account on both sides (the control plane refuses otherwise). */}
                    {p.id === me.id ? (
                      <p className="muted">{t("conversations.you")}</p>
                    ) : p.matrixUserId ? (
                      <ContactButton personId={p.id} name={p.fullName} />
                    ) : (
                      <p className="muted">{t("conversations.noAccount")}</p>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </AsyncView>
      </section>
      <MyExpertise onSaved={reload} />
    </>
  );
}
