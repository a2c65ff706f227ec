import { currentTotp } from "#server/domain/auth/totp.js";
import { actor, api, role, startTestPlane, type Actor, type TestPlane } from "../../helpers/control-plane.js";
import { createChannels } from "#server/domain/notifications/channels.js";
import { dispatchDue } from "#server/domain/notifications/dispatch.js";
import { sendDueReminders } from "#server/domain/notifications/advisories.js";
import type { startMailSink, startPushService } from "./sinks.js";

/** Placed in every piece of content and free text the control plane sees; must appear in no mail or push. */
export const CANARY = "CANARY-9d41e";

export type Sinks = { mail: Awaited<ReturnType<typeof startMailSink>>; push: Awaited<ReturnType<typeof startPushService>> };

/** The notifier's two steps, run by the test at the clock's current time (no timers, no sleeping). */
export function notifierOf(plane: TestPlane, sinks: Sinks) {
  const channels = createChannels({
    vapid: plane.ctx.keys.vapid,
    subject: "mailto:ops@example.org",
    smtpUrl: sinks.mail.url,
    from: "Enlace <enlace@example.org>",
    pushAgent: sinks.push.agent,
  });
  return {
    channels,
    async run() {
      await sendDueReminders(plane.ctx);
      return dispatchDue(plane.ctx, channels);
    },
  };
}

export async function person(plane: TestPlane, roles: Parameters<typeof actor>[1], state: string | null, extra: Parameters<typeof actor>[3] = {}) {
  return actor(plane, roles, state, { fullName: `${CANARY} person`, ...extra });
}

/** Sessions last 12 hours and the tests move the clock by days: sign in again at the clock's time. */
export async function signInAgain(plane: TestPlane, ...who: Actor[]) {
  // A TOTP code is accepted once: half a minute on, the next code.
  plane.clock.advance(30_000);
  for (const w of who) {
    const totp = w.totpSecret ? { totp: currentTotp(w.totpSecret, plane.clock.now.getTime()) } : {};
    const r = await api(plane, "POST", "/api/auth/login", { body: { email: w.email, password: w.password, ...totp } });
    if (r.status !== 200) throw new Error(`sign-in again: ${r.status} ${JSON.stringify(r.body)}`);
    w.token = r.body.token;
  }
}

/** Subscribes a person's device at the test's push service. */
export async function subscribe(plane: TestPlane, sinks: Sinks, who: Actor, deviceId = "DEVICE1") {
  const sub = sinks.push.subscribe();
  const res = await api(plane, "PUT", `/api/me/devices/${deviceId}/push-subscription`, { token: who.token, body: sub.json });
  if (res.status !== 204) throw new Error(`subscribe: ${res.status} ${JSON.stringify(res.body)}`);
  return sub.id;
}

export async function publishAdvisory(plane: TestPlane, officer: Actor, program: string, ack?: { ackDeadline: string; remindEveryHours?: number }) {
  const r = await api(plane, "POST", "/api/advisories/numbers", { token: officer.token, body: { programCode: program } });
  const number = r.body.number as number;
  const s = await api(plane, "POST", "/api/advisories/countersign", {
    token: officer.token,
    body: { programCode: program, number, digest: "A".repeat(43), ...(ack ?? {}) },
  });
  if (s.status !== 200) throw new Error(`countersign: ${s.status} ${JSON.stringify(s.body)}`);
  return number;
}

export function assertNoCanary(sinks: Sinks) {
  const all = JSON.stringify({ mails: sinks.mail.mails, pushes: sinks.push.received.map((r) => r.payload) });
  if (all.includes(CANARY)) throw new Error("a notification carried content (the canary)");
}

export { api, role, startTestPlane };
