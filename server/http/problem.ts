import type { ErrorRequestHandler, Response } from "express";
import { AppError } from "../errors.js";
import type { Logger } from "../log.js";

export const PROBLEM_BASE = "https://enlace.oas.org/problems/";

export function sendProblem(res: Response, err: AppError) {
  res.status(err.status).type("application/problem+json").json({
    type: PROBLEM_BASE + err.type,
    title: err.title,
    status: err.status,
    ...(err.detail ? { detail: err.detail } : {}),
    ...err.extra,
  });
}

/** Express's body parser errors carry a status and a type; map them to stable problem types. */
function fromParserError(err: any): AppError | undefined {
  if (err?.type === "entity.too.large") return new AppError("payload-too-large", 413, "Request body too large", "The request body exceeds the limit of 64 KiB.");
  if (err?.type === "entity.parse.failed") return new AppError("malformed-json", 400, "Malformed JSON", "The request body is not valid JSON.");
  if (err?.type === "encoding.unsupported" || err?.type === "charset.unsupported") return new AppError("unsupported-encoding", 415, "Unsupported encoding", "Send UTF-8 JSON.");
  if (typeof err?.status === "number" && err.status >= 400 && err.status < 500) return new AppError("bad-request", err.status, "Bad request", "The request could not be read.");
  return undefined;
}

// The one error handler of the HTTP layer. Unknown errors are logged (without request bodies) and
// answered with a generic 500 that reveals nothing.
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = err instanceof AppError ? err : fromParserError(err);
    if (known) return sendProblem(res, known);
    log.error({ err: { message: err?.message, stack: err?.stack, code: err?.code }, route: req.route?.path, method: req.method }, "unhandled error");
    sendProblem(res, new AppError("internal", 500, "Internal error", "Something went wrong on our side; it has been logged."));
  };
}
