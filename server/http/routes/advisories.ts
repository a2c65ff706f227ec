import { reply, route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as advisories from "../../domain/advisories/service.js";

export const advisoryRoutes = (ctx: Ctx) => [
  route("reserveAdvisoryNumber", async ({ principal, body }) => reply(201, await advisories.reserveNumber(ctx, principal, body.programCode))),
  route("countersignAdvisory", ({ principal, body }) => advisories.countersign(ctx, principal, body.programCode, body.number, body.digest, body)),
];
