import { PG, pgError } from "../../db/pg-errors.js";
import { withTransaction } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import { badRequest, conflict, forbidden, notFound } from "../../errors.js";
import { canManageRegistry } from "../registry/policy.js";
import * as repo from "./repo.js";

export async function list(ctx: Ctx, p: Principal) {
  if (!canManageRegistry(p)) throw forbidden();
  return repo.listHomeservers(ctx.db);
}

export async function register(ctx: Ctx, p: Principal, serverName: string, memberState: string | null, clientUrl: string | null = null) {
  if (!canManageRegistry(p)) throw forbidden();
  return withTransaction(ctx, async (tx) => {
    let hs: Awaited<ReturnType<typeof repo.insertHomeserver>>;
    try {
      hs = await repo.insertHomeserver(tx, serverName, memberState, clientUrl);
    } catch (err) {
      if (pgError(err, PG.uniqueViolation)) throw conflict("duplicate-homeserver", "This homeserver is already registered.");
      if (pgError(err, PG.foreignKeyViolation)) throw badRequest("Unknown member state.");
      throw err;
    }
    await ctx.audit.append(tx, {
      actor: p.personId,
      action: "homeserver.registered",
      subject: hs.id,
      details: { serverName: hs.serverName, memberState, clientUrl: hs.clientUrl },
    });
    await ctx.hooks.registryChanged(tx, "homeserver registered");
    return hs;
  });
}

export async function setStatus(ctx: Ctx, p: Principal, id: string, status: "active" | "suspended") {
  if (!canManageRegistry(p)) throw forbidden();
  return withTransaction(ctx, async (tx) => {
    const hs = await repo.setHomeserverStatus(tx, id, status);
    if (!hs) throw notFound("The homeserver");
    await ctx.audit.append(tx, { actor: p.personId, action: "homeserver.status_changed", subject: id, details: { status } });
    await ctx.hooks.registryChanged(tx, "homeserver status changed");
    return hs;
  });
}
