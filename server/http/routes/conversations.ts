import { reply, route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as conversations from "../../domain/conversations/service.js";

export const conversationRoutes = (ctx: Ctx) => [
  route("startConversation", async ({ principal, body }) => {
    const { created, conversation } = await conversations.start(ctx, principal, body.with);
    return reply(created ? 201 : 200, conversation);
  }),
  route("listConversations", ({ principal }) => conversations.list(ctx, principal)),
];
