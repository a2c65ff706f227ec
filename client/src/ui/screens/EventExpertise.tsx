import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { roomCeiling, roomKey } from "#shared/matrix/rooms.js";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { useApi } from "../../app/api-context.js";
import { useAsync } from "../../app/async.js";
import { useSignedIn } from "../../app/session.js";
import { capabilitiesOf } from "../../app/roles.js";
import { navHref } from "../../app/router.js";
import { useFormat } from "../../i18n/format.js";
import { MatrixGate } from "../../matrix/MatrixGate.js";
import { useNow, useRoomName } from "../../matrix/hooks.js";
import { enlaceRooms, useItems } from "../../library/useItems.js";
import { requestsForEvent, type RequestView } from "../../library/expertise.js";
import { Sender } from "../cards/Sender.js";
import { TlpBadge } from "../cards/TlpBadge.js";
import { AsyncView } from "../components/bits.js";
import { SelectField } from "../components/Field.js";
import { ExpertiseOfferComposer } from "../composers/ExpertiseOfferComposer.js";
import { ExpertiseRequestComposer } from "../composers/ExpertiseRequestComposer.js";
import { ExpertiseStatusControl } from "../composers/ExpertiseStatusControl.js";

const KINDS = ["expertise.request", "expertise.offer", "expertise.status"] as const;

/** A major event's expertise requests found in my rooms: status (open, matched, closed) and offers. */
export function EventExpertise({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const api = useApi();
  const [events, reload] = useAsync(api.majorEvents, "events");
  return (
    <section aria-labelledby="expertise-title">
      <AsyncView state={events} retry={reload}>
        {(list) => {
          const ev = list.find((e) => e.id === eventId);
          if (!ev)
            return (
              <>
                <h1 id="expertise-title">{t("expertise.title")}</h1>
                <p className="notice">{t("expertise.unknownEvent")}</p>
              </>
            );
          return (
            <>
              <h1 id="expertise-title">{t("expertise.titleFor", { event: ev.name })}</h1>
              <p className="muted">
                {fmt.region(ev.hostState)} · {fmt.dateRange(ev.startsOn, ev.endsOn)}
              </p>
              <p>
                <a href={navHref("directory")}>{t("expertise.directory")}</a> · <a href={navHref("events")}>{t("expertise.allEvents")}</a>
              </p>
              <MatrixGate>{(s) => <Requests session={s} eventId={eventId} />}</MatrixGate>
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}

function Requests({ session, eventId }: { session: EnlaceSession; eventId: string }) {
  const { t } = useTranslation();
  const person = useSignedIn();
  const caps = capabilitiesOf(person);
  const { items, loadOlder, loadingOlder } = useItems(KINDS);
  const now = useNow();
  const coordinatorOf = caps.coordinatorStates.join(",");
  const views = useMemo(
    () =>
      requestsForEvent(eventId, items, now, { userId: session.userId, officer: caps.isOfficer, coordinatorOf: coordinatorOf ? coordinatorOf.split(",") : [] }),
    [session, eventId, items, now, caps.isOfficer, coordinatorOf],
  );
  return (
    <>
      <p role="status">{views.length === 0 ? t("expertise.none") : t("expertise.count", { count: views.length })}</p>
      <ul className="requests">
        {views.map((v) => (
          <RequestCard key={v.request.eventId} session={session} view={v} />
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => void loadOlder()} disabled={loadingOlder}>
          {loadingOlder ? t("library.loadingOlder") : t("library.loadOlder")}
        </button>
      </div>
      <NewRequest session={session} eventId={eventId} />
    </>
  );
}

function RequestCard({ session, view }: { session: EnlaceSession; view: RequestView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [offering, setOffering] = useState(false);
  const { request: r, status, offers } = view;
  const c = r.content;
  const room = session.client.getRoom(r.roomId);
  const ceiling = roomCeiling(room);
  const mine = r.sender === session.userId;
  return (
    <li className="panel request" data-request={r.eventId}>
      <h2>
        <span className={`badge expertise-${status.status}`}>{t(`content.expertiseStatus.${status.status}`)}</span> <TlpBadge tlp={c.tlp} />{" "}
        {fmt.list(c.areasNeeded)}
      </h2>
      {status.reason === "deadline" && <p className="muted">{t("expertise.closedAtDeadline")}</p>}
      <dl className="facts">
        <dt>{t("expertise.requestedBy")}</dt>
        <dd>
          <Sender sender={r.sender} trust={r.trust} />
        </dd>
        <dt>{t("expertise.form")}</dt>
        <dd>{t(`content.expertiseForm.${c.form}`)}</dd>
        <dt>{t("expertise.venue")}</dt>
        <dd>{t(`expertise.venueType.${c.venueType}`)}</dd>
        <dt>{t("expertise.deadline")}</dt>
        <dd>{fmt.dateTime(c.deadline)}</dd>
      </dl>
      {c.details && <p className="summary">{c.details}</p>}
      <h3>{t("expertise.offers", { count: offers.length })}</h3>
      {offers.length > 0 && (
        <ul className="offers">
          {offers.map((o) => (
            <li key={o.eventId} className="offer">
              <p>
                <Sender sender={o.sender} trust={o.trust} /> <TlpBadge tlp={o.content.tlp} />
              </p>
              <dl className="facts">
                <dt>{t("expertise.offerAreas")}</dt>
                <dd>{fmt.list(o.content.areas)}</dd>
                <dt>{t("expertise.form")}</dt>
                <dd>{t(`content.expertiseForm.${o.content.form}`)}</dd>
                <dt>{t("expertise.availability")}</dt>
                <dd>{o.content.availability}</dd>
                {o.content.note && (
                  <>
                    <dt>{t("expertise.note")}</dt>
                    <dd>{o.content.note}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {!mine &&
        status.status === "open" &&
        (offering ? (
          <ExpertiseOfferComposer
            session={session}
            roomId={r.roomId}
            requestEventId={r.eventId}
            requestTlp={c.tlp}
            ceiling={ceiling}
            onCancel={() => setOffering(false)}
          />
        ) : (
          <button type="button" onClick={() => setOffering(true)}>
            {t("expertise.offer")}
          </button>
        ))}
      {view.mayChangeStatus && (
        <ExpertiseStatusControl session={session} roomId={r.roomId} requestEventId={r.eventId} tlp={c.tlp} ceiling={ceiling} current={status.status} />
      )}
    </li>
  );
}

/** A new request for this event, in one of my rooms where peers can answer (network rooms, the event's planning cell). */
function NewRequest({ session, eventId }: { session: EnlaceSession; eventId: string }) {
  const { t } = useTranslation();
  const roomName = useRoomName();
  const rooms = enlaceRooms(session).filter((r) => {
    const k = roomKey(r);
    return !!k && (k.startsWith("network:") || k === `cell:${eventId}`);
  });
  const [roomId, setRoomId] = useState("");
  const chosen = rooms.find((r) => r.roomId === roomId) ?? null;
  if (rooms.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="new-request-title">
      <h2 id="new-request-title">{t("expertise.newRequest")}</h2>
      <SelectField label={t("expertise.room")} name="room" value={roomId} onChange={(e) => setRoomId(e.target.value)}>
        <option value="">{t("expertise.chooseRoom")}</option>
        {rooms.map((r) => (
          <option key={r.roomId} value={r.roomId}>
            {roomName(r)}
          </option>
        ))}
      </SelectField>
      {chosen && <ExpertiseRequestComposer key={chosen.roomId} session={session} roomId={chosen.roomId} ceiling={roomCeiling(chosen)} eventId={eventId} />}
    </section>
  );
}
