import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** "50 MiB", "1.5 MiB", "800 KiB": the one way sizes are written (room cards, library, errors). */
export function formatBytes(n: number, lng = "en"): string {
  const num = (v: number, digits: number) => new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(v);
  if (n >= 1024 * 1024) return `${num(n / (1024 * 1024), 1)} MiB`;
  if (n >= 1024) return `${num(n / 1024, 0)} KiB`;
  return `${num(n, 0)} B`;
}

/** Dates, numbers, and country and language names in the current language, through Intl. */
function makeFormat(lng: string) {
  // Date-only values ("2027-03-01") are calendar dates: format them in UTC so no time zone shifts the day.
  const day = new Intl.DateTimeFormat(lng, { dateStyle: "medium", timeZone: "UTC" });
  const moment = new Intl.DateTimeFormat(lng, { dateStyle: "medium", timeStyle: "short" });
  const num = new Intl.NumberFormat(lng);
  const regions = new Intl.DisplayNames([lng], { type: "region", fallback: "code" });
  const languages = new Intl.DisplayNames([lng], { type: "language", fallback: "code" });
  const list = new Intl.ListFormat(lng, { style: "long", type: "conjunction" });
  const toDate = (v: string | Date) => (typeof v === "string" ? new Date(v) : v);
  return {
    date: (v: string | Date) => day.format(toDate(v)),
    dateTime: (v: string | Date) => moment.format(toDate(v)),
    dateRange: (from: string, to: string) => day.formatRange(toDate(from), toDate(to)),
    number: (n: number) => num.format(n),
    region: (code: string) => regions.of(code.trim().toUpperCase()) ?? code,
    language: (code: string) => languages.of(code) ?? code,
    list: (items: string[]) => list.format(items),
    bytes: (n: number) => formatBytes(n, lng),
  };
}

export type Format = ReturnType<typeof makeFormat>;

export function useFormat(): Format {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return useMemo(() => makeFormat(lng), [lng]);
}
