import { withTransaction, type Tx } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import { isAdmin, officerPrograms, type Principal } from "../auth/principal.js";
import { conflict, forbidden, notFound } from "../../errors.js";
import { formatDeadline } from "./catalogue.js";
import { notify } from "./enqueue.js";
import { nextReminderAt } from "./schedule.js";
import * as repo from "./repo.js";

const DEFAULT_EVERY_HOURS = 24;
/** Focal points' notices open the program's advisories room (the coordinator at the deadline is not in it). */
const roomOf = async (tx: Tx, program: string) => {
  const roomId = await repo.advisoriesRoomId(tx, program);
  return roomId ? { roomId } : {};
};
const MEMBERS = ["focal_point", "alternate"];
const audienceOf = (db: Tx, r: { audience: "focal-points" | "coordinator"; memberState: string; program: string }) =>
  r.audience === "coordinator"
    ? repo.peopleWithRole(db, ["national_coordinator"], { memberState: r.memberState })
    : repo.peopleWithRole(db, MEMBERS, { memberState: r.memberState, program: r.program });

/**
 * An advisory was countersigned (its first signature): every focal point and alternate of the
 * program is told; one that requires acknowledgement gets, per expected state, its first reminder
 * and the coordinator's reminder at the deadline. In the countersignature's transaction.
 */
export async function advisoryCountersigned(
  ctx: Ctx,
  tx: Tx,
  actor: string,
  a: { program: string; number: number; ackDeadline?: string; remindEveryHours?: number },
) {
  const deadline = a.ackDeadline ? new Date(a.ackDeadline) : null;
  const recipients = await repo.peopleWithRole(tx, MEMBERS, { program: a.program });
  const roomId = await repo.advisoriesRoomId(tx, a.program);
  await notify(ctx, tx, recipients, {
    kind: "advisory.published",
    // The room ID (metadata, never content) lets the notification open the advisories room.
    params: { program: a.program, number: a.number, ...(deadline ? { deadline: formatDeadline(deadline) } : {}), ...(roomId ? { roomId } : {}) },
    dedupeKey: `advisory:${a.program}:${a.number}`,
    audit: { actor, subject: `${a.program}#${a.number}` },
  });
  if (!deadline) return;
  const every = a.remindEveryHours ?? DEFAULT_EVERY_HOURS;
  const now = ctx.now();
  await repo.setAckRequirement(tx, a.program, a.number, now, deadline, every);
  for (const memberState of await repo.statesOfProgram(tx, a.program)) {
    const first = nextReminderAt(now, deadline, every, now);
    const base = { program: a.program, number: a.number, memberState };
    if (first) await repo.insertReminder(tx, { ...base, kind: "scheduled", audience: "focal-points", dueAt: first });
    await repo.insertReminder(tx, { ...base, kind: "deadline", audience: "coordinator", dueAt: deadline });
  }
}

/** Reminders that are due: sent to whoever holds the role now (never to someone revoked since), the next one scheduled. */
export async function sendDueReminders(ctx: Ctx): Promise<number> {
  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    let sent = 0;
    for (const r of await repo.claimDueReminders(tx, now, 500)) {
      const req = await repo.ackRequirement(tx, r.program, r.number);
      if (!req || (await repo.acks(tx, r.program, r.number)).has(r.memberState)) {
        await repo.markReminder(tx, r.id, "cancelled", now);
        continue;
      }
      const lastDay = r.dueAt.getTime() >= req.deadline.getTime() - 24 * 3600_000;
      await notify(ctx, tx, await audienceOf(tx, r), {
        kind: r.kind === "deadline" ? "advisory.deadline" : "advisory.reminder",
        params: {
          program: r.program,
          number: r.number,
          state: r.memberState,
          deadline: formatDeadline(req.deadline),
          ...(r.kind === "deadline" ? {} : await roomOf(tx, r.program)),
        },
        dedupeKey: `reminder:${r.id}`,
        // The deadline, and the last day's reminders, go out through quiet hours.
        urgent: r.kind === "deadline" || lastDay,
        audit: { actor: "system", subject: `${r.program}#${r.number}` },
      });
      await repo.markReminder(tx, r.id, "sent", now);
      sent++;
      if (r.kind === "scheduled") {
        const next = nextReminderAt(req.publishedAt, req.deadline, req.everyHours, r.dueAt);
        if (next)
          await repo.insertReminder(tx, {
            program: r.program,
            number: r.number,
            memberState: r.memberState,
            kind: "scheduled",
            audience: r.audience,
            dueAt: next,
          });
      }
    }
    return sent;
  });
}

/** A focal point, alternate or coordinator tells the control plane their state acknowledged: its reminders stop. */
export async function acknowledge(ctx: Ctx, p: Principal, program: string, number: number) {
  const state = p.roles.find(
    (r) => ((r.role === "focal_point" || r.role === "alternate") && r.program === program) || (r.role === "national_coordinator" && r.memberState),
  )?.memberState;
  if (!state) throw forbidden("Only a member state's focal points, alternates or coordinator acknowledge its advisories.");
  return withTransaction(ctx, async (tx) => {
    if (!(await repo.advisoryExists(tx, program, number))) throw notFound("The advisory");
    const at = await repo.insertAck(tx, program, number, state, p.personId, ctx.now());
    await repo.cancelReminders(tx, program, number, state);
    await ctx.audit.append(tx, { actor: p.personId, action: "advisory.acknowledged", subject: `${program}#${number}`, details: { memberState: state } });
    return { memberState: state, acknowledgedAt: at.toISOString() };
  });
}

const mustBeOfficer = (p: Principal, program: string) => {
  if (!officerPrograms(p).has(program) && !isAdmin(p)) throw forbidden("Only the program's Secretariat officers follow its advisories.");
};

/** The Secretariat chases one state now: its focal points are reminded at once (through quiet hours too: someone asked). */
export async function remindNow(ctx: Ctx, p: Principal, program: string, number: number, memberState: string) {
  mustBeOfficer(p, program);
  return withTransaction(ctx, async (tx) => {
    if (!(await repo.advisoryExists(tx, program, number))) throw notFound("The advisory");
    if ((await repo.acks(tx, program, number)).has(memberState)) throw conflict("advisory-acknowledged", `${memberState} has already acknowledged.`);
    const req = await repo.ackRequirement(tx, program, number);
    const now = ctx.now();
    const id = await repo.insertReminder(tx, { program, number, memberState, kind: "manual", audience: "focal-points", dueAt: now });
    const queued = await notify(ctx, tx, await audienceOf(tx, { audience: "focal-points", memberState, program }), {
      kind: "advisory.reminder",
      params: { program, number, state: memberState, ...(req ? { deadline: formatDeadline(req.deadline) } : {}), ...(await roomOf(tx, program)) },
      dedupeKey: `reminder:${id}`,
      urgent: true,
      audit: { actor: p.personId, subject: `${program}#${number}` },
    });
    await repo.markReminder(tx, id, "sent", now);
    return { queued };
  });
}

/** Each expected state's acknowledgement and its reminders, for the coverage view. */
export async function timeline(ctx: Ctx, p: Principal, program: string, number: number) {
  mustBeOfficer(p, program);
  if (!(await repo.advisoryExists(ctx.db, program, number))) throw notFound("The advisory");
  const [req, acks, reminders, expected] = await Promise.all([
    repo.ackRequirement(ctx.db, program, number),
    repo.acks(ctx.db, program, number),
    repo.remindersOf(ctx.db, program, number),
    repo.statesOfProgram(ctx.db, program),
  ]);
  const states = [...new Set([...expected, ...acks.keys(), ...reminders.map((r) => r.memberState)])].sort();
  return {
    programCode: program,
    number,
    ackDeadline: req?.deadline.toISOString() ?? null,
    remindEveryHours: req?.everyHours ?? DEFAULT_EVERY_HOURS,
    states: states.map((memberState) => ({
      memberState,
      acknowledgedAt: acks.get(memberState)?.toISOString() ?? null,
      reminders: reminders
        .filter((r) => r.memberState === memberState)
        .map((r) => ({ at: r.dueAt.toISOString(), kind: r.kind, audience: r.audience, status: r.status })),
    })),
  };
}
