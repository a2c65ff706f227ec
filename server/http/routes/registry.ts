import { z } from "zod";
import { route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as homeservers from "../../domain/homeservers/service.js";
import * as events from "../../domain/events/service.js";
import { verifyStoredLog } from "../../domain/audit/verify.js";
import { listAudit } from "../../domain/audit/repo.js";
import * as registryRepo from "../../domain/registry/repo.js";
import { canReadAudit } from "../../domain/registry/policy.js";
import { forbidden } from "../../errors.js";
import { Uuid } from "#shared/api/common.js";
import {
  MemberStateView,
  ProgramView,
  HomeserverInput,
  HomeserverStatusInput,
  HomeserverView,
  MajorEventInput,
  MajorEventView,
  AuditEntryView,
  AuditQuery,
  AuditVerifyView,
} from "#shared/api/registry.js";

const IdParams = z.object({ id: Uuid }).strict();

export const registryRoutes = (ctx: Ctx) => [
  route({
    method: "get",
    path: "/member-states",
    operationId: "listMemberStates",
    tag: "registry",
    access: "session",
    summary: "The OAS member states",
    response: z.array(MemberStateView),
    handler: () => registryRepo.listMemberStates(ctx.db),
  }),
  route({
    method: "get",
    path: "/programs",
    operationId: "listPrograms",
    tag: "registry",
    access: "session",
    summary: "The CICTE programs",
    response: z.array(ProgramView),
    handler: () => registryRepo.listPrograms(ctx.db),
  }),
  route({
    method: "get",
    path: "/homeservers",
    operationId: "listHomeservers",
    tag: "registry",
    access: "session",
    summary: "Registered homeservers (administrators)",
    response: z.array(HomeserverView),
    handler: ({ principal }) => homeservers.list(ctx, principal!),
  }),
  route({
    method: "post",
    path: "/homeservers",
    operationId: "registerHomeserver",
    tag: "registry",
    access: "session",
    summary: "Register a member state's homeserver",
    body: HomeserverInput,
    response: HomeserverView,
    successStatus: 201,
    errors: [409],
    handler: async ({ principal, body }) => ({ status: 201, body: await homeservers.register(ctx, principal!, body.serverName, body.memberState) }),
  }),
  route({
    method: "patch",
    path: "/homeservers/:id",
    operationId: "setHomeserverStatus",
    tag: "registry",
    access: "session",
    summary: "Suspend or re-activate a homeserver",
    params: IdParams,
    body: HomeserverStatusInput,
    response: HomeserverView,
    errors: [404],
    handler: ({ principal, params, body }) => homeservers.setStatus(ctx, principal!, params.id, body.status),
  }),
  route({
    method: "get",
    path: "/events",
    operationId: "listEvents",
    tag: "events",
    access: "session",
    summary: "Major events",
    response: z.array(MajorEventView),
    handler: () => events.list(ctx),
  }),
  route({
    method: "get",
    path: "/events/:id",
    operationId: "getEvent",
    tag: "events",
    access: "session",
    summary: "One major event",
    params: IdParams,
    response: MajorEventView,
    errors: [404],
    handler: ({ params }) => events.get(ctx, params.id),
  }),
  route({
    method: "post",
    path: "/events",
    operationId: "createEvent",
    tag: "events",
    access: "session",
    summary: "Register a major event (Secretariat or the host state's coordinator)",
    body: MajorEventInput,
    response: MajorEventView,
    successStatus: 201,
    handler: async ({ principal, body }) => ({ status: 201, body: await events.create(ctx, principal!, body) }),
  }),
  route({
    method: "get",
    path: "/audit",
    operationId: "listAudit",
    tag: "audit",
    access: "session",
    summary: "Audit log entries (administrators)",
    query: AuditQuery,
    response: z.array(AuditEntryView),
    handler: ({ principal, query }) => {
      if (!canReadAudit(principal!)) throw forbidden();
      return listAudit(ctx.db, query);
    },
  }),
  route({
    method: "get",
    path: "/audit/verify",
    operationId: "verifyAudit",
    tag: "audit",
    access: "session",
    summary: "Verify the audit chain and signatures (administrators)",
    response: AuditVerifyView,
    handler: ({ principal }) => {
      if (!canReadAudit(principal!)) throw forbidden();
      return verifyStoredLog(ctx.db, ctx.keys.audit.publicKey);
    },
  }),
];
