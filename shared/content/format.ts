import { tlpLabel, type Tlp } from "./tlp.js";

/*
 * Helpers for the fallback `body` / `formatted_body` that Element and other standard clients
 * show. Fallbacks are English, compact, and never the source of truth: Enlace renders from the
 * structured payload. Long text is cut so an event with maximal fields still fits (event.ts).
 */

/** How much of any one free-text field a fallback repeats. */
const FALLBACK_TEXT_MAX = 1500;

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes everything HTML could interpret, in text and in attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** Cuts at max UTF-16 units without splitting a surrogate pair, marking the cut with "…". */
export function truncate(s: string, max = FALLBACK_TEXT_MAX): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${s.slice(0, end)}…`;
}

/** Escaped, truncated multi-line text with <br> for line breaks. */
export const htmlText = (s: string, max = FALLBACK_TEXT_MAX): string => escapeHtml(truncate(s, max)).replace(/\n/g, "<br>");

/** "2025-06-01 18:00 UTC": unambiguous in every locale, no Intl (same output in Node and browsers). */
export function formatInstant(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

export const tlpTag = (tlp: Tlp): string => `[${tlpLabel(tlp)}]`;

/** FIRST's TLP 2.0 colours, so the label reads the same in Element as in Enlace. */
const TLP_COLOURS: Readonly<Record<Tlp, string>> = {
  CLEAR: "#000000",
  GREEN: "#33ff00",
  AMBER: "#ffc000",
  "AMBER+STRICT": "#ffc000",
  RED: "#ff2b2b",
};
export const tlpHtml = (tlp: Tlp): string =>
  `<font data-mx-color="${TLP_COLOURS[tlp]}" data-mx-bg-color="#000000"><strong>${escapeHtml(tlpLabel(tlp))}</strong></font>`;

/** How much of a facts line (lists of states, topics, areas…) a fallback shows. */
const FALLBACK_FACTS_MAX = 500;

/** Joins the parts that are present with a middle dot, cut to FALLBACK_FACTS_MAX. */
export const dotted = (parts: ReadonlyArray<string | undefined | false>): string => truncate(parts.filter(Boolean).join(" · "), FALLBACK_FACTS_MAX);

/** A plain fallback and its HTML twin. */
export interface Fallback {
  plain: string;
  html: string;
}
