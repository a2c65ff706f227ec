import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAction, useAsync } from "../../app/async.js";
import type { AuditEntry, AuditFilter } from "../../api/types.js";
import { useFormat } from "../../i18n/format.js";
import { AsyncView } from "../components/bits.js";
import { ErrorMessage } from "../components/ErrorMessage.js";
import { SelectField } from "../components/Field.js";
import { DateTimeField } from "../components/DateTimeField.js";
import { saveFile } from "../../library/save.js";
import { auditCsv } from "./auditCsv.js";
import { ScrollBox } from "../components/ScrollBox.js";

const PAGE = 100;
/** Families of actions a reader filters by (server/domain: every `ctx.audit.append` action starts with one). */
const FAMILIES = ["person.", "auth.", "matrix.", "credential.", "advisory.", "homeserver.", "event."] as const;
type Filters = Pick<AuditFilter, "subject" | "actor" | "action" | "from" | "to">;

/** Administrators (everything) and officers (their programs' people): the verdict first, then the entries, newest first. */
export function Audit() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const [verdict, verify] = useAsync(api.verifyAudit, "verify");
  const [people] = useAsync(() => api.people({ limit: 500 }), "audit-people");
  const [filters, setFilters] = useState<Filters>({});
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const query = { ...filters, order: "desc" as const, limit: PAGE };
  const [first, reload] = useAsync(() => {
    setOlder([]);
    return api.audit(query);
  }, JSON.stringify(filters));
  const more = useAction((before: number) => api.audit({ ...query, before }));
  const exportCsv = useAction(async () => {
    // The whole filtered log, not only the loaded pages, with a fresh verification beside it.
    const all: AuditEntry[] = [];
    for (let before = 0; ; ) {
      const page = await api.audit({ ...filters, order: "desc", limit: 500, before });
      all.push(...page);
      if (page.length < 500) break;
      before = page[page.length - 1].seq;
    }
    const v = await api.verifyAudit();
    saveFile(new TextEncoder().encode(auditCsv(all, v)), `enlace-audit-${new Date().toISOString().slice(0, 10)}.csv`);
    return all.length;
  });
  const shown = first.status === "ready" ? [...first.data, ...older] : [];
  const oldest = shown.length ? shown[shown.length - 1].seq : 0;
  const exhausted = (first.status === "ready" && first.data.length < PAGE) || (more.state.status === "ready" && more.state.data.length < PAGE);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [k]: e.target.value || undefined });
  // The days as typed (DateTimeField); the filter takes a day only once it is one, "to" up to its last instant.
  const [days, setDays] = useState({ from: "", to: "" });
  const setDay = (k: "from" | "to") => (e: { target: { value: string } }) => {
    const v = e.target.value;
    setDays({ ...days, [k]: v });
    const day = /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
    if (!day && v !== "") return;
    setFilters({ ...filters, [k]: day ? new Date(`${day}${k === "from" ? "T00:00:00.000Z" : "T23:59:59.999Z"}`).toISOString() : undefined });
  };
  const personOptions = people.status === "ready" ? [...people.data].sort((a, b) => a.fullName.localeCompare(b.fullName)) : [];
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t("audit.title")}</h1>
      <div className="panel" aria-live="polite" data-testid="audit-verdict">
        {verdict.status === "loading" ? (
          <p role="status">{t("audit.verifying")}</p>
        ) : (
          <AsyncView state={verdict} retry={verify}>
            {(v) =>
              v.ok ? (
                <p className="success">
                  {v.lastCheckpoint > 0
                    ? t("audit.ok", { entries: fmt.number(v.entries), checkpoint: fmt.number(v.lastCheckpoint) })
                    : t("audit.okNoCheckpoint", { entries: fmt.number(v.entries) })}
                </p>
              ) : (
                <p className="error">{t("audit.broken", { seq: fmt.number(v.firstBroken?.seq ?? v.headSeq), problem: v.firstBroken?.problem ?? "" })}</p>
              )
            }
          </AsyncView>
        )}
        <div className="actions">
          <button type="button" onClick={verify} disabled={verdict.status === "loading"}>
            {t("audit.verify")}
          </button>
          <button type="button" onClick={() => void exportCsv.run()} disabled={exportCsv.state.status === "loading"} data-testid="audit-csv">
            {t("audit.exportCsv")}
          </button>
        </div>
        <ErrorMessage error={exportCsv.state.status === "error" ? exportCsv.state.error : null} />
      </div>
      <search className="filters">
        <SelectField label={t("audit.filterPerson")} value={filters.subject ?? ""} onChange={set("subject")}>
          <option value="">{t("audit.anyone")}</option>
          {personOptions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.fullName}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("audit.filterActor")} value={filters.actor ?? ""} onChange={set("actor")}>
          <option value="">{t("audit.anyone")}</option>
          <option value="system">{t("audit.system")}</option>
          {personOptions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.fullName}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("audit.filterAction")} value={filters.action ?? ""} onChange={set("action")}>
          <option value="">{t("audit.anyAction")}</option>
          {FAMILIES.map((f) => (
            <option key={f} value={f}>
              {t(`audit.families.${f.slice(0, -1) as "person"}`)}
            </option>
          ))}
        </SelectField>
        <DateTimeField kind="date" label={t("audit.from")} value={days.from} onChange={setDay("from")} />
        <DateTimeField kind="date" label={t("audit.to")} value={days.to} onChange={setDay("to")} />
      </search>
      <AsyncView state={first} retry={reload}>
        {() =>
          shown.length === 0 ? (
            <p>{t("audit.empty")}</p>
          ) : (
            <ScrollBox label={t("audit.table")}>
              <table className="audit">
                <caption className="sr-only">{t("audit.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("audit.seq")}</th>
                    <th scope="col">{t("audit.at")}</th>
                    <th scope="col">{t("audit.actor")}</th>
                    <th scope="col">{t("audit.action")}</th>
                    <th scope="col">{t("audit.subject")}</th>
                    <th scope="col">{t("audit.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((e) => (
                    <tr key={e.seq} data-seq={e.seq}>
                      <td>{fmt.number(e.seq)}</td>
                      <td>{fmt.dateTime(e.at)}</td>
                      <td>{e.actorName ?? (e.actor === "system" ? t("audit.system") : <code translate="no">{e.actor}</code>)}</td>
                      <td>
                        <code translate="no">{e.action}</code>
                      </td>
                      <td>{e.subjectName ?? <code translate="no">{e.subject ?? "—"}</code>}</td>
                      <td>{typeof e.details.reason === "string" ? e.details.reason : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )
        }
      </AsyncView>
      <ErrorMessage error={more.state.status === "error" ? more.state.error : null} />
      {!exhausted && first.status === "ready" && (
        <button
          type="button"
          disabled={more.state.status === "loading"}
          onClick={async () => {
            const page = await more.run(oldest);
            if (page) setOlder((xs) => [...xs, ...page]);
          }}
        >
          {t("audit.more")}
        </button>
      )}
    </section>
  );
}
