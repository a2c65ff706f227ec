import { route, type RequestMeta } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as auth from "../../domain/auth/service.js";
import { tokenHash } from "../../domain/auth/tokens.js";
import { AppError } from "../../errors.js";
import {
  LoginInput,
  LoginResult,
  EnrollStartInput,
  EnrollStartResult,
  EnrollCompleteInput,
  EnrollCompleteResult,
  SessionView,
  CLI_CLIENT_HEADER,
} from "#shared/api/auth.js";
import type { LoginThrottle } from "../throttle.js";

// Browsers get the session only as the HttpOnly cookie; a script in the page never sees a bearer
// token. Programs (the CLI, bots, tests) ask for the token in the body with `Enlace-Client: cli`,
// which is refused when the request carries what every browser adds to a POST (Origin, Sec-Fetch-Site)
// or a cookie, so page scripts cannot use it to read a token either.
const cliFromBrowser = () =>
  new AppError("cli-token-refused", `A request with ${CLI_CLIENT_HEADER}: cli must come from a program, without Origin, Sec-Fetch-Site or cookies.`);

function guardCli(meta: RequestMeta) {
  if (meta.cli && meta.browser) throw cliFromBrowser();
}
function deliver<T extends object>(meta: RequestMeta, session: { token: string; expiresAt: Date }, body: T) {
  return meta.cli ? { status: 200, body: { ...body, token: session.token } } : { status: 200, body, setSession: session };
}

export const authRoutes = (ctx: Ctx, throttle: LoginThrottle) => {
  const linkKey = async (token: string) => (await tokenHash(ctx.keys.sessionSecret, token)).toString("hex");
  return [
    route({
      method: "post",
      path: "/auth/login",
      operationId: "login",
      tag: "auth",
      access: "public",
      summary: `Sign in with email, password and (for accounts with a second factor) a TOTP code, all in one request. The token is in the body only for ${CLI_CLIENT_HEADER}: cli`,
      body: LoginInput,
      response: LoginResult,
      errors: [401, 403, 429, 503],
      handler: async ({ body, meta }) => {
        guardCli(meta);
        await throttle.check(body.email, meta.ip);
        const session = await auth.login(ctx, body).catch(async (err) => {
          if (err instanceof AppError && err.type === "invalid-credentials") await throttle.failed(body.email, meta.ip);
          throw err;
        });
        await throttle.succeeded(body.email, meta.ip);
        const principal = (await auth.resolveSession(ctx, session.token))!;
        return deliver(meta, session, await auth.sessionView(ctx, principal));
      },
    }),
    route({
      method: "post",
      path: "/auth/logout",
      operationId: "logout",
      tag: "auth",
      access: "session",
      summary: "End this session",
      successStatus: 204,
      handler: async ({ principal }) => {
        await auth.logout(ctx, principal!);
        return { status: 204, body: undefined, setSession: null };
      },
    }),
    route({
      method: "get",
      path: "/auth/session",
      operationId: "getSession",
      tag: "auth",
      access: "session",
      summary: "Who am I",
      response: SessionView,
      handler: async ({ principal }) => auth.sessionView(ctx, principal!),
    }),
    route({
      method: "post",
      path: "/auth/enroll/start",
      operationId: "enrollStart",
      tag: "auth",
      access: "public",
      summary: "Open an enrollment link: who it is for, and a TOTP secret to scan",
      body: EnrollStartInput,
      response: EnrollStartResult,
      errors: [410, 429],
      handler: async ({ body, meta }) => {
        const key = await linkKey(body.token);
        await throttle.checkLink(key, meta.ip);
        return auth.enrollStart(ctx, body.token).catch(async (err) => {
          await throttle.linkFailed(key);
          throw err;
        });
      },
    }),
    route({
      method: "post",
      path: "/auth/enroll/complete",
      operationId: "enrollComplete",
      tag: "auth",
      access: "public",
      summary: `Set a password (and second factor), activate the account and sign in. The token is in the body only for ${CLI_CLIENT_HEADER}: cli`,
      body: EnrollCompleteInput,
      response: EnrollCompleteResult,
      errors: [403, 409, 410, 429, 503],
      handler: async ({ body, meta }) => {
        guardCli(meta);
        // Keyed on the link and the address: failures with one link (or made-up ones) never block another link.
        const key = await linkKey(body.token);
        await throttle.checkLink(key, meta.ip);
        const session = await auth.enrollComplete(ctx, body).catch(async (err) => {
          await throttle.linkFailed(key);
          throw err;
        });
        return deliver(meta, session, { expiresAt: session.expiresAt.toISOString() });
      },
    }),
  ];
};
