import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { withTransaction } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import { AppError, forbidden } from "../../errors.js";
import { desiredRooms } from "../rooms/desired.js";
import * as rooms from "../rooms/repo.js";
import { notify } from "./enqueue.js";
import * as repo from "./repo.js";

/** Per sender: enough for a real incident's alerts, too few to turn the network's phones into a pager someone else controls. */
export const createUrgentLimiter = (points = 10, durationSeconds = 600) => new RateLimiterMemory({ points, duration: durationSeconds });

// A room that does not exist answers like one the caller is not in: nobody learns which rooms there are.
const notMember = () => forbidden("Only members of this room can announce urgent content in it.");

/**
 * "Urgent content in room R, event E": the sender's client says so right after sending a high or
 * critical alert. The control plane checks R against the membership the registry calls for (the
 * rooms the reconciler keeps), so only a member can make the room's phones ring, and tells the
 * other members — the event ID only, never the content. A burst in one room becomes one
 * notification per person (enqueue.ts); the same event reported twice is queued once.
 */
export async function reportUrgent(
  ctx: Ctx,
  limiter: RateLimiterMemory,
  p: Principal,
  input: { roomId: string; eventId: string; severity: "high" | "critical" },
): Promise<{ queued: number }> {
  const me = await repo.recipient(ctx.db, p.personId);
  const key = [...(await rooms.roomIds(ctx.db))].find(([, id]) => id === input.roomId)?.[0];
  if (!me?.matrixUserId || !key) throw notMember();
  const snapshot = await rooms.loadSnapshot(ctx.db, {
    secretariatServer: ctx.settings.matrixServerName ?? "",
    botUserId: ctx.matrixAccounts?.botUserId ?? "",
    today: ctx.now().toISOString().slice(0, 10),
  });
  const room = desiredRooms(snapshot).find((r) => r.key === key);
  if (!room?.members.has(me.matrixUserId)) throw notMember();
  try {
    await limiter.consume(p.personId);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    throw new AppError("urgent-rate-limited", "Too many urgent notifications in a short time.", {
      retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)),
    });
  }
  const others = [...room.members.keys()].filter((u) => u !== me.matrixUserId);
  const recipients = await repo.activePeopleByMatrixId(ctx.db, others);
  return withTransaction(ctx, async (tx) => ({
    queued: await notify(ctx, tx, recipients, {
      kind: "urgent.alert",
      params: { roomId: input.roomId, severity: input.severity },
      dedupeKey: `urgent:${input.eventId}`,
      urgent: input.severity === "critical",
      group: input.roomId,
      audit: { actor: p.personId, subject: input.roomId },
    }),
  }));
}
