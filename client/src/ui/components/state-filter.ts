/** Case and accent folded, so "mexico" finds "México" and "peru" finds "Perú". */
function fold(s: string, locale: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase(locale).trim();
}

/**
 * The member states a filter text finds: by a part of the name in the interface's language, or by the
 * ISO code ("JM"); sorted by that name. An empty filter finds every state.
 */
export function filterStates(codes: readonly string[], nameOf: (code: string) => string, query: string, locale: string): string[] {
  const q = fold(query, locale);
  const collator = new Intl.Collator(locale);
  return codes
    .filter((code) => !q || fold(nameOf(code), locale).includes(q) || fold(code, locale) === q)
    .sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}
