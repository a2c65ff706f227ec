import express, { type Request, type Response, type NextFunction } from "express";
import cookieParser from "cookie-parser";
import helmet from "helmet";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import type { Ctx } from "./domain/context.js";
import type { HealthParts } from "#shared/api/health.js";
import { AppError, badRequest, unauthenticated } from "./errors.js";
import { requiresTotp } from "./domain/auth/principal.js";
import { problemHandler, sendProblem } from "./http/problem.js";
import { isReply, type RouteDef, type Reply } from "./http/route.js";
import { buildOpenApi } from "./http/openapi.js";
import { homeserverConnectSrc, homeserverOrigins } from "./http/homeserver-origins.js";
import { createLoginThrottle, type LoginThrottle, type ThrottleSettings } from "./http/throttle.js";
import { authRoutes } from "./http/routes/auth.js";
import { peopleRoutes } from "./http/routes/people.js";
import { registryRoutes } from "./http/routes/registry.js";
import { credentialRoutes } from "./http/routes/credentials.js";
import { advisoryRoutes } from "./http/routes/advisories.js";
import { notificationRoutes } from "./http/routes/notifications.js";
import { conversationRoutes } from "./http/routes/conversations.js";
import { publicHealthRoute } from "./http/routes/health.js";
import { resolveSession } from "./domain/auth/service.js";
import { CLI_CLIENT_HEADER } from "#shared/api/auth.js";

const SESSION_COOKIE = "enlace_session";

export interface AppDeps {
  ctx: Ctx;
  throttle?: ThrottleSettings;
  health?: () => Promise<HealthParts>; // the homeserver side's parts of /api/health
  extraRoutes?: RouteDef[]; // features added by later layers (Matrix, credentials)
  staticDir?: string; // the built web client
  validateResponses?: boolean; // tests: every response must match its schema
  publishedMasterKey?: (userId: string) => Promise<string | null>; // the homeserver's view, to check registrations
  secureCookies?: boolean;
  /** Express "trust proxy": false (default) uses the socket's peer address and ignores X-Forwarded-For. */
  trustProxy?: boolean | number | string;
  /** Origins the web client may connect to besides its own (the homeserver's public origin). */
  connectOrigins?: string[];
}

function formatIssues(err: z.ZodError, where: string) {
  const first = err.issues[0];
  const path = first.path.length ? `${where}.${first.path.join(".")}` : where;
  return badRequest(`${path}: ${first.message}`, { errors: err.issues.slice(0, 20).map((i) => ({ path: [where, ...i.path].join("."), message: i.message })) });
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value);
  if (!r.success) throw formatIssues(r.error, where);
  return r.data;
}

function collectRoutes(ctx: Ctx, throttle: LoginThrottle, extra: RouteDef[] = [], publishedMasterKey?: AppDeps["publishedMasterKey"]): RouteDef[] {
  return [
    ...authRoutes(ctx, throttle),
    ...peopleRoutes(ctx),
    ...registryRoutes(ctx),
    ...credentialRoutes(ctx, publishedMasterKey),
    ...advisoryRoutes(ctx),
    ...notificationRoutes(ctx),
    ...conversationRoutes(ctx),
    ...extra,
  ];
}

/** Builds the Express app from injected dependencies; no globals, no process.env. */
export function makeApp(deps: AppDeps) {
  const { ctx } = deps;
  const throttle = createLoginThrottle(
    deps.throttle ?? { failuresPerPair: 5, failuresPerAccount: 20, attemptsPerIp: 30, windowSeconds: 900, maxDelaySeconds: 60 },
  );
  const routes = [publicHealthRoute(ctx, deps.health), ...collectRoutes(ctx, throttle, deps.extraRoutes, deps.publishedMasterKey)];
  const openapi = buildOpenApi(routes, "0.1.0");

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false); // API answers are no-store; hashing every body buys nothing
  // Client-sent X-Forwarded-For is believed only when a proxy is configured (ENLACE_TRUST_PROXY).
  app.set("trust proxy", deps.trustProxy ?? false);
  // The page talks to this origin and to the homeserver (sync, keys, media), nothing else.
  // Plus the member states' homeservers the registry lists, where their people sign in (federation).
  const connectSrc = [homeserverConnectSrc(["'self'", ...(deps.connectOrigins ?? []).map((o) => new URL(o).origin)])];
  app.use(homeserverOrigins(ctx.db));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { "script-src": ["'self'", "'wasm-unsafe-eval'"], "connect-src": connectSrc, "img-src": ["'self'", "data:", "blob:"] },
      },
    }),
  );
  app.use(cookieParser());
  // One line per request: method, route pattern, status, time. Never bodies, query strings or tokens.
  app.use((req, res, next) => {
    const t0 = performance.now();
    res.on("finish", () =>
      ctx.log.info(
        {
          method: req.method,
          route: req.route?.path ? `${req.baseUrl}${req.route.path}` : "unmatched",
          status: res.statusCode,
          ms: Math.round(performance.now() - t0),
        },
        "request",
      ),
    );
    next();
  });
  const api = express.Router();
  api.use(express.json({ limit: "64kb", strict: true, type: () => true }));

  api.get("/openapi.json", (_req, res) => {
    res.json(openapi);
  });

  const authenticate = async (req: Request) => {
    const header = req.get("authorization");
    const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : req.cookies?.[SESSION_COOKIE];
    return typeof token === "string" && token ? resolveSession(ctx, token) : null;
  };

  for (const r of routes) {
    api[r.method](r.path, async (req: Request, res: Response, next: NextFunction) => {
      try {
        const principal = r.anonymous ? null : await authenticate(req);
        if (r.access === "session" && !principal) throw unauthenticated();
        // Someone the policy requires a second factor of, without one yet (enrolled before the policy, or
        // seeded): signed in, but only to set it up on the account page.
        if (principal && !r.beforeSecondFactor && !principal.totpEnabled && requiresTotp(principal.roles, ctx.settings.totpRequiredFor)) {
          throw new AppError("totp-setup-required", "Your account must use an authenticator app: set it up on your account page first.");
        }
        if (r.body && (!req.is("application/json") || req.body === undefined)) {
          throw new AppError("unsupported-media-type", "Send the body as application/json.");
        }
        const input = {
          params: parse(r.params, req.params, "params"),
          query: parse(r.query, req.query, "query"),
          body: parse(r.body, req.body, "body"),
          principal,
          meta: {
            ip: req.ip ?? "unknown",
            userAgent: req.get("user-agent") ?? "",
            cli: req.get(CLI_CLIENT_HEADER)?.trim().toLowerCase() === "cli",
            browser: req.get("origin") !== undefined || req.get("sec-fetch-site") !== undefined || req.get("cookie") !== undefined,
          },
        };
        const out = await r.handler(input);
        const reply: Pick<Reply, "status" | "body" | "setSession"> = isReply(out)
          ? out
          : { status: r.successStatus ?? (out === undefined ? 204 : 200), body: out };
        if (deps.validateResponses && r.response && reply.body !== undefined) {
          const check = r.response.safeParse(reply.body);
          if (!check.success)
            throw new Error(`response of ${r.operationId} does not match its schema: ${check.error.issues[0].path.join(".")} ${check.error.issues[0].message}`);
        }
        if (reply.setSession) {
          res.cookie(SESSION_COOKIE, reply.setSession.token, {
            httpOnly: true,
            sameSite: "strict",
            secure: deps.secureCookies ?? false,
            expires: reply.setSession.expiresAt,
            path: "/api",
          });
        } else if (reply.setSession === null) {
          res.clearCookie(SESSION_COOKIE, { path: "/api" });
        }
        res.set("cache-control", "no-store");
        if (reply.body === undefined) res.status(reply.status).end();
        else res.status(reply.status).json(reply.body);
      } catch (err) {
        next(err);
      }
    });
  }
  api.use((_req, res) => sendProblem(res, new AppError("not-found", "No such API operation.")));
  api.use(problemHandler(ctx.log));
  app.use("/api", api);

  if (deps.staticDir && existsSync(deps.staticDir)) {
    app.use(express.static(deps.staticDir, { index: "index.html", maxAge: "1h" }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(deps.staticDir!, "index.html")));
  }
  app.use(problemHandler(ctx.log));
  return { app, routes, openapi };
}
