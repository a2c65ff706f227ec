// The service worker: an offline shell (the built app, precached at install), and Web Push shown as
// a notification that opens the right room. Bundled on its own into /sw.js by client/pwa/plugin.ts,
// which injects the list of built files as __PRECACHE__ (so every build is a new worker version).
import { DEFAULT_FALLBACK, notificationFor, parsePayload } from "./notification-text.js";
import { SW_STRINGS_CACHE, SW_STRINGS_KEY, type SwStrings } from "./strings-key.js";
import { shellCacheName, toDelete } from "./caches.js";

declare const __PRECACHE__: string[];

// The worker globals the DOM library does not type; only what this file uses.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface PushEvent extends ExtendableEvent {
  data: { text(): string } | null;
}
interface NotificationEvent extends ExtendableEvent {
  notification: Notification;
}
interface WindowClient {
  url: string;
  focused: boolean;
  focus(): Promise<WindowClient>;
  postMessage(m: unknown): void;
}
interface WorkerScope {
  registration: ServiceWorkerRegistration;
  location: Location;
  navigator: Navigator;
  clients: {
    matchAll(o: { type: "window"; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: string, l: (e: never) => void): void;
}
const sw = self as unknown as WorkerScope;
const SHELL = shellCacheName(__PRECACHE__);
const scope = new URL(sw.registration.scope);

/**
 * waitUntil only accepts trusted events; a synthetic one (the browser test dispatches a
 * notificationclick on a real notification) still runs the handler, just without the extension.
 */
function extend(e: ExtendableEvent, p: Promise<unknown>) {
  try {
    e.waitUntil(p);
  } catch {
    void p;
  }
}

sw.addEventListener("install", (e: ExtendableEvent) => {
  extend(
    e,
    caches
      .open(SHELL)
      .then((c) => c.addAll(__PRECACHE__))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener("activate", (e: ExtendableEvent) => {
  extend(
    e,
    caches
      .keys()
      .then((keys) => Promise.all(toDelete(keys, SHELL).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

// The shell only: the app's own files from the cache, and index.html for any navigation when the
// network is gone. The control plane's API and the homeserver are never cached (they are live, and
// some answers carry personal data).
sw.addEventListener("fetch", (e: FetchEvent) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== scope.origin || url.pathname.startsWith("/api/") || url.pathname.startsWith("/_matrix/")) return;
  if (req.mode === "navigate") {
    e.respondWith(fetch(req).catch(async () => (await caches.match("/index.html", { cacheName: SHELL })) ?? Response.error()));
    return;
  }
  e.respondWith(caches.match(req, { cacheName: SHELL }).then((hit) => hit ?? fetch(req)));
});

async function strings(): Promise<SwStrings> {
  try {
    const hit = await (await caches.open(SW_STRINGS_CACHE)).match(SW_STRINGS_KEY);
    if (hit) return (await hit.json()) as SwStrings;
  } catch {
    /* no strings stored yet: English */
  }
  return DEFAULT_FALLBACK;
}

sw.addEventListener("push", (e: PushEvent) => {
  const payload = parsePayload(e.data ? e.data.text() : null);
  extend(
    e,
    strings().then(async (fallback) => {
      const n = notificationFor(payload, fallback, scope.href);
      await sw.registration.showNotification(n.title, n.options);
      // A dot on the installed app's icon until the app is opened (it then shows its own counts).
      await sw.navigator.setAppBadge?.().catch(() => undefined);
    }),
  );
});

/** Opens the app at `url`: an open window is told to go there and focused, else a new one opens. */
async function open(url: string) {
  const windows = await sw.clients.matchAll({ type: "window", includeUncontrolled: true });
  const win = windows.find((w) => w.focused) ?? windows[0];
  if (win) {
    // The page moves itself (notify/register.ts): a hash change keeps its session and sync running.
    win.postMessage({ type: "enlace:open", url });
    // focus() needs the click's user activation; a synthetic click has none.
    await win.focus().catch(() => undefined);
    return;
  }
  await sw.clients.openWindow(url);
}

sw.addEventListener("notificationclick", (e: NotificationEvent) => {
  e.notification.close();
  const data = e.notification.data as { url?: string } | null;
  extend(e, open(data?.url ?? scope.href));
});
