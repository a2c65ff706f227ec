import { withTransaction, type Queryable } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import { conflict } from "../../errors.js";
import { mintLoginJwt } from "../../synapse/admin-client.js";

export interface MatrixLink { serverName: string; publicUrl: string; jwtSecret: string }

const TOKEN_SECONDS = 60;

/**
 * A signed-in, active person gets a short-lived token that the homeserver's JWT login accepts:
 * there is no second password. Suspended or revoked people never reach this (no session).
 */
export async function issueMatrixLogin(ctx: Ctx, link: MatrixLink, p: Principal) {
  const userId = (await ctx.db.query("SELECT matrix_user_id FROM people WHERE id = $1 AND status = 'active'", [p.personId])).rows[0]?.matrix_user_id as string | undefined;
  if (!userId || !userId.endsWith(`:${link.serverName}`)) {
    throw conflict("no-local-matrix-account", "Your Matrix account is on your own state's homeserver: sign in there.");
  }
  const localpart = userId.slice(1, userId.indexOf(":"));
  const loginToken = await mintLoginJwt(link.jwtSecret, localpart, TOKEN_SECONDS);
  await withTransaction(ctx.db, (tx) => ctx.audit.append(tx, { actor: p.personId, action: "matrix.login_token_issued", subject: p.personId, details: { userId } }));
  return { homeserverUrl: link.publicUrl, userId, loginToken, expiresInSeconds: TOKEN_SECONDS, secretariatKey: ctx.keys.secretariat.publicKey };
}

/** A Matrix ID for a person on the Secretariat's homeserver: readable, unique, never reused. */
export async function assignLocalUserId(db: Queryable, serverName: string, email: string, memberState: string | null) {
  const base = (email.split("@")[0].toLowerCase().replace(/[^a-z0-9._=-]/g, "").replace(/^[._=-]+/, "") || "member").slice(0, 40);
  const suffix = (memberState ?? "oas").toLowerCase();
  for (let n = 0; n < 1000; n++) {
    const stem = base.endsWith(`.${suffix}`) ? base : `${base}.${suffix}`;
    const candidate = `@${stem}${n ? n : ""}:${serverName}`;
    if (!(await db.query("SELECT 1 FROM people WHERE matrix_user_id = $1", [candidate])).rowCount) return candidate;
  }
  throw conflict("matrix-id-exhausted", "Could not find a free Matrix ID for this person.");
}
