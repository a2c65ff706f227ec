import { withTransaction } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import { AppError, conflict } from "../../errors.js";
import * as repo from "./repo.js";
import * as registryRepo from "../registry/repo.js";
import { deleteSubscriptionsOfSession } from "../notifications/repo.js";
import { activate } from "../registry/service.js";
import { requiresTotp, type Principal, type ResolvedSession } from "./principal.js";
import { newToken, tokenHash } from "./tokens.js";
import { matchTotp, newTotpSecret, openSecret, sealSecret, totpUri } from "./totp.js";

// One answer for an unknown email, a wrong password, an inactive person, and — for accounts with a
// second factor — a right password with a missing or wrong code: no account enumeration, and no
// password oracle (a password is never confirmed unless the code is right too).
const badCredentials = () =>
  new AppError("invalid-credentials", "The email, password or code is not correct. If your account uses an authenticator app, enter its code too.");
const linkInvalid = () => new AppError("enrollment-link-invalid", "This enrollment link has expired or was already used. Ask the Secretariat for a new one.");

async function startSession(ctx: Ctx, tx: Parameters<typeof repo.insertSession>[0], personId: string) {
  const token = newToken();
  const expiresAt = new Date(ctx.now().getTime() + ctx.settings.sessionHours * 3600_000);
  await repo.insertSession(tx, personId, await tokenHash(ctx.keys.sessionSecret, token), expiresAt);
  return { token, expiresAt };
}

export async function login(ctx: Ctx, input: { email: string; password: string; totp?: string }) {
  const row = await repo.loginRowByEmail(ctx.db, input.email);
  // Always run Argon2id (against a decoy for unknown accounts) so timing reveals nothing.
  const passwordOk = await ctx.hasher.verify(row?.passwordHash ?? null, input.password);
  const fail = async (why: string) => {
    await withTransaction(ctx, (tx) =>
      ctx.audit.append(tx, {
        actor: row?.id ?? "anonymous",
        action: "auth.login.failed",
        subject: row?.id ?? null,
        details: { email: input.email, why },
      }),
    );
    return badCredentials();
  };
  if (!row || !passwordOk || row.status !== "active") throw await fail(!row ? "unknown account" : !passwordOk ? "wrong password" : `status ${row.status}`);

  return withTransaction(ctx, async (tx) => {
    const locked = (await repo.loginRowByEmail(tx, input.email, true))!;
    if (locked.totpEnabled && locked.totpSecret) {
      const step = input.totp ? matchTotp(await openSecret(ctx.keys.dataKey, locked.totpSecret), input.totp, ctx.now().getTime()) : null;
      if (step === null || (locked.totpLastStep !== null && step <= locked.totpLastStep)) {
        const why = !input.totp ? "missing code" : step === null ? "wrong code" : "replayed code";
        await ctx.audit.append(tx, { actor: row.id, action: "auth.login.failed", subject: row.id, details: { email: input.email, why } });
        // The failure must be recorded even though the sign-in is refused: commit, then answer.
        return { failed: true as const };
      }
      await repo.setTotpLastStep(tx, row.id, step);
    }
    const session = await startSession(ctx, tx, row.id);
    await ctx.audit.append(tx, { actor: row.id, action: "auth.login.succeeded", subject: row.id, details: { secondFactor: locked.totpEnabled } });
    return { failed: false as const, ...session };
  }).then((r) => {
    if (r.failed) throw badCredentials();
    return r;
  });
}

// Sessions are checked on every request. A resolved session is reused only until the next committed
// change to people, roles or sessions (any replica's, via NOTIFY; this process's, at once): ctx.caches.

export async function resolveSession(ctx: Ctx, token: string): Promise<ResolvedSession> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hash = await tokenHash(ctx.keys.sessionSecret, token);
  const lookup = () => repo.principalBySessionHash(ctx.db, hash, ctx.now());
  const p = await ctx.caches.sessions(hash.toString("base64"), lookup);
  return p && p.expiresAt > ctx.now() ? p : null;
}

/**
 * Ends the session and, in the same transaction, removes the push subscriptions it registered: a
 * signed-out device stops receiving notifications even when its client could not unsubscribe first.
 */
export async function logout(ctx: Ctx, p: Principal) {
  await withTransaction(ctx, async (tx) => {
    await repo.revokeSession(tx, p.sessionId);
    const removed = await deleteSubscriptionsOfSession(tx, p.sessionId);
    await ctx.audit.append(tx, {
      actor: p.personId,
      action: "auth.logout",
      subject: p.personId,
      ...(removed ? { details: { pushSubscriptionsRemoved: removed } } : {}),
    });
  });
}

export async function sessionView(ctx: Ctx, p: Principal & { expiresAt?: Date }) {
  const person = (await registryRepo.getPerson(ctx.db, p.personId))!;
  const row = (await repo.loginRowByEmail(ctx.db, person.email))!;
  return {
    person: {
      id: person.id,
      fullName: person.fullName,
      email: person.email,
      memberState: person.memberState,
      status: person.status,
      roles: person.roles,
      totpEnabled: row.totpEnabled,
      totpSetupRequired: !row.totpEnabled && requiresTotp(p.roles, ctx.settings.totpRequiredFor),
    },
    expiresAt: (p.expiresAt ?? new Date(ctx.now().getTime() + ctx.settings.sessionHours * 3600_000)).toISOString(),
  };
}

async function liveLink(ctx: Ctx, tx: Parameters<typeof repo.enrollmentByHash>[0], token: string) {
  const link = await repo.enrollmentByHash(tx, await tokenHash(ctx.keys.sessionSecret, token), true);
  if (!link || link.used_at || new Date(link.expires_at) <= ctx.now() || link.status !== "approved") throw linkInvalid();
  return link;
}

/** First step of enrollment: shows who the link is for and offers a TOTP secret to scan. */
export async function enrollStart(ctx: Ctx, token: string) {
  return withTransaction(ctx, async (tx) => {
    const link = await liveLink(ctx, tx, token);
    const person = (await registryRepo.getPerson(tx, link.person_id))!;
    const secret = newTotpSecret();
    await repo.setPendingTotp(tx, link.id, await sealSecret(ctx.keys.dataKey, secret));
    return {
      fullName: person.fullName,
      email: person.email,
      totpRequired: requiresTotp(person.roles, ctx.settings.totpRequiredFor),
      totp: { secret, uri: totpUri(secret, person.email) },
    };
  });
}

/** Sets the password (and TOTP, mandatory as ENLACE_TOTP_REQUIRED_FOR says), activates the person, signs them in. */
export async function enrollComplete(ctx: Ctx, input: { token: string; password: string; totp?: string }) {
  return withTransaction(ctx, async (tx) => {
    const link = await liveLink(ctx, tx, input.token);
    const person = (await registryRepo.getPerson(tx, link.person_id, true))!;
    const mustTotp = requiresTotp(person.roles, ctx.settings.totpRequiredFor);
    let sealed: Buffer | null = null;
    let step: number | null = null;
    if (mustTotp || input.totp) {
      if (!link.pending_totp) throw conflict("enrollment-not-started", "Open the enrollment link first to get your authenticator secret.");
      if (!input.totp) throw new AppError("totp-required", "Your role requires a second factor: enter the 6-digit code from your authenticator app.");
      step = matchTotp(await openSecret(ctx.keys.dataKey, link.pending_totp), input.totp, ctx.now().getTime());
      if (step === null) throw new AppError("totp-incorrect", "The 6-digit code is not correct. Check your device's clock and try again.");
      sealed = link.pending_totp;
    }
    await repo.setCredentials(tx, person.id, await ctx.hasher.hash(input.password), sealed, step);
    await repo.markEnrollmentUsed(tx, link.id);
    await ctx.audit.append(tx, { actor: person.id, action: "auth.enrollment.completed", subject: person.id, details: { secondFactor: sealed !== null } });
    await activate(ctx, tx, person.id);
    return startSession(ctx, tx, person.id);
  });
}
