import type { Queryable, Tx } from "../../db/pool.js";
import type { Principal } from "./principal.js";

export async function insertSession(db: Queryable, personId: string, hash: Buffer, expiresAt: Date) {
  const { rows } = await db.query("INSERT INTO sessions (token_hash, person_id, expires_at) VALUES ($1, $2, $3) RETURNING id", [hash, personId, expiresAt]);
  return rows[0].id as string;
}

/** A principal only for a live session of an active person: suspension takes effect on the next request. */
export async function principalBySessionHash(db: Queryable, hash: Buffer, now: Date): Promise<(Principal & { expiresAt: Date; totpEnabled: boolean }) | null> {
  const { rows } = await db.query(
    `SELECT s.id AS session_id, s.expires_at, p.id, p.member_state, p.status, p.totp_enabled,
            coalesce((SELECT json_agg(json_build_object('role', r.role, 'memberState', r.member_state, 'program', r.program) ORDER BY r.id)
                      FROM roles r WHERE r.person_id = p.id), '[]') AS roles
       FROM sessions s JOIN people p ON p.id = s.person_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND p.status = 'active'`,
    [hash, now],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    personId: r.id,
    sessionId: r.session_id,
    memberState: r.member_state,
    status: r.status,
    expiresAt: r.expires_at,
    totpEnabled: r.totp_enabled,
    roles: r.roles as Principal["roles"],
  };
}

export async function revokeSession(tx: Tx, sessionId: string) {
  tx.changed("sessions");
  await tx.query("UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", [sessionId]);
}

export async function revokeSessionsOf(tx: Tx, personId: string): Promise<number> {
  tx.changed("sessions");
  const r = await tx.query("UPDATE sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL", [personId]);
  return r.rowCount ?? 0;
}

export interface LoginRow {
  id: string;
  status: string;
  passwordHash: string | null;
  totpSecret: Buffer | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
}
export async function loginRowByEmail(db: Queryable, email: string, forUpdate = false): Promise<LoginRow | null> {
  const { rows } = await db.query(
    `SELECT id, status, password_hash, totp_secret, totp_enabled, totp_last_step FROM people WHERE lower(email) = lower($1) ${forUpdate ? "FOR UPDATE" : ""}`,
    [email],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        status: r.status,
        passwordHash: r.password_hash,
        totpSecret: r.totp_secret,
        totpEnabled: r.totp_enabled,
        totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
      }
    : null;
}

export async function setTotpLastStep(tx: Tx, personId: string, step: number) {
  tx.changed("people");
  await tx.query("UPDATE people SET totp_last_step = $2 WHERE id = $1", [personId, step]);
}

export async function setCredentials(tx: Tx, personId: string, passwordHash: string, totpSecret: Buffer | null, totpStep: number | null) {
  tx.changed("people");
  await tx.query(
    "UPDATE people SET password_hash = $2, totp_secret = $3::bytea, totp_enabled = $3::bytea IS NOT NULL, totp_last_step = $4, updated_at = now() WHERE id = $1",
    [personId, passwordHash, totpSecret, totpStep],
  );
}

export async function insertEnrollmentLink(db: Queryable, personId: string, createdBy: string | null, hash: Buffer, expiresAt: Date, now: Date) {
  // A new link supersedes any earlier unused one: expired as of the clock that links are checked against.
  await db.query("UPDATE enrollment_links SET expires_at = least(expires_at, $2) WHERE person_id = $1 AND used_at IS NULL", [personId, now]);
  await db.query("INSERT INTO enrollment_links (token_hash, person_id, created_by, expires_at) VALUES ($1, $2, $3, $4)", [
    hash,
    personId,
    createdBy,
    expiresAt,
  ]);
}

export async function enrollmentByHash(db: Queryable, hash: Buffer, forUpdate = false) {
  const { rows } = await db.query(
    `SELECT e.id, e.person_id, e.expires_at, e.used_at, e.pending_totp, p.email, p.full_name, p.status
       FROM enrollment_links e JOIN people p ON p.id = e.person_id WHERE e.token_hash = $1 ${forUpdate ? "FOR UPDATE OF e" : ""}`,
    [hash],
  );
  return rows[0] ?? null;
}

export async function setPendingTotp(db: Queryable, linkId: string, sealed: Buffer) {
  await db.query("UPDATE enrollment_links SET pending_totp = $2 WHERE id = $1", [linkId, sealed]);
}

export async function markEnrollmentUsed(db: Queryable, linkId: string) {
  await db.query("UPDATE enrollment_links SET used_at = now() WHERE id = $1", [linkId]);
}

export interface TotpRow {
  email: string;
  passwordHash: string | null;
  totpSecret: Buffer | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  totpPending: Buffer | null;
}
/** One's own credentials, locked: re-authentication and the secret's change happen in one transaction. */
export async function totpRowForUpdate(tx: Tx, personId: string): Promise<TotpRow> {
  const { rows } = await tx.query("SELECT email, password_hash, totp_secret, totp_enabled, totp_last_step, totp_pending FROM people WHERE id = $1 FOR UPDATE", [
    personId,
  ]);
  const r = rows[0];
  return {
    email: r.email,
    passwordHash: r.password_hash,
    totpSecret: r.totp_secret,
    totpEnabled: r.totp_enabled,
    totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
    totpPending: r.totp_pending,
  };
}

export async function setTotpPending(tx: Tx, personId: string, sealed: Buffer | null) {
  await tx.query("UPDATE people SET totp_pending = $2 WHERE id = $1", [personId, sealed]);
}

/** The pending secret becomes the one in use; `step` is the code just confirmed, so it cannot be replayed. */
export async function adoptPendingTotp(tx: Tx, personId: string, step: number) {
  tx.changed("people");
  await tx.query(
    "UPDATE people SET totp_secret = totp_pending, totp_enabled = true, totp_pending = NULL, totp_last_step = $2, updated_at = now() WHERE id = $1",
    [personId, step],
  );
}

export async function clearTotp(tx: Tx, personId: string) {
  tx.changed("people");
  await tx.query("UPDATE people SET totp_secret = NULL, totp_enabled = false, totp_pending = NULL, totp_last_step = NULL, updated_at = now() WHERE id = $1", [
    personId,
  ]);
}
