// The page's side of the service worker: registration at start, and the worker's "open this room"
// message after a notification click (see src/sw/sw.ts).

/** Registers /sw.js (built by client/pwa/plugin.ts; absent under the Vite dev server, where this quietly does nothing). */
export function registerServiceWorker(win: Window = window): void {
  const container = win.navigator.serviceWorker;
  if (!container) return; // not a secure context, or a browser without service workers
  container.addEventListener("message", (e: MessageEvent) => {
    const m = e.data as { type?: string; url?: string } | null;
    if (m?.type !== "enlace:open" || typeof m.url !== "string") return;
    const target = new URL(m.url, win.location.href);
    // Same app: change the hash only, so the signed-in session and the Matrix sync keep running.
    if (target.origin === win.location.origin) win.location.hash = target.hash;
  });
  win.addEventListener("load", () => {
    container.register("/sw.js", { scope: "/" }).catch(() => undefined);
  });
}
