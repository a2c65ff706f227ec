import { createServer, type Server } from "node:http";
import { join } from "node:path";
import type { Config } from "./config.js";
import { createLogger, type Logger } from "./log.js";
import { createPool, type Db } from "./db/pool.js";
import { migrate } from "./db/migrate.js";
import { ensureDatabase, startEmbeddedPostgres } from "./db/embedded.js";
import { loadKeys } from "./keys/keystore.js";
import { startNotifier } from "./jobs/notifications.js";
import { createChannels } from "./domain/notifications/channels.js";
import type { Ctx, RegistryHooks } from "./domain/context.js";
import { buildCtx } from "./ctx.js";
import { makeApp, type AppDeps } from "./app.js";
import { answerClientErrors } from "./http/problem.js";
import { startExpirySweep } from "./jobs/expiry.js";
import { startAuditCheckpointer } from "./jobs/audit-checkpoint.js";
import type { RouteDef } from "./http/route.js";
import { connectHomeserver, linkHomeserver } from "./homeserver-link.js";

export interface Running {
  ctx: Ctx;
  server: Server;
  url: string;
  link: Awaited<ReturnType<typeof linkHomeserver>> | null;
  stop: () => Promise<void>;
}

/** Connects to DATABASE_URL, or runs an embedded PostgreSQL under the data directory. */
export async function openDatabase(config: Config, log: Logger): Promise<{ db: Db; url: string; close: () => Promise<void> }> {
  if (config.databaseUrl) {
    const db = createPool(config.databaseUrl, 20);
    return { db, url: config.databaseUrl, close: () => db.end() };
  }
  log.info({ port: config.embeddedPgPort }, "starting embedded PostgreSQL");
  const pg = await startEmbeddedPostgres(join(config.dataDir, "postgres"), config.embeddedPgPort);
  await ensureDatabase(pg.adminUrl(), "enlace");
  const db = createPool(pg.adminUrl("enlace"), 20);
  return {
    db,
    url: pg.adminUrl("enlace"),
    close: async () => {
      await db.end();
      await pg.stop();
    },
  };
}

export interface StartOptions {
  hooks?: RegistryHooks;
  extraRoutes?: (ctx: Ctx) => RouteDef[];
  health?: AppDeps["health"];
  staticDir?: string;
  /** Where mail goes instead of ENLACE_SMTP_URL (npm start's mail catcher). */
  smtpUrl?: string;
}

export async function startControlPlane(config: Config, opts: StartOptions = {}): Promise<Running> {
  const log = createLogger(config.logLevel);
  const { db, url: dbUrl, close } = await openDatabase(config, log);
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, "migrations applied");
  const keys = await loadKeys(config.dataDir, { ...config.secrets });
  const homeserver = config.matrix ? await connectHomeserver(dbUrl, config.matrix, log, config.jobs) : null;
  const ctx = await buildCtx(
    {
      db,
      dbUrl,
      keys,
      log,
      passwordCost: config.passwordCost,
      caches: true,
      settings: {
        vettingMonths: config.vettingMonths,
        sessionHours: config.sessionHours,
        totpRequiredFor: config.totpRequiredFor,
        publicUrl: config.publicUrl,
        enrollmentHours: 72,
      },
      homeserver,
    },
    { hooks: opts.hooks },
  );
  const link = homeserver ? await linkHomeserver(ctx, homeserver) : null;
  const { app } = makeApp({
    ctx,
    extraRoutes: [...(link?.routes ?? []), ...(opts.extraRoutes?.(ctx) ?? [])],
    health: link?.health ?? opts.health,
    publishedMasterKey: link?.publishedMasterKey,
    staticDir: opts.staticDir,
    secureCookies: config.publicUrl.startsWith("https:"),
    // The page connects to its own origin and the configured homeserver. Member-state homeservers,
    // once registered in the registry and reached by clients directly, will be added here.
    trustProxy: config.trustProxy,
    connectOrigins: config.matrix ? [config.matrix.publicUrl] : [],
  });
  const server = createServer(app);
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  const stopSweep = startExpirySweep(ctx);
  const stopCheckpointer = startAuditCheckpointer(ctx);
  const notifier = startNotifier(
    ctx,
    createChannels({ vapid: keys.vapid, subject: config.publicUrl, smtpUrl: opts.smtpUrl ?? config.mail.smtpUrl, from: config.mail.from }),
  );
  const addr = server.address();
  const url = `http://${config.host}:${typeof addr === "object" && addr ? addr.port : config.port}`;
  log.info({ url }, "control plane listening");
  let stopped: Promise<void> | null = null;
  return {
    ctx,
    server,
    url,
    link,
    stop: () =>
      (stopped ??= (async () => {
        // Once, in order: no new requests; then the jobs and loops (the checkpointer signs a last time);
        // the change feed; the pool; the embedded PostgreSQL last (inside close()).
        const closed = new Promise((r) => server.close(() => r(undefined)));
        server.closeIdleConnections();
        // A request still open after a moment (a long poll) must not hold the shutdown.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
        await closed;
        stopSweep();
        await notifier.stop();
        await link?.stop();
        await stopCheckpointer();
        await ctx.changes?.close();
        await ctx.hasher.close?.();
        await close();
      })()),
  };
}
