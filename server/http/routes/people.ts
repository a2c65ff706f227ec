import { z } from "zod";
import { route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as registry from "../../domain/registry/service.js";
import { NominationInput, NominationResult, PersonView, PersonDetail, PeopleQuery, ApprovalResult, ExpertiseInput, DirectoryQuery, DirectoryEntry } from "#shared/api/people.js";
import { Reason, Uuid } from "#shared/api/common.js";

const IdParams = z.object({ id: Uuid }).strict();
const decision = (ctx: Ctx, action: "reject" | "suspend" | "reinstate" | "revoke", summary: string) => route({
  method: "post", path: `/people/:id/${action}`, operationId: `${action}Person`, tag: "vetting", access: "session", summary,
  params: IdParams, body: Reason, response: PersonView, errors: [404, 409],
  handler: ({ principal, params, body }) => registry.decide(ctx, principal!, params.id, action, body.reason),
});

export const peopleRoutes = (ctx: Ctx) => [
  route({
    method: "post", path: "/nominations", operationId: "nominate", tag: "vetting", access: "session",
    summary: "Nominate a person (coordinators for their state; Secretariat for its programs). An address already in the registry that the caller may not see is referred to the Secretariat (202)",
    body: NominationInput, response: NominationResult, successStatus: 201, sameBodyStatuses: [202], errors: [409, 422, 503],
    handler: async ({ principal, body }) => {
      const out = await registry.nominate(ctx, principal!, body);
      return { status: "referred" in out ? 202 : 201, body: out };
    },
  }),
  route({
    method: "get", path: "/people", operationId: "listPeople", tag: "vetting", access: "session",
    summary: "People you may see, filtered", query: PeopleQuery, response: z.array(PersonView),
    handler: ({ principal, query }) => registry.listPeople(ctx, principal!, query),
  }),
  route({
    method: "get", path: "/people/:id", operationId: "getPerson", tag: "vetting", access: "session",
    summary: "One person with their vetting history", params: IdParams, response: PersonDetail, errors: [404],
    handler: ({ principal, params }) => registry.getPerson(ctx, principal!, params.id),
  }),
  route({
    method: "post", path: "/people/:id/approve", operationId: "approvePerson", tag: "vetting", access: "session",
    summary: "Approve a nomination (four eyes) and issue a single-use enrollment link", params: IdParams, body: Reason,
    response: ApprovalResult, errors: [404, 409],
    handler: ({ principal, params, body }) => registry.approve(ctx, principal!, params.id, body.reason),
  }),
  decision(ctx, "reject", "Reject a nomination"),
  decision(ctx, "suspend", "Suspend an active person: sessions end, rooms are left"),
  decision(ctx, "reinstate", "Reinstate a suspended person (renews lapsed vetting)"),
  decision(ctx, "revoke", "Revoke a person for good"),
  route({
    method: "post", path: "/people/:id/enrollment-link", operationId: "reissueEnrollmentLink", tag: "vetting", access: "session",
    summary: "Issue a new enrollment link (the previous one stops working)", params: IdParams,
    response: z.object({ token: z.string(), url: z.string(), expiresAt: z.string() }), errors: [404, 409],
    handler: ({ principal, params }) => registry.reissueEnrollment(ctx, principal!, params.id),
  }),
  route({
    method: "get", path: "/vetting/nominations", operationId: "nominationQueue", tag: "vetting", access: "session",
    summary: "Nominations awaiting a decision", response: z.array(PersonView.extend({ canApprove: z.boolean() })),
    handler: ({ principal }) => registry.nominationQueue(ctx, principal!),
  }),
  route({
    method: "get", path: "/vetting/revetting", operationId: "revettingQueue", tag: "vetting", access: "session",
    summary: "People whose vetting lapsed or lapses within 30 days", response: z.array(PersonView),
    handler: ({ principal }) => registry.revettingQueue(ctx, principal!),
  }),
  route({
    method: "put", path: "/me/expertise", operationId: "setMyExpertise", tag: "directory", access: "session",
    summary: "Set your areas of expertise and languages", body: ExpertiseInput,
    response: z.object({ areas: z.array(z.string()), languages: z.array(z.string()) }),
    handler: ({ principal, body }) => registry.setMyExpertise(ctx, principal!, body.areas, body.languages),
  }),
  route({
    method: "get", path: "/directory", operationId: "searchDirectory", tag: "directory", access: "session",
    summary: "Search the expertise directory of active people", query: DirectoryQuery, response: z.array(DirectoryEntry),
    handler: ({ query }) => registry.searchDirectory(ctx, query),
  }),
];
