import { withTransaction } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import * as repo from "./repo.js";

type Prefs = repo.PreferencesRow;

export async function getPreferences(ctx: Ctx, p: Principal) {
  const r = await repo.getPreferences(ctx.db, p.personId);
  return { channels: { push: r.push, email: r.email }, quietHours: r.quietHours, language: r.language };
}

export async function setPreferences(
  ctx: Ctx,
  p: Principal,
  input: { channels: { push: boolean; email: boolean }; quietHours: Prefs["quietHours"]; language: Prefs["language"] },
) {
  await withTransaction(ctx, async (tx) => {
    await repo.putPreferences(tx, p.personId, {
      push: input.channels.push,
      email: input.channels.email,
      quietHours: input.quietHours,
      language: input.language,
    });
    await ctx.audit.append(tx, {
      actor: p.personId,
      action: "notification.preferences_set",
      subject: p.personId,
      details: { ...input.channels, language: input.language },
    });
  });
  return getPreferences(ctx, p);
}

/** The endpoint and keys are the device's own; only their existence is audited. */
export async function subscribe(ctx: Ctx, p: Principal, deviceId: string, s: { endpoint: string; keys: { p256dh: string; auth: string } }) {
  await withTransaction(ctx, async (tx) => {
    await repo.putSubscription(tx, p.personId, deviceId, p.sessionId, { endpoint: s.endpoint, ...s.keys });
    await ctx.audit.append(tx, { actor: p.personId, action: "notification.device_subscribed", subject: p.personId, details: { deviceId } });
  });
}

/** Idempotent: a device already unsubscribed answers the same. */
export async function unsubscribe(ctx: Ctx, p: Principal, deviceId: string) {
  await repo.deleteSubscription(ctx.db, p.personId, deviceId);
}
