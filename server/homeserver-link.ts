import type { Ctx, RegistryHooks } from "./domain/context.js";
import type { MatrixAccountDirectory } from "./domain/matrix-session/accounts.js";
import type { Logger } from "./log.js";
import type { RouteDef } from "./http/route.js";
import { SynapseAdmin } from "./synapse/admin-client.js";
import { connectBot } from "./synapse/bot.js";
import { SynapseHomeserver } from "./synapse/homeserver.js";
import { matrixRoutes } from "./http/routes/matrix.js";
import { healthRoutes } from "./http/routes/health.js";
import type { HealthParts } from "#shared/api/health.js";
import { createBoss, jobHooks, startReconciler, DEFAULT_TIMING, type JobTiming } from "./jobs/reconciler.js";
import { startRevocationRefresh } from "./jobs/revocation-refresh.js";

export interface MatrixConfig {
  url: string;
  publicUrl: string;
  serverName: string;
  jwtSecret: string;
  registrationSharedSecret: string;
}

async function retrying<T>(what: string, log: Logger, fn: () => Promise<T>, attempts = 60): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts) throw err;
      log.warn({ err: (err as Error).message, attempt: i }, `${what} failed; retrying`);
      await new Promise((r) => setTimeout(r, Math.min(5000, 250 * i)));
    }
  }
}

/**
 * The cross-signing master key the homeserver publishes for a user. A failed call throws the
 * MatrixError, which the HTTP layer answers as 503 (unreachable) or 502 (it answered with an error).
 */
export const publishedMasterKeyVia =
  (admin: SynapseAdmin) =>
  async (userId: string): Promise<string | null> => {
    const r = await admin.keysQuery(userId);
    const keys = r.master_keys?.[userId]?.keys ?? {};
    return Object.values(keys)[0] ?? null;
  };

/** What the context takes from a connected homeserver (buildCtx): job hooks, the account directory, its name. */
export interface HomeserverWiring {
  config: MatrixConfig;
  admin: SynapseAdmin;
  hs: SynapseHomeserver;
  boss: Awaited<ReturnType<typeof createBoss>>;
  timing: JobTiming;
  serverName: string;
  hooks: RegistryHooks;
  accounts: MatrixAccountDirectory;
}

/**
 * First half, before the context exists: the registry bot signs in and the job queue is created,
 * so that registry changes enqueue reconcile jobs from the first transaction on.
 */
export async function connectHomeserver(dbUrl: string, m: MatrixConfig, log: Logger, timing: JobTiming = DEFAULT_TIMING): Promise<HomeserverWiring> {
  const admin = new SynapseAdmin({ baseUrl: m.url });
  const botUserId = await retrying("connecting the registry bot to Synapse", log, () => connectBot(admin, m));
  const boss = await createBoss(dbUrl, timing);
  return {
    config: m,
    admin,
    hs: new SynapseHomeserver(admin, m.serverName, botUserId),
    boss,
    timing,
    serverName: m.serverName,
    hooks: jobHooks(boss, timing),
    accounts: {
      serverName: m.serverName,
      botUserId,
      async lookup(userId) {
        const u = await admin.findUser(userId);
        return u ? { admin: Boolean(u.admin), deactivated: Boolean(u.deactivated) } : null;
      },
    },
  };
}

/**
 * Second half, with the context built from the wiring: the durable reconcile jobs, the Matrix
 * sign-in endpoint, and Synapse's state in /api/health.
 */
export async function linkHomeserver(
  ctx: Ctx,
  wiring: HomeserverWiring,
  opts: { sweepCron?: string; revocationCron?: string; revocationResignAfterMs?: number } = {},
) {
  const { admin, hs, boss, timing, config: m } = wiring;
  const reconciler = await startReconciler(ctx, boss, hs, { sweepCron: opts.sweepCron, timing });
  const revocations = await startRevocationRefresh(ctx, boss, hs, { cron: opts.revocationCron, resignAfterMs: opts.revocationResignAfterMs });
  const routes: RouteDef[] = matrixRoutes(ctx, { serverName: m.serverName, publicUrl: m.publicUrl, jwtSecret: m.jwtSecret });
  const publishedMasterKey = publishedMasterKeyVia(admin);
  const synapseUp = () =>
    fetch(`${m.url}/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
  // Public: status words only ("down" makes the whole answer degraded). Details: healthRoutes, admins only.
  const health = async (): Promise<HealthParts> => ({
    synapse: { status: (await synapseUp()) ? "ok" : "down" },
    reconciler: { status: reconciler.tracker.health() },
    revocations: { status: revocations.health() },
  });
  routes.push(
    ...healthRoutes(ctx, async () => ({
      synapse: { status: (await synapseUp()) ? ("ok" as const) : ("down" as const), serverName: m.serverName },
      reconciler: reconciler.tracker.details(),
      revocations: { health: revocations.health(), ...revocations.status },
    })),
  );
  return {
    hs,
    admin,
    boss,
    reconciler,
    revocations,
    routes,
    publishedMasterKey,
    health,
    async stop() {
      await reconciler.stop();
      await revocations.stop();
      await boss.stop({ graceful: true, timeout: 5000, wait: true });
    },
  };
}
