import webpush from "web-push";
import nodemailer from "nodemailer";
import { Agent } from "node:https";
import type { SubscriptionRow } from "./repo.js";

/** Where notifications go: Web Push to a device's subscription, mail to a person's address. */
export interface Channels {
  /** "gone": the push service no longer knows the subscription (404/410): it is removed, not retried. */
  push(sub: SubscriptionRow, payload: string, o: { urgent: boolean; topic: string }): Promise<"ok" | "gone">;
  /** null when no SMTP server is configured (the mail is not sent, and not retried). */
  mail: ((m: { to: string; subject: string; text: string }) => Promise<void>) | null;
  close(): Promise<void>;
}

export interface ChannelConfig {
  vapid: { publicKey: string; privateKey: string };
  /** The VAPID subject push services may contact (the public URL, or a mailto:). */
  subject: string;
  smtpUrl?: string;
  from: string;
  /** Connections to push services (tests: one that trusts the test's own push service). */
  pushAgent?: Agent;
}

/** Web Push through the `web-push` library (VAPID, RFC 8291 aes128gcm); mail through nodemailer's pooled SMTP. */
export function createChannels(c: ChannelConfig): Channels {
  // The VAPID JWT is signed once per push service origin and reused for an hour (RFC 8292 allows up
  // to 24 h): signing it for every message dominated a fan-out to a thousand devices.
  const vapid = new Map<string, { headers: Record<string, string>; until: number }>();
  const vapidHeaders = (endpoint: string) => {
    const audience = new URL(endpoint).origin;
    const now = Date.now();
    const hit = vapid.get(audience);
    if (hit && hit.until > now) return hit.headers;
    const exp = Math.floor(now / 1000) + 2 * 3600;
    const headers = webpush.getVapidHeaders(audience, c.subject, c.vapid.publicKey, c.vapid.privateKey, "aes128gcm", exp) as Record<string, string>;
    vapid.set(audience, { headers, until: now + 3600_000 });
    return headers;
  };
  // Kept alive: a fan-out to one push service reuses its connections instead of a TLS handshake each.
  const agent = c.pushAgent ?? new Agent({ keepAlive: true, maxSockets: 64 });
  const transport = c.smtpUrl ? nodemailer.createTransport(c.smtpUrl.includes("?") ? c.smtpUrl : `${c.smtpUrl}?pool=true&maxConnections=5`) : null;
  return {
    async push(sub, payload, o) {
      try {
        await webpush.sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
          headers: vapidHeaders(sub.endpoint),
          TTL: 24 * 3600,
          urgency: o.urgent ? "high" : "normal",
          // Push services keep only the newest message of a topic for an offline device.
          topic: o.topic,
          contentEncoding: "aes128gcm",
          timeout: 10_000,
          agent,
        });
        return "ok";
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (status === 404 || status === 410) return "gone";
        throw new Error(`push service answered ${status ?? (err as Error).message}`);
      }
    },
    mail: transport
      ? async (m) => {
          await transport.sendMail({ from: c.from, to: m.to, subject: m.subject, text: m.text });
        }
      : null,
    async close() {
      transport?.close();
      if (!c.pushAgent) agent.destroy();
    },
  };
}
