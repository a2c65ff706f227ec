import { randomUUID } from "node:crypto";
import { withTransaction, type Queryable } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import { conflict } from "../../errors.js";
import { mintLoginGrant } from "../../synapse/admin-client.js";
import { mintMemberLoginGrant } from "../../synapse/member-grant.js";
import { isReservedLocal, lookupOrUnavailable, matrixIdReserved } from "./accounts.js";
import * as repo from "./repo.js";

export interface MatrixLink {
  serverName: string;
  publicUrl: string;
  jwtSecret: string;
}

/**
 * How long the homeserver accepts a login grant after issue. A grant works once (our Synapse module
 * records its jti); the window bounds a grant that was copied before its owner used it: long enough
 * for a client on a slow link to post /login right after asking, short enough to be stale at once.
 */
export const TOKEN_SECONDS = 15;

/**
 * A signed-in, active person gets a short-lived, single-use grant for the homeserver's login:
 * there is no second password. Suspended or revoked people never reach this (no session). Never a
 * token for the registry bot, a reserved name or a Synapse server admin, whatever the registry
 * holds (a wrongly bound ID would otherwise hand over the homeserver).
 */
export async function issueMatrixLogin(ctx: Ctx, link: MatrixLink, p: Principal) {
  const userId = await repo.activeMatrixUserId(ctx.db, p.personId);
  if (userId && !userId.endsWith(`:${link.serverName}`)) return issueMemberStateLogin(ctx, p, userId);
  if (!userId) {
    throw conflict("no-local-matrix-account", "Your Matrix account is on your own state's homeserver: sign in there.");
  }
  if (await isReservedLocal(ctx.matrixAccounts, link.serverName, userId)) {
    ctx.log.error({ personId: p.personId }, "refused a Matrix login token for a reserved account bound to a person");
    await withTransaction(ctx, (tx) =>
      ctx.audit.append(tx, { actor: p.personId, action: "matrix.login_token_refused", subject: p.personId, details: { userId, why: "reserved" } }),
    );
    throw matrixIdReserved();
  }
  // An account that exists but is deactivated was retired on the homeserver: no new login into it.
  if (ctx.matrixAccounts && (await lookupOrUnavailable(ctx.matrixAccounts, userId))?.deactivated) {
    throw conflict("no-local-matrix-account", "Your Matrix account on this homeserver was closed; ask the Secretariat.");
  }
  const localpart = userId.slice(1, userId.indexOf(":"));
  const jti = randomUUID();
  const loginToken = await mintLoginGrant(link.jwtSecret, localpart, TOKEN_SECONDS, jti);
  await withTransaction(ctx, (tx) =>
    ctx.audit.append(tx, {
      actor: p.personId,
      action: "matrix.login_token_issued",
      subject: p.personId,
      details: { userId, jti, expiresInSeconds: TOKEN_SECONDS },
    }),
  );
  return {
    homeserverUrl: link.publicUrl,
    userId,
    loginToken,
    expiresInSeconds: TOKEN_SECONDS,
    secretariatKey: ctx.keys.secretariat.publicKey,
    registryBot: ctx.matrixAccounts?.botUserId ?? null,
  };
}

/**
 * A person whose account is on their own state's homeserver gets a grant for that homeserver only:
 * signed with the control plane's matrix-login key (that homeserver holds only the public half, so
 * no secret crosses organisations), audience = its server name (Jamaica's refuses a grant for
 * Chile's), and only while the registry lists it as active for the person's own state. The client
 * URL comes from the registry: the web client signs in wherever the reply says.
 */
async function issueMemberStateLogin(ctx: Ctx, p: Principal, userId: string) {
  const serverName = userId.slice(userId.indexOf(":") + 1);
  const homeserverUrl = await repo.ownMemberHomeserverUrl(ctx.db, p.personId, serverName);
  if (!homeserverUrl) {
    throw conflict("no-local-matrix-account", "Your Matrix account's homeserver is not registered for your state with a sign-in address; ask the Secretariat.");
  }
  // Reserved names are refused on every homeserver (the admin API of another state's server is not ours to ask).
  if (await isReservedLocal(undefined, serverName, userId)) throw matrixIdReserved();
  const jti = randomUUID();
  const loginToken = await mintMemberLoginGrant(ctx.keys.matrixLogin.secretKey, {
    localpart: userId.slice(1, userId.indexOf(":")),
    audience: serverName,
    ttlSeconds: TOKEN_SECONDS,
    jti,
  });
  await withTransaction(ctx, (tx) =>
    ctx.audit.append(tx, {
      actor: p.personId,
      action: "matrix.login_token_issued",
      subject: p.personId,
      details: { userId, jti, expiresInSeconds: TOKEN_SECONDS, homeserver: serverName },
    }),
  );
  return {
    homeserverUrl,
    userId,
    loginToken,
    expiresInSeconds: TOKEN_SECONDS,
    secretariatKey: ctx.keys.secretariat.publicKey,
    registryBot: ctx.matrixAccounts?.botUserId ?? null,
  };
}

/**
 * A Matrix ID for a person on the Secretariat's homeserver: readable, unique, never reused. Skips
 * IDs bound in the registry, reserved names, and any account that already exists on the homeserver
 * (made by its operator, say): a new person never inherits someone else's account.
 */
export async function assignLocalUserId(db: Queryable, serverName: string, email: string, memberState: string | null, dir?: Ctx["matrixAccounts"]) {
  const base = (
    email
      .split("@")[0]
      .toLowerCase()
      .replace(/[^a-z0-9._=-]/g, "")
      .replace(/^[._=-]+/, "") || "member"
  ).slice(0, 40);
  const suffix = (memberState ?? "oas").toLowerCase();
  for (let n = 0; n < 1000; n++) {
    const stem = base.endsWith(`.${suffix}`) ? base : `${base}.${suffix}`;
    const candidate = `@${stem}${n ? n : ""}:${serverName}`;
    if (await repo.matrixIdBound(db, candidate)) continue;
    if (await isReservedLocal(undefined, serverName, candidate)) continue;
    if (dir && (await lookupOrUnavailable(dir, candidate)) !== null) continue;
    return candidate;
  }
  throw conflict("matrix-id-exhausted", "Could not find a free Matrix ID for this person.");
}
