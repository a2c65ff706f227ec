/**
 * Quiet hours: from `start` to `end` local time (across midnight when end < start). Returns when
 * they end if `now` falls inside them, else null. Counted in minutes from the local time of day,
 * so the answer is right on either side of a daylight-saving change except within its hour.
 */
export function quietUntil(q: { start: string; end: string; timeZone: string } | null, now: Date): Date | null {
  if (!q || q.start === q.end) return null;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: q.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const m = get("hour") * 60 + get("minute");
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const s = toMin(q.start);
  const e = toMin(q.end);
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return null;
  const minutes = (e - m + 1440) % 1440;
  return new Date(now.getTime() - get("second") * 1000 - now.getMilliseconds() + minutes * 60_000);
}
