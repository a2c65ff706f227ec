import type { Tx } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { Kind } from "./catalogue.js";
import * as repo from "./repo.js";

/** How long a burst of the same kind and group (urgent messages of one room) is merged into one notification. */
export const COALESCE_WINDOW_MS = 2 * 60_000;

export interface Notice {
  kind: Kind;
  /** Program codes, numbers, state codes, a room ID: metadata only (catalogue.ts). */
  params: Record<string, unknown>;
  /** Per person: the same subject is never queued twice for one person. */
  dedupeKey: string;
  /** Critical alerts and deadlines go out through quiet hours. */
  urgent?: boolean;
  /** Merge a burst: notices of this kind and group within COALESCE_WINDOW_MS become one. */
  group?: string;
  /** Who and what to audit (no content). */
  audit: { actor: string; subject: string };
}

/**
 * Queues a notice for each person, in the caller's transaction (so it commits with the change it
 * announces, and is lost with it). The dispatcher delivers it; the outbox's unique (person,
 * dedupe key) makes a second queueing of the same subject a no-op. Returns how many were queued.
 */
export async function notify(ctx: Ctx, tx: Tx, personIds: readonly string[], n: Notice): Promise<number> {
  const now = ctx.now();
  let queued = 0;
  if (!n.group) {
    // No coalescing to decide: one statement for every recipient (an advisory to a thousand focal points).
    queued = await repo.insertOutboxMany(tx, [...new Set(personIds)], {
      dedupeKey: n.dedupeKey,
      kind: n.kind,
      params: n.params,
      urgent: n.urgent ?? false,
      dueAt: now,
    });
  }
  const group = n.group;
  // A burst to merge: decided per person, under that person's lock.
  for (const personId of group ? [...new Set(personIds)].sort() : []) {
    await repo.lockPerson(tx, personId);
    if (!group || (await repo.hasDedupeKey(tx, personId, n.dedupeKey))) continue;
    const pending = await repo.pendingOfGroup(tx, personId, n.kind, group);
    if (pending) {
      // One more event in the notification still waiting. Its own key is recorded too.
      await repo.coalesceInto(tx, pending.id, n.urgent ?? false, now, n.params);
      await repo.recordMerged(tx, personId, n.dedupeKey, n.kind, group);
      queued++;
      continue;
    }
    const last = await repo.lastSentOfGroup(tx, personId, n.kind, group);
    const dueAt = last && now.getTime() - last.getTime() < COALESCE_WINDOW_MS ? new Date(last.getTime() + COALESCE_WINDOW_MS) : now;
    const o = { personId, dedupeKey: n.dedupeKey, kind: n.kind, params: { ...n.params, group }, urgent: n.urgent ?? false, dueAt };
    if (await repo.insertOutbox(tx, o)) queued++;
  }
  if (queued > 0) {
    // Delivered at once once this commits, not at the notifier's next tick (and not at all if it rolls back).
    tx.afterCommit(ctx.notifierWake.wake);
    await ctx.audit.append(tx, {
      actor: n.audit.actor,
      action: "notification.queued",
      subject: n.audit.subject,
      details: { kind: n.kind, recipients: queued },
    });
  }
  return queued;
}
