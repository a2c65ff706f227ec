import { z } from "zod";
import { route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import { isAdmin } from "../../domain/auth/principal.js";
import { forbidden } from "../../errors.js";

const Up = z.enum(["ok", "down"]);

/**
 * What anyone may learn: status words only, never an error text, user ID or admin path (strict, so
 * a detail added by mistake fails response validation instead of reaching the public).
 */
export const HealthParts = z
  .object({
    synapse: z.object({ status: Up }).strict(),
    reconciler: z.object({ status: z.enum(["starting", "ok", "down"]) }).strict(),
    /** The revocation-list refresh: "down" while it keeps failing (readers will soon say "revocation status unknown"). */
    revocations: z
      .object({ status: z.enum(["starting", "ok", "down"]) })
      .strict()
      .optional(),
  })
  .strict();
export type HealthParts = z.infer<typeof HealthParts>;

const HealthReport = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: Up,
    synapse: HealthParts.shape.synapse.optional(),
    reconciler: HealthParts.shape.reconciler.optional(),
    revocations: HealthParts.shape.revocations,
  })
  .strict();
type HealthReport = z.infer<typeof HealthReport>;

/**
 * GET /api/health. One rule, so monitors need no body parsing: "ok" is 200; "degraded" is always
 * 503 — the database, Synapse or the reconciler is down, or the homeserver side could not even be
 * asked. A failing reconciler counts: a suspended person may still be in rooms. Session-blind, so it
 * answers while the database is down.
 */
export const publicHealthRoute = (ctx: Ctx, parts?: () => Promise<HealthParts>) =>
  route({
    method: "get",
    path: "/health",
    operationId: "health",
    tag: "health",
    access: "public",
    anonymous: true,
    summary:
      'Health for anyone, status words only: 200 with status "ok"; 503 with status "degraded" (same body) whenever the database, Synapse, the reconciler or the revocation-list refresh is down or cannot be asked. Details: /health/details (administrators)',
    response: HealthReport,
    sameBodyStatuses: [503],
    handler: async () => {
      const database = await ctx.db.query("SELECT 1").then(
        () => "ok" as const,
        () => "down" as const,
      );
      const extra = parts ? await parts().catch(() => null) : {};
      const down = database !== "ok" || extra === null || Object.values(extra as Partial<HealthParts>).some((v) => v?.status === "down");
      const body: HealthReport = { status: down ? "degraded" : "ok", database, ...(extra ?? {}) };
      return { status: down ? 503 : 200, body };
    },
  });

export const HealthDetails = z.object({
  synapse: z.object({ status: Up, serverName: z.string() }),
  reconciler: z.object({
    health: z.enum(["starting", "ok", "down"]),
    lastFullRun: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    fullReconcileFailing: z.boolean(),
    failingPeople: z.array(z.object({ personId: z.string(), error: z.string(), at: z.string() })),
    /** Active people the last full reconcile left out: bound to the bot's or a homeserver admin's account. */
    reservedAccountPeople: z.array(z.string()),
  }),
  /** The revocation-list refresh (server/jobs/revocation-refresh.ts): readers call a list older than a day "unknown". */
  revocations: z.object({
    health: z.enum(["starting", "ok", "down"]),
    lastSignedAt: z.string().nullable(),
    lastSerial: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
  }),
});
export type HealthDetails = z.infer<typeof HealthDetails>;

/**
 * The homeserver side's health with its error texts: for Secretariat administrators only. The public
 * /api/health says only "ok"/"down", since reconciler errors name admin API paths and user IDs.
 */
export const healthRoutes = (_ctx: Ctx, details: () => Promise<HealthDetails>) => [
  route({
    method: "get",
    path: "/health/details",
    operationId: "healthDetails",
    tag: "health",
    access: "session",
    summary: "Homeserver and reconciler health with error details (Secretariat administrators)",
    response: HealthDetails,
    handler: async ({ principal }) => {
      if (!isAdmin(principal!)) throw forbidden("Only a Secretariat administrator sees health details.");
      return details();
    },
  }),
];
