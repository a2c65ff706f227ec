import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from "react";
import { CryptoEvent } from "matrix-js-sdk/lib/crypto-api/index.js";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { hrefOf } from "../../app/router.js";
import { useFormat } from "../../i18n/format.js";
import { advisoryTitleFor } from "#shared/content/advisory.js";
import { useReference } from "../../app/reference.js";
import { MatrixGate } from "../../matrix/MatrixGate.js";
import { useNow, useRoomName, useTimelineVersion } from "../../matrix/hooks.js";
import { isAdvisory, type AdvisoryItem } from "../../matrix/counts.js";
import { advisoryCoverage } from "../../matrix/coverage.js";
import { expectedPeople } from "../../matrix/expected-states.js";
import { readership } from "../../matrix/readership.js";
import { memberDevices } from "#shared/matrix/delivery.js";
import { tallyAcks } from "#shared/matrix/advisories.js";
import type { TimelineStore } from "../../matrix/timeline.js";
import type { Item } from "../../matrix/items.js";
import { TlpBadge } from "../cards/TlpBadge.js";
import { RemindersNotice, StateReminders, useReminders } from "../components/Reminders.js";
import { saveFile } from "../../library/save.js";
import { coverageCsv, coverageRows } from "./coverageRows.js";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import { roomKey } from "#shared/matrix/rooms.js";
import { expectedStates, type ExpectedScope } from "#shared/content/expected-states.js";
import { ScrollBox } from "../components/ScrollBox.js";

// d3-geo, topojson-client and Natural Earth's shapes load with the map only, not in the main bundle.
const CoverageMap = lazy(async () => ({ default: (await import("../components/CoverageMap.js")).CoverageMap }));

export function Coverage({ roomId, eventId }: { roomId: string; eventId: string }) {
  return <MatrixGate>{(s, timeline) => <CoverageView roomId={roomId} eventId={eventId} session={s} timeline={timeline} />}</MatrixGate>;
}

/** Who has acknowledged an advisory, per member state; updated live as acknowledgements arrive. */
function CoverageView({ roomId, eventId, session, timeline }: { roomId: string; eventId: string; session: EnlaceSession; timeline: TimelineStore }) {
  const { t } = useTranslation();
  const { memberStates } = useReference();
  const api = useApi();
  const version = useTimelineVersion(timeline);
  const now = useNow();
  const roomName = useRoomName();
  const items = useMemo(() => timeline.items(roomId), [timeline, roomId, version]);
  const advisory = items.find((i) => i.eventId === eventId);
  const programs = advisory && isAdvisory(advisory) ? advisory.content.content.programs : null;
  const [people, setPeople] = useState<{ byState: Map<string, string[]>; readers: Set<string> } | null>(null);
  const programsKey = programs?.join(",") ?? "";
  // A member's device appearing or being cross-signed changes who can read, without a timeline event.
  const [devicesSeen, setDevicesSeen] = useState(0);
  useEffect(() => {
    const bump = () => setDevicesSeen((n) => n + 1);
    session.client.on(CryptoEvent.DevicesUpdated, bump);
    session.client.on(CryptoEvent.UserTrustStatusChanged, bump);
    return () => {
      session.client.off(CryptoEvent.DevicesUpdated, bump);
      session.client.off(CryptoEvent.UserTrustStatusChanged, bump);
    };
  }, [session]);

  useEffect(() => {
    // Keyed on the programs' text, not the array (a new array on every render).
    const list = programsKey ? programsKey.split(",") : null;
    if (!list) return;
    let live = true;
    // Who can read: members with a device their owner cross-signed, as this officer's crypto knows them.
    void Promise.all([expectedPeople(session, roomId, list), memberDevices(session.client, roomId)]).then(([byState, devices]) => {
      if (live) setPeople({ byState, readers: new Set(devices.filter((m) => m.devices.some((d) => d.signedByOwner)).map((m) => m.userId)) });
    });
    return () => {
      live = false;
    };
    // Keyed on the programs' text, not the array; membership or credentials may change with any update.
  }, [session, roomId, programsKey, version, devicesSeen]);

  const room = timeline.room(roomId);
  // Read fresh, not from the sign-in's reference data: a state vetted since then participates now.
  const [programList] = useAsync(api.programs, `coverage:${roomId}:${eventId}`);
  const registry = useMemo(() => {
    if (memberStates.status === "loading" || memberStates.status === "idle" || programList.status === "loading" || programList.status === "idle") return null;
    const codes = memberStates.status === "ready" ? memberStates.data.map((m) => m.code) : [];
    const participating = new Map(programList.status === "ready" ? programList.data.map((p) => [p.code, p.participatingStates]) : []);
    return expectedStates({ roomKey: room ? roomKey(room) : null, programs: programs ?? [], memberStates: codes, participating });
  }, [memberStates, programList, room, programs]);
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
  return (
    <CoverageReportView
      advisory={advisory}
      items={items}
      people={people}
      registry={registry}
      now={now}
      crumbs={
        <p className="crumbs">
          <a href={hrefOf({ name: "home" })}>{t("nav.home")}</a> › {room && <a href={hrefOf({ name: "room", roomId })}>{roomName(room)}</a>}
        </p>
      }
    />
  );
}

function CoverageReportView({
  advisory,
  items,
  people,
  registry,
  now,
  crumbs,
}: {
  advisory: AdvisoryItem;
  items: Item[];
  people: { byState: Map<string, string[]>; readers: Set<string> } | null;
  registry: { scope: ExpectedScope; states: string[] } | null;
  now: Date;
  crumbs: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { programName } = useReference();
  const a = advisory.content.content;
  // Decision (issue 11): a hemisphere advisory expects all 35 member states, a program's advisory its
  // participating states (shared/content/expected-states.ts). A state with no vetted focal point or
  // alternate of the advisory's programs in the room is "no focal point", not pending: nobody there can
  // acknowledge. States with people in the room but missing from the registry's list still show.
  const expected = registry && people ? [...new Set([...registry.states, ...people.byState.keys()])].sort() : null;
  const report = expected && people ? advisoryCoverage(advisory, items, expected, now, new Set(people.byState.keys())) : null;
  const readers = people ? readership(people.byState, people.readers, tallyAcks(items, advisory.eventId).counted) : null;
  const reminders = useReminders(a.programCode, a.number, String(report?.acknowledged ?? 0));
  const rows = report ? coverageRows(report, readers, reminders.byState) : [];
  const download = () =>
    saveFile(new TextEncoder().encode(coverageCsv(rows)), `enlace-coverage-${a.programCode}-${a.number}-${new Date().toISOString().slice(0, 10)}.csv`);
  return (
    <section aria-labelledby="coverage-title">
      {crumbs}
      <h1 id="coverage-title">{t("coverage.title")}</h1>
      <p className="card-title">
        {t("cards.advisory.number", { program: programName(a.programCode), number: a.number })} <TlpBadge tlp={a.tlp} /> {advisoryTitleFor(a, i18n.language)}
      </p>
      {a.ackDeadline && <p>{t("coverage.deadline", { date: fmt.dateTime(a.ackDeadline) })}</p>}
      {!report ? (
        <p className="muted" role="status">
          {t("app.loading")}
        </p>
      ) : (
        <>
          <p aria-live="polite" data-testid="coverage-summary">
            {t("coverage.summary", {
              acknowledged: report.acknowledged,
              expected: report.states.length,
              pending: report.pending,
              overdue: report.overdue,
              noFocalPoint: report.noFocalPoint,
            })}
          </p>
          <p className="muted" data-testid="coverage-scope">
            {registry?.scope === "program" ? t("coverage.programStatesHelp", { program: programName(a.programCode) }) : t("coverage.allStatesHelp")}
          </p>
          {(reminders.byState || reminders.loadError) && <RemindersNotice r={reminders} stateName={fmt.region} />}
          {report.states.length > 0 && (
            <p>
              <button type="button" onClick={download}>
                {t("coverage.exportCsv")}
              </button>
            </p>
          )}
          {report.states.length === 0 ? (
            <p className="muted">{t("coverage.nobody")}</p>
          ) : (
            <ScrollBox label={t("coverage.caption")}>
              <table className="coverage">
                <caption>{t("coverage.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("coverage.state")}</th>
                    <th scope="col">{t("coverage.status")}</th>
                    <th scope="col">{t("coverage.when")}</th>
                    <th scope="col">{t("coverage.who")}</th>
                    <th scope="col">{t("delivery.inRoom")}</th>
                    <th scope="col">{t("delivery.canRead")}</th>
                    <th scope="col">{t("delivery.acknowledgedPeople")}</th>
                    {reminders.byState && <th scope="col">{t("reminders.column")}</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.state} data-state={row.state} className={`coverage-${row.status}`}>
                      <th scope="row">{fmt.region(row.state)}</th>
                      <td data-col="status">
                        {row.status === "unreadable" ? t("delivery.nobodyCanRead") : t(`coverage.statuses.${row.status}`)}
                        {row.late ? ` (${t("coverage.late")})` : ""}
                      </td>
                      <td>{row.acknowledgedAt ? fmt.dateTime(row.acknowledgedAt) : "—"}</td>
                      <td data-col="acknowledged-by">
                        {row.acknowledgedBy.length === 0 ? (
                          "—"
                        ) : (
                          <ul className="plain-list ackers">
                            {row.acknowledgedBy.map((p) => (
                              // The registry name their signed credential carries, never a display name.
                              <li key={p.userId} data-user={p.userId}>
                                <span className="acker-name" translate="no" title={p.userId}>
                                  {p.name ?? p.userId}
                                </span>{" "}
                                <span className="muted acker-time">{fmt.dateTime(p.at)}</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td data-col="in-room">{row.readership?.inRoom ?? "—"}</td>
                      <td data-col="can-read">{row.readership?.canRead ?? "—"}</td>
                      <td data-col="acknowledged">{row.readership?.acknowledged ?? "—"}</td>
                      {row.reminders && (
                        <td data-col="reminders">
                          <StateReminders
                            reminders={row.reminders}
                            state={row.state}
                            stateName={fmt.region(row.state)}
                            acknowledged={row.status === "acknowledged"}
                            r={reminders}
                          />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          <p className="muted">{t("delivery.readersHelp")}</p>
          {rows.length > 0 && (
            <Suspense fallback={null}>
              <CoverageMap statuses={new Map(rows.map((r) => [r.state, r.status]))} stateName={fmt.region} />
            </Suspense>
          )}
          {report.notCounted.length > 0 && (
            <div className="notice-panel not-counted" data-testid="coverage-not-counted">
              <p>{t("coverage.notCounted", { count: report.notCounted.length })}</p>
              <p className="muted">{t("coverage.notCountedHelp")}</p>
              <ul className="plain-list">
                {report.notCounted.map((n) => (
                  <li key={n.eventId} title={n.reason}>
                    <span translate="no">{n.sender}</span> — {t("coverage.notCountedStatus")}
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
