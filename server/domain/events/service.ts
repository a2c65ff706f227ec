import { PG, pgError } from "../../db/pg-errors.js";
import { withTransaction } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import { badRequest, forbidden, notFound } from "../../errors.js";
import { canCreateEventFor } from "../registry/policy.js";
import * as repo from "./repo.js";
import * as registryRepo from "../registry/repo.js";

// Major events are visible to every active member (they plan and offer expertise for them);
// the Secretariat or the host state's coordinator creates them.
export const list = (ctx: Ctx) => repo.listEvents(ctx.db);

export async function get(ctx: Ctx, id: string) {
  const e = await repo.getEvent(ctx.db, id);
  if (!e) throw notFound("The event");
  return e;
}

export async function create(ctx: Ctx, p: Principal, input: Omit<Parameters<typeof repo.insertEvent>[1], "createdBy">) {
  if (!canCreateEventFor(p, input.hostState)) throw forbidden("Only the Secretariat or the host state's national coordinator creates an event.");
  return withTransaction(ctx, async (tx) => {
    const states = [...new Set(input.supportingStates)];
    if ((await registryRepo.countMemberStates(tx, states)) !== states.length) throw badRequest("Unknown supporting state.");
    let e: Awaited<ReturnType<typeof repo.insertEvent>>;
    try {
      e = await repo.insertEvent(tx, { ...input, supportingStates: states, createdBy: p.personId });
    } catch (err) {
      if (pgError(err, PG.foreignKeyViolation)) throw badRequest("Unknown host state.");
      if (pgError(err, [PG.datetimeFieldOverflow, PG.invalidDatetimeFormat])) throw badRequest("Dates must be valid calendar dates.");
      throw err;
    }
    await ctx.audit.append(tx, { actor: p.personId, action: "event.created", subject: e.id, details: { name: e.name, hostState: e.hostState } });
    await ctx.hooks.registryChanged(tx, "event created");
    return e;
  });
}
