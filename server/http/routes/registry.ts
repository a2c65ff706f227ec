import { reply, route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as homeservers from "../../domain/homeservers/service.js";
import * as events from "../../domain/events/service.js";
import { verifyStoredLog } from "../../domain/audit/verify.js";
import { listAudit } from "../../domain/audit/repo.js";
import * as registryRepo from "../../domain/registry/repo.js";
import { canReadAudit } from "../../domain/registry/policy.js";
import { forbidden } from "../../errors.js";

export const registryRoutes = (ctx: Ctx) => [
  route("listMemberStates", () => registryRepo.listMemberStates(ctx.db)),
  route("listPrograms", () => registryRepo.listPrograms(ctx.db)),
  route("listHomeservers", ({ principal }) => homeservers.list(ctx, principal)),
  route("registerHomeserver", async ({ principal, body }) => reply(201, await homeservers.register(ctx, principal, body.serverName, body.memberState))),
  route("setHomeserverStatus", ({ principal, params, body }) => homeservers.setStatus(ctx, principal, params.id, body.status)),
  route("listEvents", () => events.list(ctx)),
  route("getEvent", ({ params }) => events.get(ctx, params.id)),
  route("createEvent", async ({ principal, body }) => reply(201, await events.create(ctx, principal, body))),
  route("listAudit", async ({ principal, query }) => {
    if (!canReadAudit(principal)) throw forbidden();
    return listAudit(ctx.db, query);
  }),
  route("verifyAudit", async ({ principal }) => {
    if (!canReadAudit(principal)) throw forbidden();
    return verifyStoredLog(ctx.db, ctx.keys.audit.publicKey);
  }),
];
