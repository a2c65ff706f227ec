import { z } from "zod";

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

export const HealthReport = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: Up,
    synapse: HealthParts.shape.synapse.optional(),
    reconciler: HealthParts.shape.reconciler.optional(),
    revocations: HealthParts.shape.revocations,
  })
  .strict();
export type HealthReport = z.infer<typeof HealthReport>;

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
