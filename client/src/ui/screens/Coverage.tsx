import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { hrefOf } from "../../app/router.js";
import { useFormat } from "../../i18n/format.js";
import { useReference } from "../../app/reference.js";
import { MatrixGate } from "../../matrix/MatrixGate.js";
import { useNow, useRoomName, useTimelineVersion } from "../../matrix/hooks.js";
import { isAdvisory } from "../../matrix/counts.js";
import { advisoryCoverage } from "../../matrix/coverage.js";
import { expectedStates } from "../../matrix/expected-states.js";
import type { TimelineStore } from "../../matrix/timeline.js";
import { TlpBadge } from "../cards/TlpBadge.js";

export function Coverage({ roomId, eventId }: { roomId: string; eventId: string }) {
  return <MatrixGate>{(s, timeline) => <CoverageView roomId={roomId} eventId={eventId} session={s} timeline={timeline} />}</MatrixGate>;
}

/** Who has acknowledged an advisory, per member state; updated live as acknowledgements arrive. */
function CoverageView({ roomId, eventId, session, timeline }: { roomId: string; eventId: string; session: EnlaceSession; timeline: TimelineStore }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { programName } = useReference();
  const version = useTimelineVersion(timeline);
  const now = useNow();
  const roomName = useRoomName();
  const items = useMemo(() => timeline.items(roomId), [timeline, roomId, version]);
  const advisory = items.find((i) => i.eventId === eventId);
  const programs = advisory && isAdvisory(advisory) ? advisory.content.content.programs : null;
  const [expected, setExpected] = useState<string[] | null>(null);
  const programsKey = programs?.join(",") ?? "";

  useEffect(() => {
    // Keyed on the programs' text, not the array (a new array on every render).
    const list = programsKey ? programsKey.split(",") : null;
    if (!list) return;
    let live = true;
    void expectedStates(session, roomId, list).then((s) => {
      if (live) setExpected(s);
    });
    return () => {
      live = false;
    };
    // Keyed on the programs' text, not the array; membership or credentials may change with any update.
  }, [session, roomId, programsKey, version]);

  const room = timeline.room(roomId);
  if (!advisory || !isAdvisory(advisory)) {
    return (
      <section>
        <p className="muted" role="status">
          {items.length ? t("coverage.notFound") : t("app.loading")}
        </p>
        <a href={hrefOf({ name: "room", roomId })}>{t("coverage.backToRoom")}</a>
      </section>
    );
  }
  const a = advisory.content.content;
  const report = expected ? advisoryCoverage(advisory, items, expected, now) : null;
  return (
    <section aria-labelledby="coverage-title">
      <p className="crumbs">
        <a href={hrefOf({ name: "home" })}>{t("nav.home")}</a> › {room && <a href={hrefOf({ name: "room", roomId })}>{roomName(room)}</a>}
      </p>
      <h1 id="coverage-title">{t("coverage.title")}</h1>
      <p className="card-title">
        {t("cards.advisory.number", { program: programName(a.programCode), number: a.number })} <TlpBadge tlp={a.tlp} /> {a.title}
      </p>
      {a.ackDeadline && <p>{t("coverage.deadline", { date: fmt.dateTime(a.ackDeadline) })}</p>}
      {!report ? (
        <p className="muted" role="status">
          {t("app.loading")}
        </p>
      ) : (
        <>
          <p aria-live="polite" data-testid="coverage-summary">
            {t("coverage.summary", { acknowledged: report.acknowledged, expected: report.states.length, pending: report.pending, overdue: report.overdue })}
          </p>
          {report.states.length === 0 ? (
            <p className="muted">{t("coverage.nobody")}</p>
          ) : (
            <div className="scroll-x">
              <table className="coverage">
                <caption>{t("coverage.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("coverage.state")}</th>
                    <th scope="col">{t("coverage.status")}</th>
                    <th scope="col">{t("coverage.when")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.states.map((s) => (
                    <tr key={s.state} data-state={s.state} className={`coverage-${s.status}`}>
                      <th scope="row">{fmt.region(s.state)}</th>
                      <td>
                        {t(`coverage.statuses.${s.status}`)}
                        {s.status === "acknowledged" && s.late ? ` (${t("coverage.late")})` : ""}
                      </td>
                      <td>{s.status === "acknowledged" ? fmt.dateTime(s.firstAckAt) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {report.notCounted.length > 0 && (
            <div className="notice-panel not-counted" data-testid="coverage-not-counted">
              <p>{t("coverage.notCounted", { count: report.notCounted.length })}</p>
              <p className="muted">{t("coverage.notCountedHelp")}</p>
              <ul className="plain-list">
                {report.notCounted.map((n) => (
                  <li key={n.eventId} title={n.reason}>
                    <span translate="no">{room?.getMember(n.sender)?.name ?? n.sender}</span> — {t("coverage.notCountedStatus")}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
