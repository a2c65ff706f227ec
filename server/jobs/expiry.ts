import type { Ctx } from "../domain/context.js";
import { expireDue } from "../domain/registry/service.js";
import { revettingDue } from "../domain/notifications/vetting.js";

/**
 * Suspends people whose vetting expired, and tells coordinators ahead of it (re-vetting due). Runs on every replica; the row locks (SKIP LOCKED) make
 * concurrent sweeps safe. Errors are logged and the loop goes on: never swallowed silently.
 */
export function startExpirySweep(ctx: Ctx, everyMs = 60_000) {
  let stopped = false;
  const tick = async () => {
    try {
      const n = await expireDue(ctx);
      if (n > 0) ctx.log.info({ suspended: n }, "vetting expired: people suspended for re-vetting");
      const told = await revettingDue(ctx);
      if (told > 0) ctx.log.info({ notifications: told }, "re-vetting due: coordinators told");
    } catch (err) {
      ctx.log.error({ err: (err as Error).message }, "expiry sweep failed; will retry");
    }
  };
  const timer = setInterval(() => {
    if (!stopped) void tick();
  }, everyMs);
  timer.unref();
  void tick();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
