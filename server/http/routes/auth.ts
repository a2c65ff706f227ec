import { reply, route, type RequestMeta } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as auth from "../../domain/auth/service.js";
import * as secondFactor from "../../domain/auth/second-factor.js";
import { tokenHash } from "../../domain/auth/tokens.js";
import { AppError } from "../../errors.js";
import { CLI_CLIENT_HEADER } from "#shared/api/auth.js";
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
  return meta.cli ? reply(200, { ...body, token: session.token }) : reply(200, body, { setSession: session });
}

export const authRoutes = (ctx: Ctx, throttle: LoginThrottle) => {
  const linkKey = async (token: string) => (await tokenHash(ctx.keys.sessionSecret, token)).toString("hex");
  const reauthThrottled = async <T>(principal: { personId: string }, meta: RequestMeta, run: () => Promise<T>) => {
    const key = `person:${principal.personId}`;
    await throttle.check(key, meta.ip);
    const out = await run().catch(async (err) => {
      if (err instanceof AppError && err.type === "reauthentication-failed") await throttle.failed(key, meta.ip);
      throw err;
    });
    await throttle.succeeded(key, meta.ip);
    return out;
  };
  return [
    route("login", async ({ body, meta }) => {
      guardCli(meta);
      await throttle.check(body.email, meta.ip);
      const session = await auth.login(ctx, body).catch(async (err) => {
        if (err instanceof AppError && err.type === "invalid-credentials") await throttle.failed(body.email, meta.ip);
        throw err;
      });
      await throttle.succeeded(body.email, meta.ip);
      const principal = await auth.resolveSession(ctx, session.token);
      if (!principal) throw new Error("a session just created does not resolve");
      return deliver(meta, session, await auth.sessionView(ctx, principal));
    }),
    route("logout", async ({ principal }) => {
      await auth.logout(ctx, principal);
      return reply(204, undefined, { setSession: null });
    }),
    route("getSession", async ({ principal }) => auth.sessionView(ctx, principal)),
    route("enrollStart", async ({ body, meta }) => {
      const key = await linkKey(body.token);
      await throttle.checkLink(key, meta.ip);
      return auth.enrollStart(ctx, body.token).catch(async (err) => {
        await throttle.linkFailed(key);
        throw err;
      });
    }),
    route("enrollComplete", async ({ body, meta }) => {
      guardCli(meta);
      // Keyed on the link and the address: failures with one link (or made-up ones) never block another link.
      const key = await linkKey(body.token);
      await throttle.checkLink(key, meta.ip);
      const session = await auth.enrollComplete(ctx, body).catch(async (err) => {
        await throttle.linkFailed(key);
        throw err;
      });
      return deliver(meta, session, { expiresAt: session.expiresAt.toISOString() });
    }),
    route("totpStatus", async ({ principal }) => secondFactor.totpStatus(ctx, principal)),
    // Re-authentication is a password check: throttled like sign-in, so a stolen session cannot guess the password.
    route("totpBegin", async ({ body, principal, meta }) => reauthThrottled(principal, meta, () => secondFactor.totpBegin(ctx, principal, body))),
    route("totpConfirm", async ({ body, principal }) => secondFactor.totpConfirm(ctx, principal, body)),
    route("totpDisable", async ({ body, principal, meta }) => reauthThrottled(principal, meta, () => secondFactor.totpDisable(ctx, principal, body))),
  ];
};
