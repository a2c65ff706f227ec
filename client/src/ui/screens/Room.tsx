import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { roomCeiling, roomKey } from "#shared/matrix/rooms.js";
import { sendAck } from "#shared/matrix/send.js";
import { useSignedIn } from "../../app/session.js";
import { capabilitiesOf } from "../../app/roles.js";
import { hrefOf } from "../../app/router.js";
import { MatrixGate } from "../../matrix/MatrixGate.js";
import { useRoomName, useTimelineVersion } from "../../matrix/hooks.js";
import { acknowledgedBy, isAck, isAdvisory } from "../../matrix/counts.js";
import type { TimelineStore } from "../../matrix/timeline.js";
import { EventCard } from "../cards/EventCard.js";
import { TlpBadge } from "../cards/TlpBadge.js";
import { Composer } from "../composers/Composer.js";

export function Room({ roomId }: { roomId: string }) {
  return <MatrixGate>{(s, timeline) => <RoomView roomId={roomId} session={s} timeline={timeline} />}</MatrixGate>;
}

function RoomView({ roomId, session, timeline }: { roomId: string; session: EnlaceSession; timeline: TimelineStore }) {
  const { t } = useTranslation();
  const person = useSignedIn().person;
  const caps = capabilitiesOf(useSignedIn());
  const version = useTimelineVersion(timeline);
  const roomName = useRoomName();
  const room = timeline.room(roomId);
  const joined = room?.getMyMembership() === "join";
  const items = useMemo(() => timeline.items(roomId), [timeline, roomId, version]);
  // Acknowledgements are bookkeeping (counted in coverage), not messages of their own.
  const shown = useMemo(() => items.filter((i) => !isAck(i) && !(i.content.status === "valid" && i.content.kind === "room.tlp")), [items]);
  const [justAcked, setJustAcked] = useState<Set<string>>(new Set());
  const [older, setOlder] = useState<"idle" | "loading" | "start">("idle");
  const acked = useMemo(() => new Set([...acknowledgedBy(items, session.userId), ...justAcked]), [items, session.userId, justAcked]);
  // People of a member state acknowledge; the Secretariat watches coverage.
  const canAck = person.memberState !== null;

  // What is on screen counts as read (and the receipt tells the person's other devices).
  useEffect(() => {
    if (joined && document.visibilityState === "visible") void timeline.markRead(roomId);
  }, [timeline, roomId, joined, version]);

  if (!room || !joined) {
    return (
      <section>
        <p>{t("room.notMember")}</p>
        <a href={hrefOf({ name: "home" })}>{t("app.backHome")}</a>
      </section>
    );
  }

  const ceiling = roomCeiling(room);
  const name = roomName(room);
  const loadOlder = async () => {
    setOlder("loading");
    setOlder((await timeline.loadOlder(roomId)) ? "idle" : "start");
  };

  return (
    <section aria-labelledby="room-title" className="room">
      <p className="crumbs">
        <a href={hrefOf({ name: "home" })}>{t("nav.home")}</a>
      </p>
      <h1 id="room-title">{name}</h1>
      {ceiling && (
        <p className="room-meta">
          {t("room.ceiling")} <TlpBadge tlp={ceiling} />
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void loadOlder()} disabled={older !== "idle"}>
          {older === "loading" ? t("room.loadingOlder") : older === "start" ? t("room.atStart") : t("room.loadOlder")}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t("room.empty")}</p>
      ) : (
        <ol className="timeline" aria-label={t("room.timeline", { room: name })}>
          {shown.map((item) => (
            <li key={item.eventId}>
              <EventCard
                item={item}
                room={room}
                ack={{
                  canAck,
                  acked: acked.has(item.eventId),
                  onAck: async () => {
                    await sendAck(session, roomId, item.eventId);
                    setJustAcked((s) => new Set(s).add(item.eventId));
                  },
                  showCoverage: isAdvisory(item) && (caps.isAdmin || caps.officerPrograms.includes(item.content.content.programCode)),
                }}
              />
            </li>
          ))}
        </ol>
      )}
      <Composer roomId={roomId} tlpCeiling={ceiling} roomKey={roomKey(room)} />
    </section>
  );
}
