import { createHash } from "node:crypto";
import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import { withTransaction } from "../../db/pool.js";
import { badRequest, conflict, notFound } from "../../errors.js";
import {
  signCredential,
  signRevocationList,
  CREDENTIAL_TYPE,
  REVOCATIONS_TYPE,
  type CredentialBody,
  type SignedRevocationList,
} from "#shared/credentials/credential.js";
import * as repo from "./repo.js";

const CREDENTIAL_DAYS = 30;

/** The credential the Secretariat vouches for now: active people only, never past their vetting. */
export async function credentialFor(ctx: Ctx, userId: string) {
  const row = await repo.credentialRow(ctx.db, userId);
  if (row?.status !== "active") throw notFound("A credential for this user");
  const now = ctx.now();
  const cap = new Date(now.getTime() + CREDENTIAL_DAYS * 86400_000);
  const vetted = row.vettedUntil ? new Date(row.vettedUntil) : cap;
  const body: CredentialBody = {
    v: 1,
    type: CREDENTIAL_TYPE,
    serial: row.credentialVersion,
    userId,
    personId: row.id,
    name: row.fullName.slice(0, 200),
    memberState: row.memberState,
    programs: [...new Set(row.roles.map((r) => r.program).filter((p): p is string => p !== null))].sort(),
    roles: row.roles.map((r) => ({ role: r.role, program: r.program })),
    issuedAt: now.toISOString(),
    expiresAt: (vetted < cap ? vetted : cap).toISOString(),
    masterKey: row.masterKey,
  };
  return signCredential(ctx.keys.secretariat.secretKey, ctx.keys.secretariat.publicKey, body);
}

/**
 * The signed revocation list, as stored in PostgreSQL so that its order only moves forward: a new
 * serial when the entries changed since the last signature, a new signature (issuedAt strictly
 * later than the last, whatever the clock says) when the last is older than `refreshAfterMs`;
 * otherwise the last one as it is. Concurrent callers queue on the row lock.
 */
export async function revocationList(ctx: Ctx, o: { refreshAfterMs?: number } = {}): Promise<SignedRevocationList> {
  return withTransaction(ctx, async (tx) => {
    const entries = await repo.revocationEntries(tx);
    const digest = createHash("sha256").update(JSON.stringify(entries)).digest("hex");
    const last = await repo.lockRevocationList(tx);
    const now = ctx.now();
    const age = last.issuedAt ? now.getTime() - last.issuedAt.getTime() : Infinity;
    const sameKey = last.signed?.signature.publicKey === ctx.keys.secretariat.publicKey;
    // 0 means "re-sign now"; a clock behind the last signature (negative age) waits until it catches up.
    const due = o.refreshAfterMs !== undefined && (o.refreshAfterMs <= 0 || age >= o.refreshAfterMs);
    if (last.signed && sameKey && last.digest === digest && !due) return last.signed;
    const serial = last.digest === digest ? last.serial : last.serial + 1;
    const issuedAt = new Date(Math.max(now.getTime(), (last.issuedAt?.getTime() ?? 0) + 1));
    const signed = await signRevocationList(ctx.keys.secretariat.secretKey, ctx.keys.secretariat.publicKey, {
      v: 1,
      type: REVOCATIONS_TYPE,
      serial,
      issuedAt: issuedAt.toISOString(),
      entries,
    });
    await repo.saveRevocationList(tx, { serial, issuedAt, digest, signed });
    return signed;
  });
}

/** Checks the key against what the homeserver publishes for the user, when it can be asked. */
export type MasterKeyCheck = (userId: string) => Promise<string | null>;

export async function registerMasterKey(ctx: Ctx, p: Principal, masterKey: string, published?: MasterKeyCheck) {
  const row = await repo.personMatrix(ctx.db, p.personId);
  if (!row?.matrixUserId) throw conflict("no-matrix-account", "You have no Matrix account in the network yet.");
  if (published) {
    const actual = await published(row.matrixUserId);
    if (actual !== masterKey) throw badRequest("This is not the cross-signing master key your homeserver publishes for you.");
  }
  return withTransaction(ctx, async (tx) => {
    const changed = await repo.setMasterKey(tx, p.personId, masterKey);
    if (changed) {
      await ctx.audit.append(tx, { actor: p.personId, action: "credential.master_key_registered", subject: p.personId, details: { masterKey } });
      await ctx.hooks.personChanged(tx, p.personId, "master key");
    }
    return { userId: row.matrixUserId!, masterKey };
  });
}
