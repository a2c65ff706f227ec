import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import type { EnrollmentLink, QueuedNomination } from "../../api/types.js";
import { useFormat } from "../../i18n/format.js";
import { AsyncView } from "../components/bits.js";
import { StatusMessage } from "../components/ErrorMessage.js";
import { PeopleTable } from "../components/PeopleTable.js";
import { ReasonForm } from "../components/ReasonForm.js";
import { EnrollmentLinkPanel } from "../components/EnrollmentLinkPanel.js";

/** The Secretariat's queue: approve (four eyes) or reject each nomination, with a reason. */
export function Nominations() {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormat();
  const [queue, reload] = useAsync(api.nominationQueue, "queue");
  const [issued, setIssued] = useState<{ name: string; link: EnrollmentLink } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t("queue.title")}</h1>
      <p className="muted">{t("queue.intro")}</p>
      {issued && <EnrollmentLinkPanel name={issued.name} link={issued.link} onDismiss={() => setIssued(null)} />}
      <StatusMessage text={done} />
      <AsyncView state={queue} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("queue.empty")}</p>
          ) : (
            <PeopleTable
              people={list}
              caption={t("people.count", { count: list.length })}
              extra={{ label: t("people.nominatedOn"), cell: (p) => fmt.date(p.createdAt) }}
              actions={(p) => (
                <Decide
                  nomination={p}
                  onApproved={(link) => {
                    setDone(null);
                    setIssued({ name: p.fullName, link });
                    reload();
                  }}
                  onRejected={() => {
                    setIssued(null);
                    setDone(t("decide.done", { name: p.fullName, status: t("status.rejected") }));
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

function Decide({ nomination, onApproved, onRejected }: { nomination: QueuedNomination; onApproved: (link: EnrollmentLink) => void; onRejected: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState<"approve" | "reject" | null>(null);
  const why = `why-${nomination.id}`;
  const matrixId = nomination.matrixUserId ?? t("queue.noMatrixId");
  return (
    <div>
      <p className="nominated-by" data-testid="nominated-by">
        {nomination.nominatorName ? t("queue.nominatedBy", { name: nomination.nominatorName }) : t("queue.nominatedBySystem")}
        {nomination.note && (
          <>
            {" "}
            <q data-testid="nomination-note">{nomination.note}</q>
          </>
        )}
      </p>
      {/* Four eyes cover the account too: the approver sees the Matrix ID that will speak as this person. */}
      <p className="matrix-id" data-testid="matrix-id">
        {t("queue.matrixId")} <code>{matrixId}</code>
      </p>
      <p className="hint" data-testid="approval-rule">
        {t(nomination.approvalRule === "admin" ? "queue.ruleAdmin" : "queue.ruleOfficerOrAdmin")}
      </p>
      <div className="actions">
        {/* Disabled buttons cannot be focused, so the reason is plain visible text tied to the button. */}
        <button
          type="button"
          className="primary"
          disabled={!nomination.canApprove}
          aria-describedby={nomination.canApprove ? undefined : why}
          aria-expanded={open === "approve"}
          onClick={() => setOpen(open === "approve" ? null : "approve")}
        >
          {t("decide.approve")}
        </button>
        <button type="button" aria-expanded={open === "reject"} onClick={() => setOpen(open === "reject" ? null : "reject")}>
          {t("decide.reject")}
        </button>
      </div>
      {!nomination.canApprove && (
        <p className="hint" id={why} data-testid="cannot-approve">
          {t("queue.cannotApprove")}
        </p>
      )}
      {open === "approve" && (
        <p className="hint" data-testid="approving-matrix-id">
          {t("queue.approvingAs", { name: nomination.fullName, id: matrixId })}
        </p>
      )}
      {open === "approve" && (
        <ReasonForm
          action={t("decide.approve")}
          submit={(reason) => api.approve(nomination.id, reason)}
          onCancel={() => setOpen(null)}
          onDone={(r) => {
            setOpen(null);
            onApproved(r.enrollment);
          }}
        />
      )}
      {open === "reject" && (
        <ReasonForm
          action={t("decide.reject")}
          submit={(reason) => api.decide(nomination.id, "reject", reason)}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onRejected();
          }}
        />
      )}
    </div>
  );
}
