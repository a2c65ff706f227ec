import type { Ctx } from "../domain/context.js";
import type { Channels } from "../domain/notifications/channels.js";
import { dispatchDue } from "../domain/notifications/dispatch.js";
import { sendDueReminders } from "../domain/notifications/advisories.js";

/**
 * The notifier's loop on every replica: due reminders become outbox rows, due outbox rows are
 * delivered. Both take their rows with SKIP LOCKED, so replicas share the work and each row is
 * handled once; everything is in PostgreSQL, so a restart loses nothing. A run is also started
 * at once when a transaction that queued notifications commits (ctx.notifierWake, rung by
 * enqueue.ts), so nobody waits for the tick; the tick catches what other replicas queued and
 * what falls due later (reminders, the end of a coalescing window, retries).
 * Times come from ctx.now(), the same clock the tests move.
 */
export function startNotifier(ctx: Ctx, channels: Channels, everyMs = 2000) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    try {
      await sendDueReminders(ctx);
      await dispatchDue(ctx, channels);
    } catch (err) {
      ctx.log.error({ err: (err as Error).message }, "notifier run failed; will retry");
    }
  };
  const kick = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await run();
      } while (again);
      running = null;
    })();
  };
  const timer = setInterval(kick, everyMs);
  timer.unref();
  const unsubscribe = ctx.notifierWake.onWake(kick);
  kick();
  return {
    async stop() {
      unsubscribe();
      clearInterval(timer);
      await running;
      await channels.close();
    },
  };
}
