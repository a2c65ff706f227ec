import { withTransaction } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import { AppError } from "../../errors.js";
import type { ConversationView } from "#shared/api/conversations.js";
import * as repo from "./repo.js";

/** The registry key of a conversation's room (matrix_rooms.key, and the key the room carries in its state). */
const conversationRoomKey = (id: string) => `dm:${id}`;

const view = (me: string, c: repo.ConversationRow): ConversationView => ({
  id: c.id,
  roomKey: conversationRoomKey(c.id),
  roomId: c.roomId,
  with: {
    id: c.other.id,
    fullName: c.other.fullName,
    memberState: c.other.memberState,
    matrixUserId: c.other.matrixUserId,
    active: c.other.status === "active",
  },
  startedByMe: c.startedBy === me,
  createdAt: c.createdAt.toISOString(),
});

const notAllowed = (detail: string) => new AppError("conversation-not-allowed", detail);

/**
 * Starts the direct conversation between the caller and another vetted person, or finds the one the
 * pair already has (either may have started it). Both must be active with a Matrix account on a
 * homeserver the network admits; the reconciler then makes the encrypted room with the two of them
 * (a job enqueued in this transaction). Audited: who asked, with whom; never anything said.
 */
export async function start(ctx: Ctx, p: Principal, withId: string): Promise<{ created: boolean; conversation: ConversationView }> {
  return withTransaction(ctx, async (tx) => {
    const server = ctx.settings.matrixServerName ?? null;
    const me = await repo.party(tx, p.personId, server);
    if (me?.status !== "active") throw new AppError("forbidden", "Only vetted people start conversations.");
    if (!me?.matrixUserId || !me.serverAdmitted) throw new AppError("no-matrix-account", "You have no secure messaging account in the network yet.");
    if (withId === p.personId) throw notAllowed("A conversation needs another person.");
    const other = await repo.party(tx, withId, server);
    // One answer for "no such person" and "not vetted": the caller learns nothing the directory does not show.
    if (other?.status !== "active" || !other.matrixUserId || !other.serverAdmitted)
      throw notAllowed("Direct conversations are only with vetted people who have a secure messaging account.");
    const { id, created } = await repo.insertOrFind(tx, me.id, other.id, me.id);
    if (created) {
      await ctx.audit.append(tx, { actor: p.personId, action: "conversation.started", subject: id, details: { with: other.id } });
      await (ctx.hooks.conversationChanged ?? ((t: typeof tx) => ctx.hooks.registryChanged(t, "conversation started")))(tx, id);
    }
    const row = await repo.getFor(tx, me.id, id);
    return { created, conversation: view(me.id, row!) };
  });
}

export async function list(ctx: Ctx, p: Principal): Promise<ConversationView[]> {
  return (await repo.listFor(ctx.db, p.personId)).map((c) => view(p.personId, c));
}
