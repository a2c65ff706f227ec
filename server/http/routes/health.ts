import { z } from "zod";
import { route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import { isAdmin } from "../../domain/auth/principal.js";
import { forbidden } from "../../errors.js";

export const HealthDetails = z.object({
  synapse: z.object({ status: z.enum(["ok", "down"]), serverName: z.string() }),
  reconciler: z.object({
    health: z.enum(["starting", "ok", "down"]),
    lastFullRun: z.string().nullable(), lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable(), lastErrorAt: z.string().nullable(),
    fullReconcileFailing: z.boolean(),
    failingPeople: z.array(z.object({ personId: z.string(), error: z.string(), at: z.string() })),
  }),
});
export type HealthDetails = z.infer<typeof HealthDetails>;

/**
 * The homeserver side's health with its error texts: for Secretariat administrators only. The public
 * /api/health says only "ok"/"down", since reconciler errors name admin API paths and user IDs.
 */
export const healthRoutes = (ctx: Ctx, details: () => Promise<HealthDetails>) => [
  route({
    method: "get", path: "/health/details", operationId: "healthDetails", tag: "health", access: "session",
    summary: "Homeserver and reconciler health with error details (Secretariat administrators)", response: HealthDetails,
    handler: async ({ principal }) => {
      if (!isAdmin(principal!)) throw forbidden("Only a Secretariat administrator sees health details.");
      return details();
    },
  }),
];
