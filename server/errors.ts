/**
 * Typed errors with stable machine-readable types. Services throw these; the HTTP layer turns
 * them into RFC 9457 problem+json (server/http/problem.ts). `type` is a stable URI suffix.
 */
export class AppError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, extra?: Record<string, unknown>) =>
  new AppError("validation-failed", 400, "The request is not valid", detail, extra);
export const unauthenticated = (detail = "Sign in first.") => new AppError("unauthenticated", 401, "Authentication required", detail);
export const forbidden = (detail = "You are not allowed to do this.") => new AppError("forbidden", 403, "Forbidden", detail);
export const notFound = (what: string) => new AppError("not-found", 404, "Not found", `${what} was not found.`);
export const conflict = (type: string, detail: string) => new AppError(type, 409, "Conflict", detail);
export const invalidTransition = (from: string, to: string) =>
  new AppError("invalid-transition", 409, "Invalid vetting transition", `A person who is ${from} cannot become ${to}.`, { from, to });
