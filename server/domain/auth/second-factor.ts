import { withTransaction, type Tx } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import { AppError, conflict } from "../../errors.js";
import * as repo from "./repo.js";
import { requiresTotp, type Principal } from "./principal.js";
import { matchTotp, newTotpSecret, openSecret, sealSecret, totpUri } from "./totp.js";

// The account page's second factor: a signed-in person turns it on, changes it or (when the policy
// allows) turns it off. A stolen session alone must not be enough, so each step that changes it asks
// for the password and, when a secret is in use, a current code from it.

const reauthFailed = () => new AppError("reauthentication-failed", "The password or the current 6-digit code is not correct.");

const mandatory = (ctx: Ctx, p: Principal) => requiresTotp(p.roles, ctx.settings.totpRequiredFor);

async function reauthenticate(ctx: Ctx, tx: Tx, p: Principal, row: repo.TotpRow, input: { password: string; totp?: string }) {
  const passwordOk = await ctx.hasher.verify(row.passwordHash, input.password);
  let step: number | null = null;
  if (row.totpEnabled && row.totpSecret) {
    step = input.totp ? matchTotp(await openSecret(ctx.keys.dataKey, row.totpSecret), input.totp, ctx.now().getTime()) : null;
    if (step !== null && row.totpLastStep !== null && step <= row.totpLastStep) step = null; // replayed
  }
  if (!passwordOk || (row.totpEnabled && step === null)) throw reauthFailed();
  if (step !== null) await repo.setTotpLastStep(tx, p.personId, step);
}

export async function totpStatus(ctx: Ctx, p: Principal) {
  const { rows } = await ctx.db.query("SELECT totp_enabled FROM people WHERE id = $1", [p.personId]);
  return { enabled: rows[0].totp_enabled as boolean, required: mandatory(ctx, p) };
}

/** Issues a new secret, kept aside until confirmed: the one in use (if any) keeps working meanwhile. */
export async function totpBegin(ctx: Ctx, p: Principal, input: { password: string; totp?: string }) {
  return withTransaction(ctx, async (tx) => {
    const row = await repo.totpRowForUpdate(tx, p.personId);
    await reauthenticate(ctx, tx, p, row, input);
    const secret = newTotpSecret();
    await repo.setTotpPending(tx, p.personId, await sealSecret(ctx.keys.dataKey, secret));
    return { secret, uri: totpUri(secret, row.email) };
  });
}

/** A correct code from the new secret makes it the one in use. */
export async function totpConfirm(ctx: Ctx, p: Principal, input: { totp: string }) {
  return withTransaction(ctx, async (tx) => {
    const row = await repo.totpRowForUpdate(tx, p.personId);
    if (!row.totpPending) throw conflict("totp-change-not-started", "Ask for a new authenticator secret first.");
    const step = matchTotp(await openSecret(ctx.keys.dataKey, row.totpPending), input.totp, ctx.now().getTime());
    if (step === null) throw new AppError("totp-incorrect", "The 6-digit code is not correct. Check your device's clock and try again.");
    await repo.adoptPendingTotp(tx, p.personId, step);
    // Never the secret: only that it changed, and whether there was one before.
    await ctx.audit.append(tx, { actor: p.personId, action: "auth.totp.changed", subject: p.personId, details: { enabled: true, replaced: row.totpEnabled } });
    return { enabled: true, required: mandatory(ctx, p) };
  });
}

export async function totpDisable(ctx: Ctx, p: Principal, input: { password: string; totp: string }) {
  if (mandatory(ctx, p)) throw conflict("totp-mandatory", "This account must use an authenticator app.");
  return withTransaction(ctx, async (tx) => {
    const row = await repo.totpRowForUpdate(tx, p.personId);
    await reauthenticate(ctx, tx, p, row, input);
    await repo.clearTotp(tx, p.personId);
    await ctx.audit.append(tx, { actor: p.personId, action: "auth.totp.changed", subject: p.personId, details: { enabled: false, replaced: row.totpEnabled } });
    return { enabled: false, required: false };
  });
}
