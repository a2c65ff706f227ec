import { reply, route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as homeservers from "../../domain/homeservers/service.js";
import * as events from "../../domain/events/service.js";
import * as audit from "../../domain/audit/service.js";
import * as registryRepo from "../../domain/registry/repo.js";

export const registryRoutes = (ctx: Ctx) => [
  route("listMemberStates", () => registryRepo.listMemberStates(ctx.db)),
  route("listPrograms", () => registryRepo.listPrograms(ctx.db)),
  route("listHomeservers", ({ principal }) => homeservers.list(ctx, principal)),
  route("registerHomeserver", async ({ principal, body }) =>
    reply(201, await homeservers.register(ctx, principal, body.serverName, body.memberState, body.clientUrl)),
  ),
  route("setHomeserverStatus", ({ principal, params, body }) => homeservers.setStatus(ctx, principal, params.id, body.status)),
  route("listEvents", ({ principal }) => events.list(ctx, principal)),
  route("getEvent", ({ principal, params }) => events.get(ctx, principal, params.id)),
  route("createEvent", async ({ principal, body }) => reply(201, await events.create(ctx, principal, body))),
  route("updateEvent", ({ principal, params, body }) => events.update(ctx, principal, params.id, body)),
  route("listAudit", ({ principal, query }) => audit.list(ctx, principal, query)),
  route("verifyAudit", ({ principal }) => audit.verify(ctx, principal)),
];
