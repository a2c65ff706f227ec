import { PG, pgError } from "../../db/pg-errors.js";
import { withTransaction, type Tx } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import { badRequest, forbidden, notFound } from "../../errors.js";
import { canCreateEventFor, canEditEvent, canManageEvents } from "../registry/policy.js";
import * as repo from "./repo.js";
import * as registryRepo from "../registry/repo.js";

type EventRow = NonNullable<Awaited<ReturnType<typeof repo.getEvent>>>;
type EventInput = Omit<Parameters<typeof repo.insertEvent>[1], "createdBy">;

// Major events are visible to every active member (they plan and offer expertise for them);
// the Secretariat or the host state's coordinator creates and edits them. Each comes with what the
// caller may do to it, so the client offers exactly that (shared/policy/events.ts).
const withMayDo = (p: Principal, e: EventRow) => ({ ...e, mayDo: canEditEvent(p, e.hostState, e.hostState) ? ["edit" as const] : [] });

export const list = async (ctx: Ctx, p: Principal) => (await repo.listEvents(ctx.db)).map((e) => withMayDo(p, e));

export async function get(ctx: Ctx, p: Principal, id: string) {
  const e = await repo.getEvent(ctx.db, id);
  if (!e) throw notFound("The event");
  return withMayDo(p, e);
}

/** The supporting states, once each and all member states; the host is never its own supporter. */
async function supportingStates(tx: Tx, input: EventInput) {
  const states = [...new Set(input.supportingStates)].filter((s) => s !== input.hostState);
  if ((await registryRepo.countMemberStates(tx, states)) !== states.length) throw badRequest("Unknown supporting state.");
  return states;
}

async function write<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    if (pgError(err, PG.foreignKeyViolation)) throw badRequest("Unknown host state.");
    if (pgError(err, [PG.datetimeFieldOverflow, PG.invalidDatetimeFormat])) throw badRequest("Dates must be valid calendar dates.");
    throw err;
  }
}

export async function create(ctx: Ctx, p: Principal, input: EventInput) {
  if (!canCreateEventFor(p, input.hostState)) throw forbidden("Only the Secretariat or the host state's national coordinator creates an event.");
  return withTransaction(ctx, async (tx) => {
    const states = await supportingStates(tx, input);
    const e = await write(() => repo.insertEvent(tx, { ...input, supportingStates: states, createdBy: p.personId }));
    await ctx.audit.append(tx, { actor: p.personId, action: "event.created", subject: e.id, details: { name: e.name, hostState: e.hostState } });
    await ctx.hooks.registryChanged(tx, "event created");
    return withMayDo(p, e);
  });
}

const FIELDS = ["name", "hostState", "startsOn", "endsOn", "venueType", "supportingStates"] as const;

/** Every field replaced; the planning cell follows through the reconciler (name, who is in it). */
export async function update(ctx: Ctx, p: Principal, id: string, input: EventInput) {
  if (!canManageEvents(p)) throw forbidden("Only the Secretariat or the host state's national coordinator edits an event.");
  return withTransaction(ctx, async (tx) => {
    const before = await repo.getEvent(tx, id, { forUpdate: true });
    if (!before) throw notFound("The event");
    if (!canEditEvent(p, before.hostState, input.hostState)) throw forbidden("Only the Secretariat or the host state's national coordinator edits an event.");
    const states = await supportingStates(tx, input);
    const after = await write(() => repo.updateEvent(tx, id, { ...input, supportingStates: states }));
    const changed = FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    if (changed.length > 0) {
      // Names and states only: what the event is, never who said what about it.
      await ctx.audit.append(tx, {
        actor: p.personId,
        action: "event.updated",
        subject: id,
        details: { name: after.name, hostState: after.hostState, changed },
      });
      await ctx.hooks.registryChanged(tx, "event updated");
    }
    return withMayDo(p, after);
  });
}
