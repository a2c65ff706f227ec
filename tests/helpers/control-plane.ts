import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type Server } from "node:http";
import { inject } from "vitest";
import { createPool } from "#server/db/pool.js";
import { loadKeys, type Keys } from "#server/keys/keystore.js";
import type { PasswordCost } from "#server/config.js";
import { createLogger } from "#server/log.js";
import type { Ctx, RegistryHooks } from "#server/domain/context.js";
import { buildCtx } from "#server/ctx.js";
import { makeApp, type AppDeps } from "#server/app.js";
import { answerClientErrors } from "#server/http/problem.js";
import { seedActivePerson, type SeedPerson } from "#server/domain/registry/seed.js";
import { currentTotp } from "#server/domain/auth/totp.js";
import { createTestDatabase } from "./postgres-server.js";
import { connectHomeserver, linkHomeserver } from "#server/homeserver-link.js";
import type { TestSynapse } from "./synapse.js";
import type { RoleGrant } from "#server/domain/auth/principal.js";

export interface TestPlane {
  link: Awaited<ReturnType<typeof linkHomeserver>> | null;
  ctx: Ctx;
  url: string;
  server: Server;
  dbUrl: string;
  keysDir: string;
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
}

/** A control plane on a free loopback port over a fresh database cloned from the migrated template. */
export async function startTestPlane(
  opts: {
    hooks?: RegistryHooks;
    throttle?: AppDeps["throttle"];
    extraRoutes?: AppDeps["extraRoutes"];
    pgAdminUrl?: string;
    validateResponses?: boolean;
    caches?: boolean;
    keysFrom?: TestPlane;
    /** The Secretariat's homeserver: a test Synapse, or the Secretariat's of a federation test network. */
    synapse?: Pick<TestSynapse, "url" | "serverName" | "jwtSecret" | "registrationSharedSecret">;
    /** The key that signs member states' sign-in grants, when their homeservers were started with its public half. */
    matrixLoginKey?: Keys["matrixLogin"];
    staticDir?: string;
    logSink?: { write(line: string): void };
    trustProxy?: AppDeps["trustProxy"];
    publishedMasterKey?: AppDeps["publishedMasterKey"];
    health?: AppDeps["health"];
    hasherPool?: { size?: number; maxQueue?: number };
    passwordCost?: PasswordCost;
    /** Production's default is "everyone"; most tests enrol focal points without an authenticator, so "staff" here. */
    totpRequiredFor?: "everyone" | "staff";
  } = {},
): Promise<TestPlane> {
  // A second replica shares the first one's database and keys.
  const dbUrl = opts.keysFrom?.dbUrl ?? (await createTestDatabase(opts.pgAdminUrl ?? inject("pgAdminUrl")));
  const db = createPool(dbUrl, 10);
  const dataDir = await mkdtemp(join(tmpdir(), "enlace-cp-"));
  const loaded = opts.keysFrom?.ctx.keys ?? (await loadKeys(dataDir));
  const keys = opts.matrixLoginKey ? { ...loaded, matrixLogin: opts.matrixLoginKey } : loaded;
  const clock = {
    now: new Date(),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const log = opts.logSink ? createLogger("debug", opts.logSink as any) : createLogger("silent");
  // With a Synapse: the registry bot, durable reconcile jobs and the Matrix sign-in endpoint.
  const homeserver = opts.synapse
    ? await connectHomeserver(
        dbUrl,
        {
          url: opts.synapse.url,
          publicUrl: opts.synapse.url,
          serverName: opts.synapse.serverName,
          jwtSecret: opts.synapse.jwtSecret,
          registrationSharedSecret: opts.synapse.registrationSharedSecret,
        },
        log,
      )
    : null;
  const ctx = await buildCtx(
    {
      db,
      dbUrl,
      keys,
      log,
      passwordCost: opts.passwordCost ?? "min",
      hasherPool: opts.hasherPool,
      caches: opts.caches !== false,
      settings: {
        vettingMonths: 12,
        sessionHours: 12,
        publicUrl: "http://localhost:8080",
        enrollmentHours: 72,
        totpRequiredFor: opts.totpRequiredFor ?? "staff",
      },
      homeserver,
    },
    { now: () => clock.now, hooks: opts.hooks },
  );
  const link = homeserver ? await linkHomeserver(ctx, homeserver) : null;
  const { app } = makeApp({
    ctx,
    validateResponses: opts.validateResponses ?? true,
    throttle: opts.throttle ?? { failuresPerAccount: 1000, attemptsPerIp: 100000, windowSeconds: 60 },
    extraRoutes: [...(link?.routes ?? []), ...(opts.extraRoutes ?? [])],
    health: link?.health ?? opts.health,
    publishedMasterKey: opts.publishedMasterKey ?? link?.publishedMasterKey,
    staticDir: opts.staticDir,
    trustProxy: opts.trustProxy,
    connectOrigins: opts.synapse ? [opts.synapse.url] : [],
  });
  const server = createServer(app);
  answerClientErrors(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address() as { port: number };
  return {
    ctx,
    server,
    dbUrl,
    keysDir: join(dataDir, "keys"),
    clock,
    url: `http://127.0.0.1:${addr.port}`,
    link,
    close: async () => {
      await new Promise((r) => server.close(r));
      await link?.stop();
      await ctx.changes?.close();
      await db.end();
      await ctx.hasher.close?.();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Actor {
  id: string;
  token: string;
  email: string;
  password: string;
  totpSecret: string | null;
}
let n = 0;

/** Seeds an active person with the given roles and signs them in through the API. */
export async function actor(plane: TestPlane, roles: RoleGrant[], memberState: string | null, extra: Partial<SeedPerson> = {}): Promise<Actor> {
  const email = extra.email ?? `person${n++}-${Date.now()}@example.org`;
  const password = "correct horse battery staple";
  const totp = roles.some((r) => r.role !== "focal_point" && r.role !== "alternate");
  const seeded = await seedActivePerson(plane.ctx, { email, fullName: extra.fullName ?? `Person ${n}`, memberState, roles, password, totp, ...extra });
  const res = await api(plane, "POST", "/api/auth/login", {
    body: { email, password, ...(seeded.totpSecret ? { totp: currentTotp(seeded.totpSecret, plane.clock.now.getTime()) } : {}) },
  });
  if (res.status !== 200) throw new Error(`login failed for seeded actor: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: seeded.id, token: res.body.token, email, password, totpSecret: seeded.totpSecret };
}

/** Operations that hand out a session: tests act as the CLI and take the token from the body. */
const SESSION_PATHS = new Set(["/api/auth/login", "/api/auth/enroll/complete"]);

/**
 * A raw HTTP call to the control plane, untyped on purpose: attack and edge tests send what no
 * well-behaved client would (malformed JSON, wrong content types, unknown fields, forged headers)
 * and read raw statuses and headers. Programs and tests that act as a normal client use the one
 * typed client instead (shared/api/client.ts, via ControlPlaneClient in shared/matrix).
 */
export async function api(
  plane: TestPlane,
  method: string,
  path: string,
  o: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string>; asBrowser?: boolean } = {},
) {
  const headers: Record<string, string> = { ...(SESSION_PATHS.has(path) && !o.asBrowser ? { "enlace-client": "cli" } : {}), ...(o.headers ?? {}) };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let payload: string | undefined;
  if (o.raw !== undefined) payload = o.raw;
  else if (o.body !== undefined) payload = JSON.stringify(o.body);
  if (payload !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const res = await fetch(plane.url + path, { method, headers, body: payload });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

export const role = {
  admin: (): RoleGrant => ({ role: "secretariat_admin", memberState: null, program: null }),
  officer: (program: string): RoleGrant => ({ role: "secretariat_officer", memberState: null, program }),
  coordinator: (state: string): RoleGrant => ({ role: "national_coordinator", memberState: state, program: null }),
  focal: (state: string, program: string): RoleGrant => ({ role: "focal_point", memberState: state, program }),
  alternate: (state: string, program: string): RoleGrant => ({ role: "alternate", memberState: state, program }),
};
