import { route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as advisories from "../../domain/advisories/service.js";
import { ReserveInput, ReserveResult, CountersignInput, CountersignResult } from "#shared/api/advisories.js";

export const advisoryRoutes = (ctx: Ctx) => [
  route({
    method: "post",
    path: "/advisories/numbers",
    operationId: "reserveAdvisoryNumber",
    tag: "advisories",
    access: "session",
    summary: "Reserve the next advisory number of a program (its Secretariat officers)",
    body: ReserveInput,
    response: ReserveResult,
    successStatus: 201,
    handler: async ({ principal, body }) => ({ status: 201, body: await advisories.reserveNumber(ctx, principal!, body.programCode) }),
  }),
  route({
    method: "post",
    path: "/advisories/countersign",
    operationId: "countersignAdvisory",
    tag: "advisories",
    access: "session",
    summary: "Countersign an advisory's digest with the Secretariat key (the text never reaches the server)",
    body: CountersignInput,
    response: CountersignResult,
    errors: [404, 409],
    handler: ({ principal, body }) => advisories.countersign(ctx, principal!, body.programCode, body.number, body.digest),
  }),
];
