// Leaves the generic notification text in the person's current language where the service worker
// reads it (sw/strings-key.ts), for a push it cannot read. The Cache API is shared by page and worker.
import { SW_STRINGS_CACHE, SW_STRINGS_KEY, type SwStrings } from "../sw/strings-key.js";

export async function storeFallbackText(text: SwStrings): Promise<void> {
  if (!("caches" in globalThis)) return; // not a secure context
  try {
    const cache = await caches.open(SW_STRINGS_CACHE);
    await cache.put(SW_STRINGS_KEY, new Response(JSON.stringify(text), { headers: { "content-type": "application/json" } }));
  } catch {
    /* storage full or blocked: the worker falls back to English */
  }
}
