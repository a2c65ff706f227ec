import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import type { EnrollmentLink, PeopleFilter, Status } from "../../api/types.js";
import { AsyncView } from "../components/bits.js";
import { StatusMessage } from "../components/ErrorMessage.js";
import { ProgramFilter, StateFilter } from "../components/FilterSelects.js";
import { SelectField } from "../components/Field.js";
import { PeopleTable } from "../components/PeopleTable.js";
import { PersonActions } from "../components/PersonActions.js";
import { EnrollmentLinkPanel } from "../components/EnrollmentLinkPanel.js";

const STATUSES: Status[] = ["nominated", "approved", "active", "suspended", "revoked", "rejected"];

/** Everyone the Secretariat may see, filtered; suspend, reinstate or revoke with a reason. */
export function People() {
  const { t } = useTranslation();
  const api = useApi();
  const [filter, setFilter] = useState<PeopleFilter>({});
  const [people, reload] = useAsync(() => api.people({ ...filter, limit: 500 }), JSON.stringify(filter));
  const [done, setDone] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ name: string; link: EnrollmentLink } | null>(null);
  const set = (k: keyof PeopleFilter) => (e: { target: { value: string } }) => setFilter({ ...filter, [k]: e.target.value || undefined });
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{t("people.title")}</h1>
      <search className="filters">
        <SelectField label={t("people.filterStatus")} value={filter.status ?? ""} onChange={set("status")}>
          <option value="">{t("people.any")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
        <StateFilter value={filter.memberState} onChange={set("memberState")} />
        <ProgramFilter value={filter.program} onChange={set("program")} />
      </search>
      {issued && <EnrollmentLinkPanel name={issued.name} link={issued.link} onDismiss={() => setIssued(null)} />}
      <StatusMessage text={done} />
      <AsyncView state={people} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("people.empty")}</p>
          ) : (
            <PeopleTable
              people={list}
              caption={t("people.count", { count: list.length })}
              actions={(p) => (
                <PersonActions
                  person={p}
                  onChanged={(changed) => {
                    setDone(t("decide.done", { name: changed.fullName, status: t(`status.${changed.status}`) }));
                    reload();
                  }}
                  onLink={(link, who) => setIssued({ name: who.fullName, link })}
                />
              )}
            />
          )
        }
      </AsyncView>
    </section>
  );
}
