import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import { useFormat } from "../../i18n/format.js";
import { AsyncView } from "../components/bits.js";
import { StatusMessage } from "../components/ErrorMessage.js";
import { PeopleTable } from "../components/PeopleTable.js";
import { PersonActions } from "../components/PersonActions.js";

/** People whose vetting lapsed (suspended by expiry) or lapses within 30 days. */
export function Revetting() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const [queue, reload] = useAsync(api.revettingQueue, "revetting");
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="revetting-title">
      <h1 id="revetting-title">{t("revetting.title")}</h1>
      <p className="muted">{t("revetting.intro")}</p>
      <StatusMessage text={done} />
      <AsyncView state={queue} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("revetting.empty")}</p>
          ) : (
            <PeopleTable
              people={list}
              caption={t("people.count", { count: list.length })}
              extra={{
                label: t("people.vettedUntil"),
                cell: (p) => `${p.vettedUntil ? fmt.date(p.vettedUntil) : "—"} (${p.status === "suspended" ? t("revetting.lapsed") : t("revetting.dueSoon")})`,
              }}
              actions={(p) => (
                <PersonActions
                  person={p}
                  allowed={["reinstate", "suspend"]}
                  onChanged={(c) => {
                    setDone(t("decide.done", { name: c.fullName, status: t(`status.${c.status}`) }));
                    reload();
                  }}
                />
              )}
            />
          )
        }
      </AsyncView>
    </section>
  );
}
