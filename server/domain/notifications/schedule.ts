const H = 3600_000;

/**
 * When a state that has not acknowledged is reminded next, after `after`: every `everyHours` from
 * publication, then hourly in the last 24 hours before the deadline (the last one an hour before
 * it; the coordinator is told at the deadline itself). null when no reminder is left.
 */
export function nextReminderAt(published: Date, deadline: Date, everyHours: number, after: Date): Date | null {
  const s = published.getTime();
  const d = deadline.getTime();
  const a = Math.max(after.getTime(), s);
  const lastDay = d - 24 * H;
  if (a < lastDay) {
    const step = everyHours * H;
    const t = s + (Math.floor((a - s) / step) + 1) * step;
    if (t < lastDay) return new Date(t);
  }
  // Hourly, on the hour counted back from the deadline: d - h·1h, the first one after `a`.
  const h = Math.min(24, Math.ceil((d - a) / H) - 1);
  return h >= 1 ? new Date(d - h * H) : null;
}
