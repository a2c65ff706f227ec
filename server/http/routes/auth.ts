import { z } from "zod";
import { route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as auth from "../../domain/auth/service.js";
import { LoginInput, LoginResult, SessionView, EnrollStartInput, EnrollStartResult, EnrollCompleteInput } from "../../../shared/api/auth.js";
import type { LoginThrottle } from "../throttle.js";

export const authRoutes = (ctx: Ctx, throttle: LoginThrottle) => [
  route({
    method: "post", path: "/auth/login", operationId: "login", tag: "auth", access: "public",
    summary: "Sign in with email, password and (where required) a TOTP code", body: LoginInput, response: LoginResult, errors: [401, 429],
    handler: async ({ body, meta }) => {
      await throttle.check(body.email, meta.ip);
      const session = await auth.login(ctx, body).catch(async (err) => { await throttle.failed(body.email, meta.ip); throw err; });
      await throttle.succeeded(body.email, meta.ip);
      const principal = (await auth.resolveSession(ctx, session.token))!;
      return { status: 200, body: { ...(await auth.sessionView(ctx, principal)), token: session.token }, setSession: session };
    },
  }),
  route({
    method: "post", path: "/auth/logout", operationId: "logout", tag: "auth", access: "session", summary: "End this session",
    successStatus: 204,
    handler: async ({ principal }) => { await auth.logout(ctx, principal!); return { status: 204, body: undefined, setSession: null }; },
  }),
  route({
    method: "get", path: "/auth/session", operationId: "getSession", tag: "auth", access: "session", summary: "Who am I", response: SessionView,
    handler: async ({ principal }) => auth.sessionView(ctx, principal!),
  }),
  route({
    method: "post", path: "/auth/enroll/start", operationId: "enrollStart", tag: "auth", access: "public",
    summary: "Open an enrollment link: who it is for, and a TOTP secret to scan", body: EnrollStartInput, response: EnrollStartResult, errors: [410, 429],
    handler: async ({ body, meta }) => { await throttle.check("enroll", meta.ip); return auth.enrollStart(ctx, body.token); },
  }),
  route({
    method: "post", path: "/auth/enroll/complete", operationId: "enrollComplete", tag: "auth", access: "public",
    summary: "Set a password (and second factor), activate the account and sign in", body: EnrollCompleteInput,
    response: z.object({ token: z.string(), expiresAt: z.string() }), errors: [409, 410, 429],
    handler: async ({ body, meta }) => {
      await throttle.check("enroll", meta.ip);
      const session = await auth.enrollComplete(ctx, body).catch(async (err) => { await throttle.failed("enroll", meta.ip); throw err; });
      return { status: 200, body: { token: session.token, expiresAt: session.expiresAt.toISOString() }, setSession: session };
    },
  }),
];
