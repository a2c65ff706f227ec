import { type Tx, withTransaction } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { RoleGrant } from "../auth/principal.js";
import { sealSecret } from "../auth/totp.js";
import { revettingWindowEnd } from "../registry/lifecycle.js";
import { notify } from "./enqueue.js";
import * as repo from "./repo.js";

/** A nomination awaits approval: the officers of the nominee's programs (staff nominations: the administrators). */
export async function nominationAwaiting(ctx: Ctx, tx: Tx, actor: string, personId: string, roles: RoleGrant[]) {
  const programs = [...new Set(roles.map((r) => r.program).filter((p): p is string => p !== null))];
  const approvers = [];
  // One query at a time on the transaction's client.
  for (const program of programs) approvers.push(...(await repo.peopleWithRole(tx, ["secretariat_officer"], { program })));
  if (!programs.length) approvers.push(...(await repo.peopleWithRole(tx, ["secretariat_admin"])));
  await notify(ctx, tx, approvers, {
    kind: "vetting.nomination",
    params: programs.length === 1 ? { program: programs[0] } : {},
    dedupeKey: `nomination:${personId}`,
    audit: { actor, subject: personId },
  });
}

/**
 * Approved: the enrollment link is mailed to the nominee (the one notification with a secret: it is
 * sealed with the data key in the outbox and dropped once sent) and their coordinator is told.
 */
export async function approved(ctx: Ctx, tx: Tx, actor: string, person: { id: string; memberState: string | null }, link: { url: string; token: string }) {
  const sealed = (await sealSecret(ctx.keys.dataKey, link.url)).toString("base64");
  // A reissued link is a new subject (its own token), so it is mailed too.
  const tokenTag = link.token.slice(0, 12);
  await notify(ctx, tx, [person.id], {
    kind: "vetting.enrollment",
    params: { sealed },
    dedupeKey: `enrollment:${tokenTag}`,
    urgent: true,
    audit: { actor, subject: person.id },
  });
  if (person.memberState) {
    await notify(ctx, tx, await repo.peopleWithRole(tx, ["national_coordinator"], { memberState: person.memberState }), {
      kind: "vetting.approved",
      params: { state: person.memberState },
      dedupeKey: `approved:${person.id}:${tokenTag}`,
      audit: { actor, subject: person.id },
    });
  }
}

/** Suspended or revoked: no more pushes to their devices; a suspension is told to them and their coordinator. */
export async function statusChanged(ctx: Ctx, tx: Tx, actor: string, person: { id: string; memberState: string | null }, to: string, transitionKey: string) {
  if (to !== "suspended" && to !== "revoked") return;
  await repo.deleteSubscriptionsOf(tx, person.id);
  if (to !== "suspended") return;
  await notify(ctx, tx, [person.id], { kind: "vetting.suspended", params: {}, dedupeKey: `suspended:${transitionKey}`, audit: { actor, subject: person.id } });
  if (person.memberState) {
    await notify(ctx, tx, await repo.peopleWithRole(tx, ["national_coordinator"], { memberState: person.memberState }), {
      kind: "vetting.member-suspended",
      params: { state: person.memberState },
      dedupeKey: `suspended:${transitionKey}`,
      audit: { actor, subject: person.id },
    });
  }
}

/**
 * Re-vetting comes due: each active person whose vetting ends within the re-vetting window is
 * announced to their state's national coordinators, once per vetting period — the dedupe key holds
 * the person and the end of this period, so a sweep every minute (on every replica) queues it once,
 * and a renewal (a new end date) makes it due again next time. The notice names the state only:
 * no name, no reason. Returns how many notifications were queued.
 */
export async function revettingDue(ctx: Ctx): Promise<number> {
  const now = ctx.now();
  const soon = await repo.vettingEndingBetween(ctx.db, now, revettingWindowEnd(now));
  return withTransaction(ctx, async (tx) => {
    let queued = 0;
    for (const person of soon) {
      queued += await notify(ctx, tx, await repo.peopleWithRole(tx, ["national_coordinator"], { memberState: person.memberState }), {
        kind: "vetting.revetting-due",
        params: { state: person.memberState },
        dedupeKey: `revetting:${person.id}:${person.vettedUntil.toISOString()}`,
        audit: { actor: "system", subject: person.id },
      });
    }
    return queued;
  });
}
