import type { Queryable, Tx } from "../../db/pool.js";
import type { RoleGrant } from "../auth/principal.js";
import type { SignedRevocationList } from "#shared/credentials/credential.js";

export async function credentialRow(db: Queryable, userId: string) {
  const { rows } = await db.query(
    `SELECT p.id, p.full_name, p.member_state, p.status, p.vetted_until, p.master_key, p.credential_version,
            coalesce((SELECT json_agg(json_build_object('role', r.role, 'memberState', r.member_state, 'program', r.program) ORDER BY r.id)
                      FROM roles r WHERE r.person_id = p.id), '[]') AS roles
       FROM people p WHERE p.matrix_user_id = $1`,
    [userId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id as string,
    fullName: r.full_name as string,
    memberState: r.member_state as string | null,
    status: r.status as string,
    vettedUntil: r.vetted_until ? new Date(r.vetted_until).toISOString() : null,
    masterKey: r.master_key as string | null,
    credentialVersion: Number(r.credential_version),
    roles: r.roles as RoleGrant[],
  };
}

export async function personMatrix(db: Queryable, personId: string) {
  const { rows } = await db.query("SELECT matrix_user_id, master_key FROM people WHERE id = $1", [personId]);
  return rows[0] ? { matrixUserId: rows[0].matrix_user_id as string | null, masterKey: rows[0].master_key as string | null } : null;
}

export async function setMasterKey(tx: Tx, personId: string, masterKey: string): Promise<boolean> {
  tx.changed("people");
  const r = await tx.query(
    `UPDATE people SET master_key = $2, credential_version = credential_version + 1, updated_at = now()
      WHERE id = $1 AND master_key IS DISTINCT FROM $2`,
    [personId, masterKey],
  );
  return (r.rowCount ?? 0) > 0;
}

/** Everyone currently suspended or revoked, in a stable order (the list's digest depends on it). */
export async function revocationEntries(db: Queryable) {
  const { rows } = await db.query(
    `SELECT p.id, p.matrix_user_id, p.status,
            (SELECT max(t.at) FROM vetting_transitions t WHERE t.person_id = p.id AND t.to_status = p.status) AS since
       FROM people p WHERE p.status IN ('suspended', 'revoked') ORDER BY p.id`,
  );
  return rows.map((r) => ({
    personId: r.id as string,
    userId: r.matrix_user_id as string | null,
    status: r.status as "suspended" | "revoked",
    since: new Date(r.since).toISOString(),
  }));
}

export interface StoredRevocationList {
  serial: number;
  issuedAt: Date | null;
  digest: string | null;
  signed: SignedRevocationList | null;
}

/** The last signed list, locked until the transaction ends: one signer at a time, on every replica. */
export async function lockRevocationList(tx: Queryable): Promise<StoredRevocationList> {
  const { rows } = await tx.query("SELECT serial, issued_at, digest, signed FROM revocation_list WHERE id FOR UPDATE");
  const r = rows[0];
  if (!r) throw new Error("revocation_list has no row (migration 008 not applied?)");
  return { serial: Number(r.serial), issuedAt: r.issued_at ? new Date(r.issued_at) : null, digest: r.digest, signed: r.signed };
}

/** Serial and time of the last signature, without locking. */
export async function revocationListHead(db: Queryable) {
  const r = (await db.query("SELECT serial, issued_at FROM revocation_list WHERE id")).rows[0];
  return { serial: r ? Number(r.serial) : null, issuedAt: r?.issued_at ? new Date(r.issued_at) : null };
}

export async function saveRevocationList(tx: Queryable, l: { serial: number; issuedAt: Date; digest: string; signed: SignedRevocationList }) {
  await tx.query("UPDATE revocation_list SET serial = $1, issued_at = $2, digest = $3, signed = $4 WHERE id", [
    l.serial,
    l.issuedAt,
    l.digest,
    JSON.stringify(l.signed),
  ]);
}
