// Searching lessons-learned documents happens on this device, over metadata that only exists
// decrypted here: the server never sees a query or a title.
import type { DocumentContent } from "#shared/content/document.js";

export interface LibraryItem {
  eventId: string;
  roomId: string;
  sender: string;
  ts: number;
  content: DocumentContent;
}

export interface LibraryQuery {
  text: string;
  /** "" for any language. */
  language: string;
}

/** Case- and accent-insensitive: "seguranca" finds "Segurança", "ECOLE" finds "école". */
export const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en");

/** The searchable text of a document: title, event, topics and language (its code and its name). */
function haystack(d: DocumentContent, languageName: (code: string) => string = (c) => c): string {
  return fold([d.title, d.event, ...d.topics, d.language, languageName(d.language)].join("\n"));
}

/** Every word of the query must appear somewhere; newest first. */
export function searchLibrary<T extends LibraryItem>(items: readonly T[], q: LibraryQuery, languageName?: (code: string) => string): T[] {
  const terms = fold(q.text).split(/\s+/).filter(Boolean);
  return items
    .filter((i) => !q.language || i.content.language === q.language)
    .filter((i) => {
      const h = haystack(i.content, languageName);
      return terms.every((t) => h.includes(t));
    })
    .sort((a, b) => b.ts - a.ts || (a.eventId < b.eventId ? -1 : 1));
}

/** The topics in use, for suggestions: most frequent first. */
export function topicsOf(items: readonly LibraryItem[]): string[] {
  const counts = new Map<string, number>();
  for (const i of items) for (const t of i.content.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
}
