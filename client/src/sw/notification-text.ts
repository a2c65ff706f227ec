// What a push becomes on screen. The control plane sends it already in the person's language and
// with metadata only (shared/api/notifications.ts, PushPayload: "Tourism: advisory no. 12 awaits
// your acknowledgement", never a title, summary, file name or body of Enlace content). The worker
// shows it as sent, keeping only what it must: a push that cannot be read becomes a generic
// notification in the language the open app last stored (sw/strings-key.ts).

export interface PushPayload {
  kind: string;
  title: string;
  body: string;
  /** The web app's hash route (#/room/<id>, #/nominations, …). */
  url: string;
  tag: string;
  urgent: boolean;
}

/** The text for a push that cannot be read, in the person's language. */
export interface FallbackText {
  title: string;
  body: string;
}

export interface NotificationText {
  title: string;
  options: { body: string; tag: string; data: { url: string }; icon: string; badge: string; requireInteraction: boolean };
}

/** Before the app has stored the person's language (a push right after install): English. */
export const DEFAULT_FALLBACK: FallbackText = { title: "Enlace", body: "Something new awaits you in Enlace." };

// Notification centres cut long text anyway; a bound keeps a misbehaving sender from filling the screen.
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Parses a push's data; null for anything that is not a whole payload. */
export function parsePayload(text: string | null): PushPayload | null {
  if (!text) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === "string" ? (o[k] as string) : null);
  const [kind, title, body, url, tag] = [str("kind"), str("title"), str("body"), str("url"), str("tag")];
  if (kind === null || title === null || body === null || url === null || tag === null) return null;
  return { kind, title, body, url, tag, urgent: o.urgent === true };
}

/**
 * The absolute URL a notification opens. Only the app's own hash routes: anything else (another
 * origin, a path) opens Home, so a push can never send the person somewhere outside the app.
 */
export function targetUrl(route: string, scope: string): string {
  const base = new URL(scope);
  base.hash = /^#\/[^\s]*$/.test(route) ? route.slice(1) : "/";
  return base.href;
}

export function notificationFor(p: PushPayload | null, fallback: FallbackText, scope: string): NotificationText {
  const icon = new URL("icons/icon-192.png", scope).href;
  const badge = new URL("icons/badge-96.png", scope).href;
  if (!p)
    return {
      title: fallback.title,
      options: { body: fallback.body, tag: "enlace", data: { url: targetUrl("#/", scope) }, icon, badge, requireInteraction: false },
    };
  return {
    title: clip(p.title, 120),
    options: {
      body: clip(p.body, 300),
      // A newer notification about the same subject (the next reminder of an advisory) replaces the older one.
      tag: clip(p.tag, 200),
      data: { url: targetUrl(p.url, scope) },
      icon,
      badge,
      // Urgent ones stay on screen until the person deals with them.
      requireInteraction: p.urgent,
    },
  };
}
