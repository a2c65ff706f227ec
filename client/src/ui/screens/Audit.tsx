import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAction, useAsync } from "../../app/async.js";
import type { AuditEntry } from "../../api/types.js";
import { useFormat } from "../../i18n/format.js";
import { AsyncView } from "../components/bits.js";
import { ErrorMessage } from "../components/ErrorMessage.js";

const PAGE = 100;

/** Administrators: the verification verdict first (chain and signatures), then the entries. */
export function Audit() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const [verdict, verify] = useAsync(api.verifyAudit, "verify");
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [first, reload] = useAsync(() => api.audit({ limit: PAGE }), "audit");
  const more = useAction((after: number) => api.audit({ after, limit: PAGE }));
  const shown = first.status === "ready" ? [...first.data, ...entries] : [];
  const last = shown.length ? shown[shown.length - 1].seq : 0;
  const exhausted = (first.status === "ready" && first.data.length < PAGE) || (more.state.status === "ready" && more.state.data.length < PAGE);
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
        <button type="button" onClick={verify} disabled={verdict.status === "loading"}>
          {t("audit.verify")}
        </button>
      </div>
      <AsyncView state={first} retry={reload}>
        {() =>
          shown.length === 0 ? (
            <p>{t("audit.empty")}</p>
          ) : (
            <div className="scroll-x">
              <table className="audit">
                <caption className="sr-only">{t("audit.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("audit.seq")}</th>
                    <th scope="col">{t("audit.at")}</th>
                    <th scope="col">{t("audit.actor")}</th>
                    <th scope="col">{t("audit.action")}</th>
                    <th scope="col">{t("audit.subject")}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((e) => (
                    <tr key={e.seq}>
                      <td>{fmt.number(e.seq)}</td>
                      <td>{fmt.dateTime(e.at)}</td>
                      <td>
                        <code translate="no">{e.actor}</code>
                      </td>
                      <td>
                        <code translate="no">{e.action}</code>
                      </td>
                      <td>
                        <code translate="no">{e.subject ?? "—"}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </AsyncView>
      <ErrorMessage error={more.state.status === "error" ? more.state.error : null} />
      {!exhausted && first.status === "ready" && (
        <button
          type="button"
          disabled={more.state.status === "loading"}
          onClick={async () => {
            const page = await more.run(last);
            if (page) setEntries((xs) => [...xs, ...page]);
          }}
        >
          {t("audit.more")}
        </button>
      )}
    </section>
  );
}
