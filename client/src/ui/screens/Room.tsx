import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { roomCeiling, roomKey } from "#shared/matrix/rooms.js";
import { sendAck } from "#shared/matrix/send.js";
import { useSignedIn } from "../../app/session.js";
import { useApi } from "../../app/api-context.js";
import { capabilitiesOf } from "../../app/roles.js";
import { hrefOf } from "../../app/router.js";
import { MatrixGate } from "../../matrix/MatrixGate.js";
import { useRoomName, useTimelineVersion } from "../../matrix/hooks.js";
import { acknowledgedBy, isAck, isAdvisory } from "../../matrix/counts.js";
import type { TimelineStore } from "../../matrix/timeline.js";
import { EventCard } from "../cards/EventCard.js";
import { TlpBadge } from "../cards/TlpBadge.js";
import { Composer } from "../composers/Composer.js";
import { MessageBox } from "../talk/MessageBox.js";
import { Thread } from "../talk/Thread.js";
import { discussable, isReply, talksHere, threadsOf, type ThreadItems } from "../talk/threads.js";
import { useConversation, useCounterpartPresent } from "../conversations/useConversation.js";

const NO_THREAD: ThreadItems = { replies: [], others: 0 };

export function Room({ roomId }: { roomId: string }) {
  return <MatrixGate>{(s, timeline) => <RoomView roomId={roomId} session={s} timeline={timeline} />}</MatrixGate>;
}

function RoomView({ roomId, session, timeline }: { roomId: string; session: EnlaceSession; timeline: TimelineStore }) {
  const { t } = useTranslation();
  const person = useSignedIn().person;
  const api = useApi();
  const caps = capabilitiesOf(useSignedIn());
  const version = useTimelineVersion(timeline);
  const roomName = useRoomName();
  const room = timeline.room(roomId);
  const conversation = useConversation(room ? roomKey(room) : null);
  const counterpartPresent = useCounterpartPresent(room, conversation?.with.matrixUserId);
  const joined = room?.getMyMembership() === "join";
  const items = useMemo(() => timeline.items(roomId), [timeline, roomId, version]);
  // Acknowledgements are bookkeeping (counted in coverage), not messages of their own.
  // Replies are shown under their alert or incident, not in the room's own timeline (an incident's updates stay).
  const shown = useMemo(() => items.filter((i) => !isAck(i) && !isReply(i) && !(i.content.status === "valid" && i.content.kind === "room.tlp")), [items]);
  const threads = useMemo(() => threadsOf(items), [items]);
  const [justAcked, setJustAcked] = useState<Set<string>>(new Set());
  const [loadingOlder, setLoadingOlder] = useState(false);
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
  const name = conversation ? t("conversations.with", { name: conversation.with.fullName }) : roomName(room);
  // In a direct conversation, write only once the other person is in (and still vetted): see useCounterpartPresent.
  const canTalk = talksHere(roomKey(room)) && (!roomKey(room)?.startsWith("dm:") || (conversation !== null && counterpartPresent));
  const loadOlder = async () => {
    setLoadingOlder(true);
    await timeline.loadOlder(roomId).finally(() => setLoadingOlder(false));
  };
  // Offered only when the homeserver has something earlier (re-read at every timeline change).
  const canLoadOlder = timeline.canLoadOlder(roomId);

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
      <Composer roomId={roomId} tlpCeiling={ceiling} roomKey={roomKey(room)} />
      {(canLoadOlder || loadingOlder) && (
        <div className="actions">
          <button type="button" onClick={() => void loadOlder()} disabled={loadingOlder}>
            {loadingOlder ? t("room.loadingOlder") : t("room.loadOlder")}
          </button>
        </div>
      )}
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
                    // The signed ack in the room is what counts; telling the control plane stops the
                    // state's reminders (it cannot read the room). If that call fails, the state may still get
                    // reminders it no longer needs; the acknowledgement itself stands.
                    if (isAdvisory(item)) void api.acknowledgeAdvisory(item.content.content.programCode, item.content.content.number).catch(() => undefined);
                    setJustAcked((s) => new Set(s).add(item.eventId));
                  },
                  showCoverage: isAdvisory(item) && (caps.isAdmin || caps.officerPrograms.includes(item.content.content.programCode)),
                }}
              />
              {discussable(item) && <Thread root={item} thread={threads.get(item.eventId) ?? NO_THREAD} title={discussable(item)!} />}
            </li>
          ))}
        </ol>
      )}
      {conversation && !conversation.with.active && <p className="muted">{t("conversations.notVetted")}</p>}
      {conversation?.with.active && !counterpartPresent && (
        <p className="muted" role="status">
          {t("conversations.waiting", { name: conversation.with.fullName })}
        </p>
      )}
      {canTalk && <MessageBox roomId={roomId} label={t("talk.message.label")} placeholder={t("talk.message.placeholder")} />}
    </section>
  );
}
