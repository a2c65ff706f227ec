import { PROBLEMS, type ProblemType } from "#shared/api/problems.js";

/**
 * Typed errors with stable machine-readable types. Services throw these; the HTTP layer turns
 * them into RFC 9457 problem+json (server/http/problem.ts). The type is a key of the one list in
 * shared/api/problems.ts, which also gives the status and the English title; `status` overrides the
 * listed one only where one type has two (a parser's other 4xx, a homeserver's 502 beside its 503).
 */
export class AppError extends Error {
  readonly title: string;
  readonly status: number;
  constructor(
    readonly type: ProblemType,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    status?: number,
  ) {
    super(detail ?? PROBLEMS[type].title);
    this.title = PROBLEMS[type].title;
    this.status = status ?? PROBLEMS[type].status;
  }
}

export const badRequest = (detail: string, extra?: Record<string, unknown>) => new AppError("validation-failed", detail, extra);
export const unauthenticated = (detail = "Sign in first.") => new AppError("unauthenticated", detail);
export const forbidden = (detail = "You are not allowed to do this.") => new AppError("forbidden", detail);
export const notFound = (what: string) => new AppError("not-found", `${what} was not found.`);
export const conflict = (type: ProblemType & keyof ConflictTypes, detail: string) => new AppError(type, detail);
export const invalidTransition = (from: string, to: string) => new AppError("invalid-transition", `A person who is ${from} cannot become ${to}.`, { from, to });

/** The types whose listed status is 409: `conflict()` takes only these. */
type ConflictTypes = { [K in ProblemType as (typeof PROBLEMS)[K]["status"] extends 409 ? K : never]: true };
