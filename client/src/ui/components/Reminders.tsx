import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import { type ApiError, toApiError } from "../../api/errors.js";
import type { ReminderTimeline } from "../../api/types.js";
import { useFormat } from "../../i18n/format.js";
import { ErrorMessage } from "./ErrorMessage.js";

type Reminders = ReminderTimeline["states"][number]["reminders"];
type Outcome = { state: string; queued: number } | { state: string; error: ApiError };

/**
 * An advisory's reminder timeline and "remind now", for the coverage view. The control plane
 * answers 403 to anyone but the program's officers: then `byState` stays null and nothing shows.
 * `refreshKey` reloads it (an acknowledgement arriving stops that state's reminders).
 */
export function useReminders(program: string, number: number, refreshKey: string) {
  const api = useApi();
  const [timeline, reload] = useAsync(() => api.reminderTimeline(program, number), `${program}#${number}#${refreshKey}`);
  const [sending, setSending] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const remind = useCallback(
    async (state: string) => {
      setSending(state);
      setOutcome(null);
      try {
        const { queued } = await api.remindNow(program, number, state);
        setOutcome({ state, queued });
        reload();
      } catch (e) {
        setOutcome({ state, error: toApiError(e) });
      } finally {
        setSending(null);
      }
    },
    [api, program, number, reload],
  );
  const data = timeline.status === "ready" ? timeline.data : null;
  const byState = useMemo(() => (data ? new Map(data.states.map((s) => [s.memberState, s.reminders])) : null), [data]);
  // A failure other than "not an officer" is worth saying; a 403 just means this view is not theirs.
  const loadError = timeline.status === "error" && timeline.error.status !== 403 ? timeline.error : null;
  return { byState, remindEveryHours: data?.remindEveryHours ?? null, loadError, sending, outcome, remind };
}

/** The confirmation or the translated problem of the last "remind now", and the interval; in a live region. */
export function RemindersNotice({ r, stateName }: { r: ReturnType<typeof useReminders>; stateName: (code: string) => string }) {
  const { t } = useTranslation();
  const o = r.outcome;
  const error = r.loadError ?? (o && "error" in o ? o.error : null);
  return (
    <>
      {r.remindEveryHours !== null && <p className="muted">{t("reminders.every", { count: r.remindEveryHours })}</p>}
      <div className="live" aria-live="polite" data-testid="remind-outcome">
        {o && "queued" in o && (
          <p className="success" role="status">
            {o.queued > 0 ? t("reminders.sent", { state: stateName(o.state), count: o.queued }) : t("reminders.sentNobody", { state: stateName(o.state) })}
          </p>
        )}
      </div>
      <ErrorMessage error={error} />
    </>
  );
}

/** One state's reminders (when, kind, to whom, status) and its "Remind now" while it has not acknowledged. */
export function StateReminders({
  reminders,
  state,
  stateName,
  acknowledged,
  r,
}: {
  reminders: Reminders;
  state: string;
  stateName: string;
  acknowledged: boolean;
  r: ReturnType<typeof useReminders>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      {reminders.length === 0 ? (
        <span className="muted">{t("reminders.none")}</span>
      ) : (
        <ul className="plain-list reminders">
          {reminders.map((m) => (
            <li key={`${m.at}-${m.kind}-${m.audience}`} data-kind={m.kind} data-status={m.status}>
              {fmt.dateTime(m.at)} · {t(`reminders.kinds.${m.kind}`)} · {t(`reminders.audiences.${m.audience}`)} · {t(`reminders.statuses.${m.status}`)}
            </li>
          ))}
        </ul>
      )}
      {!acknowledged && (
        <button type="button" disabled={r.sending !== null} aria-label={t("reminders.remindState", { state: stateName })} onClick={() => void r.remind(state)}>
          {r.sending === state ? t("reminders.sending") : t("reminders.remindNow")}
        </button>
      )}
    </>
  );
}
