import type { DatabaseError } from "pg";

/**
 * The PostgreSQL error codes (SQLSTATE, Appendix A of the PostgreSQL manual) the services answer
 * on purpose. Named once here; code elsewhere says `pgError(err, PG.uniqueViolation)`, never "23505".
 * A code gets a name here when some service first answers it (see CONVENTIONS.md, "Error codes").
 */
export const PG = {
  uniqueViolation: "23505",
  foreignKeyViolation: "23503",
  invalidDatetimeFormat: "22007",
  datetimeFieldOverflow: "22008",
} as const;
type PgErrorCode = (typeof PG)[keyof typeof PG];

/** The database error behind `err` when it carries one of `codes` (and, if given, names a constraint matching `constraint`). */
export function pgError(err: unknown, codes: PgErrorCode | PgErrorCode[], constraint?: RegExp): DatabaseError | null {
  const e = err as Partial<DatabaseError> | null | undefined;
  if (!e || typeof e.code !== "string" || !([] as string[]).concat(codes).includes(e.code)) return null;
  if (constraint && !constraint.test(e.constraint ?? "")) return null;
  return e as DatabaseError;
}
