import type { Ctx } from "../domain/context.js";
import { expireDue } from "../domain/registry/service.js";

/**
 * Suspends people whose vetting expired. Runs on every replica; the row locks (SKIP LOCKED) make
 * concurrent sweeps safe. Errors are logged and the loop goes on: never swallowed silently.
 */
export function startExpirySweep(ctx: Ctx, everyMs = 60_000) {
  let stopped = false;
  const tick = async () => {
    try {
      const n = await expireDue(ctx);
      if (n > 0) ctx.log.info({ suspended: n }, "vetting expired: people suspended for re-vetting");
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
