import type { Ctx } from "../domain/context.js";
import { signCheckpoint } from "../domain/audit/append.js";

/** Signs the audit head about once a second when it moved. Idempotent across replicas. */
export function startAuditCheckpointer(ctx: Ctx, everyMs = 1000) {
  const tick = async () => {
    try {
      await signCheckpoint(ctx.db, ctx.keys.audit);
    } catch (err) {
      ctx.log.error({ err: (err as Error).message }, "audit checkpoint failed; will retry");
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await tick();
  };
}
