// Outside the page while the app is open: counts in the tab title, the app badge, and the optional
// urgent chime. Mounted once for the whole app, so it works on every screen, not only Home.
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { useSession } from "../app/session.js";
import type { Session } from "../api/types.js";
import { useMatrix } from "../matrix/MatrixClientContext.js";
import { useNow, useTimelineVersion } from "../matrix/hooks.js";
import { roomCounts, type RoomCounts } from "../matrix/counts.js";
import type { TimelineStore } from "../matrix/timeline.js";
import { badgeCount, shouldChime, tabTitle, totals } from "./attention.js";
import { playUrgentTone } from "./tone.js";
import { useUrgentSound } from "./sound-pref.js";
import { storeFallbackText } from "./sw-strings.js";

export function AttentionSignals() {
  const { t, i18n } = useTranslation();
  const { state } = useMatrix();
  const { state: signedIn } = useSession();
  const base = t("app.name");
  const [fallbackTitle, fallbackBody] = [t("notify.fallback.title"), t("notify.fallback.body")];
  useEffect(() => {
    void storeFallbackText({ title: fallbackTitle, body: fallbackBody });
  }, [i18n.language, fallbackTitle, fallbackBody]);
  // Both: for one render after a sign-out the Matrix side may still read as ready.
  const ready = state.status === "ready" && signedIn.status === "signed-in" ? { ...state, person: signedIn.session.person } : null;
  useEffect(() => {
    if (ready) return;
    document.title = base;
    void navigator.clearAppBadge?.().catch(() => undefined);
  }, [ready, base]);
  return ready ? <Signals person={ready.person} session={ready.session} timeline={ready.timeline} base={base} /> : null;
}

function Signals(p: { person: Session["person"]; session: EnlaceSession; timeline: TimelineStore; base: string }) {
  const { person, session, timeline, base } = p;
  const version = useTimelineVersion(timeline);
  const now = useNow();
  const [sound] = useUrgentSound(person.id);
  const acknowledges = person.memberState !== null;
  const counts = useMemo(
    () =>
      totals(
        timeline.rooms().map((r) => roomCounts(timeline.items(r.roomId), { userId: session.userId, readUpTo: timeline.readUpTo(r.roomId), acknowledges, now })),
      ),
    [timeline, version, session.userId, acknowledges, now],
  );
  const previous = useRef<RoomCounts | null>(null);

  useEffect(() => {
    document.title = tabTitle(base, counts);
    const n = badgeCount(counts);
    // Installed apps (and Chromium tabs that support it) show the number on the icon.
    void (n > 0 ? navigator.setAppBadge?.(n) : navigator.clearAppBadge?.())?.catch(() => undefined);
    if (sound && shouldChime(previous.current, counts)) void playUrgentTone();
    previous.current = counts;
  }, [counts, base, sound]);
  useEffect(
    () => () => {
      document.title = base;
    },
    [base],
  );
  return null;
}
