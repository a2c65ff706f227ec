import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Direction, type MatrixEvent } from "matrix-js-sdk";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { roomCeiling } from "#shared/matrix/rooms.js";
import { hrefOf } from "../../app/router.js";
import { useFormat } from "../../i18n/format.js";
import { MatrixGate } from "../../matrix/MatrixGate.js";
import { useItems } from "../../library/useItems.js";
import { ofKind, type Item } from "../../library/items.js";
import { incidentThread } from "../../library/incident.js";
import { Sender } from "../cards/Sender.js";
import { TlpBadge } from "../cards/TlpBadge.js";
import { IncidentUpdateComposer } from "../composers/IncidentUpdateComposer.js";

const KINDS = ["incident", "incident.update"] as const;

/** An incident notice, its status updates in order, its current status, and the update composer. */
export function Incident({ roomId, eventId }: { roomId: string; eventId: string }) {
  return <MatrixGate>{(s) => <IncidentView session={s} roomId={roomId} eventId={eventId} />}</MatrixGate>;
}

function IncidentView({ session, roomId, eventId }: { session: EnlaceSession; roomId: string; eventId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // The thread from the server too: the incident may be older than what this device has in memory.
  const [fetched, setFetched] = useState<{ events: MatrixEvent[]; done: boolean }>({ events: [], done: false });
  useEffect(() => {
    let live = true;
    session.client
      .relations(roomId, eventId, "m.thread", null, { dir: Direction.Backward, limit: 200 })
      .then((r) => {
        if (live) setFetched({ events: [...(r.originalEvent ? [r.originalEvent] : []), ...r.events], done: true });
      })
      .catch(() => {
        if (live) setFetched({ events: [], done: true });
      });
    return () => {
      live = false;
    };
  }, [session, roomId, eventId]);
  const { items } = useItems(KINDS, roomId, fetched.events);
  const root = useMemo(() => ofKind(items, "incident").find((i) => i.eventId === eventId) as Item<"incident"> | undefined, [items, eventId]);
  const thread = useMemo(() => (root ? incidentThread(root, items) : null), [root, items]);
  const room = session.client.getRoom(roomId);
  const back = (
    <p className="crumbs">
      <a href={hrefOf({ name: "room", roomId })}>{t("incident.back")}</a>
    </p>
  );

  if (!root || !thread) {
    return (
      <section aria-labelledby="incident-title">
        {back}
        <h1 id="incident-title">{t("incident.title")}</h1>
        {fetched.done ? (
          <p className="notice">{t("incident.notFound")}</p>
        ) : (
          <p className="muted" role="status">
            {t("incident.loading")}
          </p>
        )}
      </section>
    );
  }
  const c = root.content;
  return (
    <section aria-labelledby="incident-title" className="incident">
      {back}
      <h1 id="incident-title">
        <TlpBadge tlp={c.tlp} /> {c.title}
      </h1>
      <p className={`incident-status status-${thread.status}`} data-status={thread.status}>
        <strong>{t("incident.current", { status: t(`content.incidentStatus.${thread.status}`) })}</strong>{" "}
        <span className="muted">{t("incident.since", { time: fmt.dateTime(new Date(thread.since)) })}</span>
      </p>
      <article className="panel">
        <dl className="facts">
          <dt>{t("incident.when")}</dt>
          <dd>{fmt.dateTime(c.when)}</dd>
          <dt>{t("incident.where")}</dt>
          <dd>{c.where.text}</dd>
          <dt>{t("incident.reportedBy")}</dt>
          <dd>
            <Sender sender={root.sender} trust={root.trust} />
          </dd>
          <dt>{t("incident.reportedAt")}</dt>
          <dd>{fmt.dateTime(new Date(root.ts))}</dd>
        </dl>
        <p className="summary">{c.what}</p>
      </article>
      <h2>{t("incident.updates")}</h2>
      {thread.updates.length === 0 ? (
        <p className="muted">{t("incident.noUpdates")}</p>
      ) : (
        <ol className="updates">
          {thread.updates.map((u) => (
            <li key={u.eventId} className={`panel update${u.counts ? "" : " update-uncounted"}`}>
              <p className="update-head">
                <strong>{t(`content.incidentStatus.${u.content.status}`)}</strong> <TlpBadge tlp={u.content.tlp} />{" "}
                <span className="muted">{fmt.dateTime(new Date(u.ts))}</span>
              </p>
              <p className="summary">{u.content.text}</p>
              <p>
                <Sender sender={u.sender} trust={u.trust} />
              </p>
              {!u.counts && <p className="notice">{t("incident.notCounted")}</p>}
            </li>
          ))}
        </ol>
      )}
      <IncidentUpdateComposer
        session={session}
        roomId={roomId}
        incidentEventId={eventId}
        incidentTlp={c.tlp}
        currentStatus={thread.status}
        ceiling={roomCeiling(room)}
      />
    </section>
  );
}
