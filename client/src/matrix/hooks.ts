import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { Room } from "matrix-js-sdk";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { roomKey } from "#shared/matrix/rooms.js";
import { useReference } from "../app/reference.js";
import type { TimelineStore } from "./timeline.js";
import { parseRoomKey } from "./room-keys.js";

/** Re-renders when the timeline store changes; the number is its version, for memo keys. */
export const useTimelineVersion = (timeline: TimelineStore) => useSyncExternalStore(timeline.subscribe, timeline.getVersion);

/** The current time, refreshed periodically (deadlines turn overdue while a screen is open). */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * A managed room's name in the reader's language, from its registry key. Room names in Matrix are
 * the registry's English; a planning cell keeps its event's name (the part after the dash).
 */
export function useRoomName(): (room: Room) => string {
  const { t } = useTranslation();
  const { programName } = useReference();
  return useCallback(
    (room: Room) => {
      const info = parseRoomKey(roomKey(room));
      if (info.hemisphere) return t("room.name.hemisphere");
      if (info.kind === "advisories" && info.program) return t("room.name.advisories", { program: programName(info.program) });
      if (info.kind === "network" && info.program) return t("room.name.network", { program: programName(info.program) });
      if (info.kind === "cell") return t("room.name.cell", { event: room.name.split(" — ").slice(1).join(" — ") || room.name });
      if (roomKey(room)?.startsWith("dm:")) return t("conversations.direct");
      return room.name;
    },
    [t, programName],
  );
}

/**
 * Shares the room's key with every member device as soon as a form to write in it is open, so the
 * send itself is as fast as a warm one (`npm run bench -- --only keyshare`: a cold key share to 2,000
 * devices takes seconds, the send after it a fraction of that). Nothing is sent: the key goes only to
 * the devices a send would reach.
 */
export function usePrepareToEncrypt(session: EnlaceSession | null, roomId: string, open: boolean) {
  useEffect(() => {
    if (!open || !session) return;
    const room = session.client.getRoom(roomId);
    if (room) session.client.getCrypto()?.prepareToEncrypt(room);
  }, [session, roomId, open]);
}
