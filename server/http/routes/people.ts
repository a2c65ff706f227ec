import { reply, route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as registry from "../../domain/registry/service.js";

const decision = (ctx: Ctx, action: "reject" | "suspend" | "reinstate" | "revoke") =>
  route(`${action}Person`, ({ principal, params, body }) => registry.decide(ctx, principal, params.id, action, body.reason));

export const peopleRoutes = (ctx: Ctx) => [
  route("nominate", async ({ principal, body }) => {
    const out = await registry.nominate(ctx, principal, body);
    return reply("referred" in out ? 202 : 201, out);
  }),
  route("listPeople", ({ principal, query }) => registry.listPeople(ctx, principal, query)),
  route("getPerson", ({ principal, params }) => registry.getPerson(ctx, principal, params.id)),
  route("approvePerson", ({ principal, params, body }) => registry.approve(ctx, principal, params.id, body.reason)),
  decision(ctx, "reject"),
  decision(ctx, "suspend"),
  decision(ctx, "reinstate"),
  decision(ctx, "revoke"),
  route("reissueEnrollmentLink", ({ principal, params }) => registry.reissueEnrollment(ctx, principal, params.id)),
  route("nominationQueue", ({ principal }) => registry.nominationQueue(ctx, principal)),
  route("revettingQueue", ({ principal }) => registry.revettingQueue(ctx, principal)),
  route("setMyExpertise", ({ principal, body }) => registry.setMyExpertise(ctx, principal, body.areas, body.languages)),
  route("searchDirectory", ({ query }) => registry.searchDirectory(ctx, query)),
];
