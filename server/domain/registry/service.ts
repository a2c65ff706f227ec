import { PG, pgError } from "../../db/pg-errors.js";
import * as notices from "../notifications/vetting.js";
import { withTransaction, type Tx } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import { badRequest, conflict, forbidden, invalidTransition, notFound } from "../../errors.js";
import type { NominationInput } from "#shared/api/people.js";
import * as repo from "./repo.js";
import type { DirectoryQuery } from "./repo.js";
import * as authRepo from "../auth/repo.js";
import * as policy from "./policy.js";
import { nextStatus, addMonths, revettingWindowEnd, type VettingAction } from "./lifecycle.js";
import { newToken, tokenHash } from "../auth/tokens.js";
import { assignLocalUserId } from "../matrix-session/service.js";
import { checkProposedMatrixId, matrixIdTaken } from "../matrix-session/accounts.js";

const audit = (ctx: Ctx, tx: Tx, actor: string, action: string, subject: string, details: Record<string, unknown> = {}) =>
  ctx.audit.append(tx, { actor, action, subject, details });

async function lockVisiblePerson(_ctx: Ctx, tx: Tx, p: Principal, id: string) {
  const person = await repo.getPerson(tx, id, true);
  // Someone you may not see answers exactly like someone who does not exist.
  if (!person || !policy.canRead(p, person)) throw notFound("The person");
  return person;
}

export async function nominate(ctx: Ctx, p: Principal, input: NominationInput) {
  const roles = input.roles.map((r) => ({ role: r.role, memberState: r.memberState, program: r.program }));
  for (const r of roles) {
    if (r.memberState !== null && r.memberState !== input.memberState) throw badRequest("Every role's member state must be the person's member state.");
  }
  const staffOnly = roles.every((r) => r.role === "secretariat_admin" || r.role === "secretariat_officer");
  if (staffOnly !== (input.memberState === null)) throw badRequest(staffOnly ? "Secretariat staff have no member state." : "A member state is required.");
  if (!policy.canNominate(p, input.memberState, roles)) throw forbidden("You may not nominate for this member state, program or role.");
  return withTransaction(ctx, async (tx): Promise<NominationOutcome> => {
    const existingId = await repo.findPersonIdByEmail(tx, input.email);
    if (existingId) {
      const existing = (await repo.getPerson(tx, existingId))!;
      // Only someone who may see the existing person learns that it exists; anyone else's nomination
      // is referred to the Secretariat (an audit entry), with an answer that names no one and no state.
      if (policy.canRead(p, existing)) throw conflict("duplicate-nomination", "Someone with this email is already in the registry.");
      await audit(ctx, tx, p.personId, "person.nomination_referred", existingId, {
        memberState: input.memberState,
        roles,
        reason: input.reason ?? "nominated",
      });
      return { referred: true, detail: "A nomination for this address was recorded and will be checked by the Secretariat." };
    }
    let matrixUserId: string | null;
    if (input.matrixUserId) {
      // A nominator may name an account on the nominee's own state's homeserver, never one of ours.
      await checkProposedMatrixId(tx, {
        userId: input.matrixUserId,
        memberState: input.memberState,
        localServerName: ctx.settings.matrixServerName,
        dir: ctx.matrixAccounts,
      });
      matrixUserId = input.matrixUserId;
    } else {
      // People without a homeserver of their own get an account on the Secretariat's, chosen here.
      matrixUserId = ctx.settings.matrixServerName
        ? await assignLocalUserId(tx, ctx.settings.matrixServerName, input.email, input.memberState, ctx.matrixAccounts)
        : null;
    }
    let id: string;
    try {
      id = await repo.insertPerson(tx, { email: input.email, fullName: input.fullName, memberState: input.memberState, matrixUserId, nominatedBy: p.personId });
      await repo.insertRoles(tx, id, roles);
    } catch (err) {
      if (pgError(err, PG.uniqueViolation, /matrix/)) throw matrixIdTaken();
      if (pgError(err, PG.uniqueViolation)) throw conflict("duplicate-nomination", "Someone with this email is already in the registry.");
      if (pgError(err, PG.foreignKeyViolation)) throw badRequest("Unknown member state or program.");
      throw err;
    }
    const reason = input.reason ?? "nominated";
    await repo.recordTransition(tx, { personId: id, from: null, to: "nominated", actorId: p.personId, reason });
    await audit(ctx, tx, p.personId, "person.nominated", id, { memberState: input.memberState, roles, reason, matrixUserId });
    await notices.nominationAwaiting(ctx, tx, p.personId, id, roles);
    return (await repo.getPerson(tx, id))!;
  });
}

export type NominationOutcome = repo.PersonRow | { referred: true; detail: string };

async function transition(
  ctx: Ctx,
  tx: Tx,
  person: repo.PersonRow,
  action: VettingAction,
  actorId: string | null,
  reason: string,
  extra: Parameters<typeof repo.setStatus>[3] = {},
) {
  const to = nextStatus(person.status, action);
  if (!to) throw invalidTransition(person.status, action === "expire" ? "suspended" : nextStatusName(action));
  await repo.setStatus(tx, person.id, to, extra);
  await repo.recordTransition(tx, { personId: person.id, from: person.status, to, actorId, reason });
  if (to === "suspended" || to === "revoked") await authRepo.revokeSessionsOf(tx, person.id);
  await audit(ctx, tx, actorId ?? "system", `person.${action === "expire" ? "expired" : pastTense(action)}`, person.id, { from: person.status, to, reason });
  await ctx.hooks.personChanged(tx, person.id, action);
  await notices.statusChanged(ctx, tx, actorId ?? "system", person, to, `${person.id}:${ctx.now().toISOString()}`);
  return to;
}
const nextStatusName = (a: VettingAction) =>
  ({ approve: "approved", reject: "rejected", activate: "active", suspend: "suspended", reinstate: "active", revoke: "revoked", expire: "suspended" })[a];
const pastTense = (a: VettingAction) =>
  ({ approve: "approved", reject: "rejected", activate: "activated", suspend: "suspended", reinstate: "reinstated", revoke: "revoked", expire: "expired" })[a];

/** Creates a single-use enrollment link; only its hash is stored. */
async function issueLink(ctx: Ctx, tx: Tx, personId: string, createdBy: string) {
  const token = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.settings.enrollmentHours * 3600_000);
  await authRepo.insertEnrollmentLink(tx, personId, createdBy, await tokenHash(ctx.keys.sessionSecret, token), expiresAt, now);
  await audit(ctx, tx, createdBy, "auth.enrollment_link.issued", personId, { expiresAt: expiresAt.toISOString() });
  return { token, url: `${ctx.settings.publicUrl}/#/enroll/${token}`, expiresAt: expiresAt.toISOString() };
}

export async function approve(ctx: Ctx, p: Principal, id: string, reason: string) {
  return withTransaction(ctx, async (tx) => {
    const person = await lockVisiblePerson(ctx, tx, p, id);
    if (!policy.canApprove(p, person)) {
      throw forbidden(
        person.nominatedBy === p.personId
          ? "Four eyes: the nominator cannot approve their own nomination."
          : policy.approvalRule(person) === "admin"
            ? "Only an administrator can approve Secretariat staff and coordinators."
            : "Only a Secretariat officer of each of this person's programs, or an administrator, can approve.",
      );
    }
    await transition(ctx, tx, person, "approve", p.personId, reason, {
      approvedBy: p.personId,
      vettedUntil: addMonths(ctx.now(), ctx.settings.vettingMonths),
    });
    const enrollment = await issueLink(ctx, tx, id, p.personId);
    await notices.approved(ctx, tx, p.personId, person, enrollment);
    return { person: (await repo.getPerson(tx, id))!, enrollment };
  });
}

export async function reissueEnrollment(ctx: Ctx, p: Principal, id: string) {
  return withTransaction(ctx, async (tx) => {
    const person = await lockVisiblePerson(ctx, tx, p, id);
    if (!policy.canDecide(p, person)) throw forbidden();
    if (person.status !== "approved") throw conflict("not-awaiting-enrollment", "Only an approved person who has not signed in yet gets an enrollment link.");
    const enrollment = await issueLink(ctx, tx, id, p.personId);
    await notices.approved(ctx, tx, p.personId, person, enrollment);
    return enrollment;
  });
}

type Decision = "reject" | "suspend" | "reinstate" | "revoke";
export async function decide(ctx: Ctx, p: Principal, id: string, action: Decision, reason: string) {
  return withTransaction(ctx, async (tx) => {
    const person = await lockVisiblePerson(ctx, tx, p, id);
    const allowed = action === "suspend" ? policy.canSuspend(p, person) : policy.canDecide(p, person);
    if (!allowed) throw forbidden();
    const extra: Parameters<typeof repo.setStatus>[3] = {};
    if (action === "reinstate") {
      // Reinstating someone whose vetting lapsed is their re-vetting: a fresh validity period.
      const lapsed = person.vettedUntil !== null && new Date(person.vettedUntil) <= ctx.now();
      if (lapsed || person.revettingDue) Object.assign(extra, { vettedUntil: addMonths(ctx.now(), ctx.settings.vettingMonths), revettingDue: false });
    }
    await transition(ctx, tx, person, action, p.personId, reason, extra);
    return (await repo.getPerson(tx, id))!;
  });
}

/** Enrollment completed: approved → active. Called by the auth service inside its transaction. */
export async function activate(ctx: Ctx, tx: Tx, personId: string) {
  const person = (await repo.getPerson(tx, personId, true))!;
  await transition(ctx, tx, person, "activate", personId, "enrollment completed");
}

/** Suspends everyone whose vetting has expired and flags them for re-vetting. Returns how many. */
export async function expireDue(ctx: Ctx): Promise<number> {
  return withTransaction(ctx, async (tx) => {
    const ids = await repo.lockExpired(tx, ctx.now());
    for (const id of ids) {
      const person = (await repo.getPerson(tx, id))!;
      await transition(ctx, tx, person, "expire", null, "vetting expired", { revettingDue: true });
    }
    return ids.length;
  });
}

export async function getPerson(ctx: Ctx, p: Principal, id: string) {
  const person = await repo.getPerson(ctx.db, id);
  if (!person || !policy.canRead(p, person)) throw notFound("The person");
  return { ...person, history: await repo.listTransitions(ctx.db, id) };
}

export async function listPeople(ctx: Ctx, p: Principal, q: Omit<repo.PeopleFilter, "scopeStates" | "scopePrograms">) {
  const scope = policy.listScope(p);
  if (!scope) throw forbidden("Only the Secretariat and national coordinators list people.");
  const people = await repo.listPeople(ctx.db, { ...q, ...scope });
  return people.map((person) => ({ ...person, mayDo: policy.allowedActions(p, person) }));
}

export async function nominationQueue(ctx: Ctx, p: Principal) {
  const people = await listPeople(ctx, p, { status: "nominated", limit: 500, offset: 0 });
  const notes = await repo.nominationNotes(
    ctx.db,
    people.map((person) => person.id),
  );
  return people.map((person) => ({
    ...person,
    canApprove: policy.canApprove(p, person),
    approvalRule: policy.approvalRule(person),
    nominatorName: notes.get(person.id)?.nominatorName ?? null,
    note: notes.get(person.id)?.note ?? null,
  }));
}

export async function revettingQueue(ctx: Ctx, p: Principal) {
  const scope = policy.listScope(p);
  if (!scope) throw forbidden();
  const soon = revettingWindowEnd(ctx.now());
  const suspended = await repo.listPeople(ctx.db, { status: "suspended", limit: 500, offset: 0, ...scope });
  const active = await repo.listPeople(ctx.db, { status: "active", limit: 500, offset: 0, ...scope });
  // Due: suspended by expiry; soon due: active with vetting ending within the re-vetting window.
  const due = [...suspended.filter((x) => x.revettingDue), ...active.filter((x) => x.vettedUntil !== null && new Date(x.vettedUntil) <= soon)];
  return due.map((person) => ({ ...person, mayDo: policy.allowedActions(p, person) }));
}

export async function setMyExpertise(ctx: Ctx, p: Principal, areas: string[], languages: string[]) {
  return withTransaction(ctx, async (tx) => {
    const norm = [...new Set(areas.map((a) => a.toLowerCase()))];
    await repo.setExpertise(tx, p.personId, norm, [...new Set(languages)]);
    await audit(ctx, tx, p.personId, "person.expertise_updated", p.personId, { areas: norm, languages });
    return { areas: norm, languages: [...new Set(languages)] };
  });
}

// Directory reads vastly outnumber registry writes: answers are cached until the next committed change (ctx.caches).
export function searchDirectory(ctx: Ctx, q: DirectoryQuery) {
  return ctx.caches.directory(JSON.stringify(q), () => repo.searchDirectory(ctx.db, q));
}
