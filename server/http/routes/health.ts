import { ping } from "../../db/pool.js";
import { reply, route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import { isAdmin } from "../../domain/auth/principal.js";
import { forbidden } from "../../errors.js";
import type { HealthDetails, HealthParts, HealthReport } from "#shared/api/health.js";

/**
 * GET /api/health. One rule, so monitors need no body parsing: "ok" is 200; "degraded" is always
 * 503 — the database, Synapse or the reconciler is down, or the homeserver side could not even be
 * asked. A failing reconciler counts: a suspended person may still be in rooms. Session-blind, so it
 * answers while the database is down.
 */
export const publicHealthRoute = (ctx: Ctx, parts?: () => Promise<HealthParts>) =>
  route("health", async () => {
    const database = (await ping(ctx.db)) ? ("ok" as const) : ("down" as const);
    const extra = parts ? await parts().catch(() => null) : {};
    const down = database !== "ok" || extra === null || Object.values(extra as Partial<HealthParts>).some((v) => v?.status === "down");
    const body: HealthReport = { status: down ? "degraded" : "ok", database, ...(extra ?? {}) };
    return reply(down ? 503 : 200, body);
  });

/**
 * The homeserver side's health with its error texts: for Secretariat administrators only. The public
 * /api/health says only "ok"/"down", since reconciler errors name admin API paths and user IDs.
 */
export const healthRoutes = (_ctx: Ctx, details: () => Promise<HealthDetails>) => [
  route("healthDetails", async ({ principal }) => {
    if (!isAdmin(principal)) throw forbidden("Only a Secretariat administrator sees health details.");
    return details();
  }),
];
