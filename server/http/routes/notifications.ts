import { reply, route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as prefs from "../../domain/notifications/preferences.js";
import * as advisories from "../../domain/notifications/advisories.js";
import { createUrgentLimiter, reportUrgent } from "../../domain/notifications/urgent.js";

export const notificationRoutes = (ctx: Ctx, limiter = createUrgentLimiter()) => [
  route("getVapidKey", async () => ({ publicKey: ctx.keys.vapid.publicKey })),
  route("putPushSubscription", async ({ principal, params, body }) => {
    await prefs.subscribe(ctx, principal, params.deviceId, body);
  }),
  route("deletePushSubscription", async ({ principal, params }) => {
    await prefs.unsubscribe(ctx, principal, params.deviceId);
  }),
  route("getNotificationPreferences", ({ principal }) => prefs.getPreferences(ctx, principal)),
  route("putNotificationPreferences", ({ principal, body }) => prefs.setPreferences(ctx, principal, body)),
  route("reportUrgentContent", async ({ principal, body }) => reply(202, await reportUrgent(ctx, limiter, principal, body))),
  route("acknowledgeAdvisory", ({ principal, params }) => advisories.acknowledge(ctx, principal, params.program, params.number)),
  route("getReminderTimeline", ({ principal, params }) => advisories.timeline(ctx, principal, params.program, params.number)),
  route("remindNow", async ({ principal, params, body }) =>
    reply(202, await advisories.remindNow(ctx, principal, params.program, params.number, body.memberState)),
  ),
];
