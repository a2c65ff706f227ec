import type { Tx } from "../../db/pool.js";

/**
 * The next number of a program, reserved for `reservedBy`. Numbers of one program are handed out
 * under a transaction-scoped advisory lock, so two officers never read the same max(number).
 */
export async function reserveNextNumber(tx: Tx, program: string, reservedBy: string): Promise<number> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('advisory:' || $1))", [program]);
  const { rows } = await tx.query<{ number: number }>(
    `INSERT INTO advisory_numbers (program, number, reserved_by)
     SELECT $1, coalesce(max(number), 0) + 1, $2 FROM advisory_numbers WHERE program = $1 RETURNING number`,
    [program, reservedBy],
  );
  return rows[0].number;
}

/** A reserved number, locked until the transaction ends (its digest is set at most once). */
export async function lockNumber(tx: Tx, program: string, number: number): Promise<{ reservedBy: string; digest: string | null } | null> {
  const row = (await tx.query("SELECT reserved_by, digest FROM advisory_numbers WHERE program = $1 AND number = $2 FOR UPDATE", [program, number])).rows[0];
  return row ? { reservedBy: row.reserved_by, digest: row.digest } : null;
}

export async function setDigest(tx: Tx, program: string, number: number, digest: string) {
  await tx.query("UPDATE advisory_numbers SET digest = $3, signed_at = now() WHERE program = $1 AND number = $2", [program, number, digest]);
}
