// Dates and times typed in the interface's language. Chromium's <input type="date|time|datetime-local">
// follows the browser's locale and ignores `lang` (tried: an en-US browser shows 12/03/2026, 02:30 PM
// inside <html lang="es">), so a Spanish interface showed American dates. Enlace's fields are text
// inputs written and read here, in the order and clock of the interface's language, and hold the same
// values the native inputs did ("2026-12-03", "14:30", "2026-12-03T14:30") so forms did not change.

type Part = "day" | "month" | "year";

/** The order of day, month and year in the language's numeric dates, and its separator. */
export function dateOrder(lng: string): { order: Part[]; separator: string } {
  const parts = new Intl.DateTimeFormat(lng, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).formatToParts(Date.UTC(2026, 11, 31));
  const order = parts.filter((p) => p.type === "day" || p.type === "month" || p.type === "year").map((p) => p.type as Part);
  return { order, separator: parts.find((p) => p.type === "literal")?.value ?? "/" };
}

/** Whether the language writes times on a 12-hour clock ("2:30 PM") rather than 24 ("14:30"). */
export function uses12Hours(lng: string): boolean {
  const cycle = new Intl.DateTimeFormat(lng, { hour: "numeric" }).resolvedOptions().hourCycle;
  return cycle === "h12" || cycle === "h11";
}

const pad = (n: number) => String(n).padStart(2, "0");

export function formatDateText(iso: string, lng: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return "";
  const { order, separator } = dateOrder(lng);
  const byPart: Record<Part, string> = { year: m[1], month: m[2], day: m[3] };
  return order.map((p) => byPart[p]).join(separator);
}

export function formatTimeText(hhmm: string, lng: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return "";
  if (!uses12Hours(lng)) return `${m[1]}:${m[2]}`;
  const h = Number(m[1]);
  return `${h % 12 === 0 ? 12 : h % 12}:${m[2]} ${h < 12 ? "AM" : "PM"}`;
}

/** "31/12/2026" (es), "12/31/2026" (en), or an ISO date typed in any language → "2026-12-31"; null if not a day. */
export function parseDateText(text: string, lng: string): string | null {
  const t = text.trim();
  let y: number, mo: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const nums = t.split(/[^\d]+/).filter(Boolean);
    if (nums.length !== 3 || !/^\d{1,2}[./\- ]+\d{1,2}[./\- ]+\d{2,4}$|^\d{4}[./\- ]+\d{1,2}[./\- ]+\d{1,2}$/.test(t)) return null;
    const { order } = dateOrder(lng);
    const byPart = Object.fromEntries(order.map((p, i) => [p, Number(nums[i])])) as Record<Part, number>;
    const yearText = nums[order.indexOf("year")];
    if (yearText.length !== 4 && yearText.length !== 2) return null;
    [y, mo, d] = [yearText.length === 2 ? 2000 + byPart.year : byPart.year, byPart.month, byPart.day];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || d < 1 || date.getUTCDate() !== d || y < 1900 || y > 2999) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** "14:30", "14h30", "14.30", "2:30 pm", "2:30 p. m.", "2 PM" → "14:30"; null if not a time of day. */
export function parseTimeText(text: string): string | null {
  const m = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/i.exec(text.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (m[2] === undefined && !m[3]) return null;
  if (m[3]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[3].toLowerCase() === "p" ? 12 : 0);
  }
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** A date and a time, as in "31/12/2026 14:30" or "12/31/2026, 2:30 PM" → "2026-12-31T14:30". */
export function parseDateTimeText(text: string, lng: string): string | null {
  const m = /^\s*(\S+?)(?:[,\s]|(?<=^\s*\d{4}-\d{1,2}-\d{1,2})T)\s*(.+)$/.exec(text);
  if (!m) return null;
  const date = parseDateText(m[1], lng);
  const time = parseTimeText(m[2]);
  return date && time ? `${date}T${time}` : null;
}

export function formatDateTimeText(value: string, lng: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? `${formatDateText(m[1], lng)} ${formatTimeText(m[2], lng)}` : "";
}
