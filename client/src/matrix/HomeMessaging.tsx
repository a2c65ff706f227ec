import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { roomCeiling, roomKey } from "#shared/matrix/rooms.js";
import { useSignedIn } from "../app/session.js";
import { capabilitiesOf } from "../app/roles.js";
import { useReference } from "../app/reference.js";
import { hrefOf } from "../app/router.js";
import { useFormat } from "../i18n/format.js";
import { advisoryTitleFor } from "#shared/content/advisory.js";
import { TlpBadge } from "../ui/cards/TlpBadge.js";
import { SeverityBadge } from "../ui/cards/AlertCard.js";
import { MatrixGate } from "./MatrixGate.js";
import { useNow, useRoomName, useTimelineVersion } from "./hooks.js";
import { alertsBySeverity, awaitingMyAck, isAdvisory, roomCounts } from "./counts.js";
import { tallyAcks } from "#shared/matrix/advisories.js";
import { groupRooms } from "./room-keys.js";
import type { TimelineStore } from "./timeline.js";

/** Home's messaging part: rooms by program with unread and urgent counts, acknowledgements due, recent alerts. */
export function HomeMessaging() {
  return <MatrixGate quietWhenUnavailable>{(s, timeline) => <Overview session={s} timeline={timeline} />}</MatrixGate>;
}

function Overview({ session, timeline }: { session: EnlaceSession; timeline: TimelineStore }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { programName } = useReference();
  const signedIn = useSignedIn();
  const person = signedIn.person;
  const caps = useMemo(() => capabilitiesOf(signedIn), [signedIn]);
  const watchesCoverage = caps.isAdmin || caps.officerPrograms.length > 0;
  const version = useTimelineVersion(timeline);
  const now = useNow();
  const roomName = useRoomName();
  const acknowledges = person.memberState !== null;

  const view = useMemo(() => {
    const rooms = timeline.rooms();
    const byId = new Map(rooms.map((r) => [r.roomId, r]));
    const counts = new Map(
      rooms.map((r) => [r.roomId, roomCounts(timeline.items(r.roomId), { userId: session.userId, readUpTo: timeline.readUpTo(r.roomId), acknowledges, now })]),
    );
    const groups = groupRooms(rooms.map((r) => ({ roomId: r.roomId, key: roomKey(r), name: roomName(r) })));
    const awaiting = acknowledges ? rooms.flatMap((r) => awaitingMyAck(timeline.items(r.roomId), session.userId, now)) : [];
    awaiting.sort((a, b) => (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999"));
    const alerts = alertsBySeverity(
      rooms.flatMap((r) => timeline.items(r.roomId)),
      8,
    );
    // The Secretariat's view: advisories of its programs that ask for acknowledgement, newest first,
    // with how many member states have acknowledged so far (the coverage view has the detail).
    const watched = watchesCoverage
      ? rooms
          .flatMap((r) => {
            const items = timeline.items(r.roomId);
            return items
              .filter(isAdvisory)
              .filter((a) => a.content.content.requiresAck && (caps.isAdmin || caps.officerPrograms.includes(a.content.content.programCode)))
              .map((a) => ({ item: a, states: new Set(tallyAcks(items, a.eventId).counted.map((c) => c.state)).size }));
          })
          .sort((a, b) => b.item.ts - a.item.ts)
          .slice(0, 10)
      : [];
    return { byId, counts, groups, awaiting, alerts, watched };
  }, [timeline, version, now, session.userId, acknowledges, roomName, watchesCoverage, caps]);

  const groupTitle = (g: (typeof view.groups)[number]) => (g.group === "program" ? programName(g.program) : t(`home.roomGroups.${g.group}`));

  return (
    <div className="messaging">
      {acknowledges && (
        <section className="panel" aria-labelledby="awaiting-title" data-testid="awaiting-ack">
          <h2 id="awaiting-title">{t("home.awaitingAck")}</h2>
          {view.awaiting.length === 0 ? (
            <p className="muted">{t("home.awaitingNone")}</p>
          ) : (
            <ul className="plain-list">
              {view.awaiting.map(({ item, deadline, overdue }) => (
                <li key={item.eventId} className={overdue ? "overdue" : undefined}>
                  <a href={hrefOf({ name: "room", roomId: item.roomId })}>
                    {t("cards.advisory.number", { program: programName(item.content.content.programCode), number: item.content.content.number })} —{" "}
                    {advisoryTitleFor(item.content.content, i18n.language)}
                  </a>{" "}
                  {deadline && (
                    <span>{overdue ? t("home.overdueSince", { date: fmt.dateTime(deadline) }) : t("home.dueBy", { date: fmt.dateTime(deadline) })}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {watchesCoverage && (
        <section className="panel" aria-labelledby="watched-title" data-testid="watched-advisories">
          <h2 id="watched-title">{t("home.watchedTitle")}</h2>
          {view.watched.length === 0 ? (
            <p className="muted">{t("home.watchedNone")}</p>
          ) : (
            <ul className="plain-list">
              {view.watched.map(({ item, states }) => (
                <li key={item.eventId}>
                  <a href={hrefOf({ name: "coverage", roomId: item.roomId, eventId: item.eventId })}>
                    {t("cards.advisory.number", { program: programName(item.content.content.programCode), number: item.content.content.number })} —{" "}
                    {advisoryTitleFor(item.content.content, i18n.language)}
                  </a>{" "}
                  <span>{t("home.ackedBy", { count: states })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="rooms-title">
        <h2 id="rooms-title">{t("home.rooms")}</h2>
        {view.groups.length === 0 ? (
          <p className="muted">{t("home.noRooms")}</p>
        ) : (
          view.groups.map((g) => (
            <section key={g.group === "program" ? g.program : g.group} className="room-group" aria-label={groupTitle(g)}>
              <h3>{groupTitle(g)}</h3>
              <ul className="room-list" data-testid="room-list">
                {g.rooms.map((r) => {
                  const c = view.counts.get(r.roomId) ?? { unread: 0, urgent: 0 };
                  const room = view.byId.get(r.roomId);
                  const ceiling = room ? roomCeiling(room) : null;
                  return (
                    <li key={r.roomId} data-room-key={r.key ?? ""}>
                      <a href={hrefOf({ name: "room", roomId: r.roomId })}>{r.name}</a>
                      {ceiling && <TlpBadge tlp={ceiling} label={t("room.ceiling")} />}
                      {c.unread > 0 && (
                        <span className="count" data-testid="unread">
                          {t("home.unread", { count: c.unread })}
                        </span>
                      )}
                      {c.urgent > 0 && (
                        <span className="count urgent" data-testid="urgent">
                          {t("home.urgent", { count: c.urgent })}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))
        )}
      </section>
      <section className="panel" aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t("home.recentAlerts")}</h2>
        {view.alerts.length === 0 ? (
          <p className="muted">{t("home.noAlerts")}</p>
        ) : (
          <ul className="plain-list">
            {view.alerts.map((a) => {
              const room = view.byId.get(a.roomId);
              return (
                <li key={a.eventId}>
                  <SeverityBadge severity={a.content.content.severity} /> <TlpBadge tlp={a.content.content.tlp} />{" "}
                  <a href={hrefOf({ name: "room", roomId: a.roomId })}>{a.content.content.title}</a>{" "}
                  <span className="muted">
                    {room ? roomName(room) : ""} · {fmt.dateTime(new Date(a.ts))}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
