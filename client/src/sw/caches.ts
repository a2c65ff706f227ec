// Cache bookkeeping for the service worker, pure so it is unit-tested.

const SHELL_PREFIX = "enlace-shell-";

/** One shell cache per build: its name is a hash of the precached file names (which carry content hashes). */
export function shellCacheName(files: readonly string[]): string {
  let h = 2166136261;
  for (const ch of files.join("\n")) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return `${SHELL_PREFIX}${h.toString(36)}`;
}

/** Older builds' shells; the notification strings and anything not ours are kept. */
export const toDelete = (keys: readonly string[], current: string) => keys.filter((k) => k.startsWith(SHELL_PREFIX) && k !== current);
