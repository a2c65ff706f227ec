import type { ErrorRequestHandler, Response } from "express";
import { AppError } from "../errors.js";
import type { Logger } from "../log.js";
import { MatrixError } from "../synapse/http.js";

import { PROBLEM_BASE, PROBLEMS } from "#shared/api/problems.js";

export function sendProblem(res: Response, err: AppError) {
  if (typeof err.extra.retryAfterSeconds === "number") res.set("Retry-After", String(err.extra.retryAfterSeconds));
  res
    .status(err.status)
    .type("application/problem+json")
    .json({
      type: PROBLEM_BASE + err.type,
      title: err.title,
      status: err.status,
      ...(err.detail ? { detail: err.detail } : {}),
      ...err.extra,
    });
}

/** Express's body parser errors carry a status and a type; map them to stable problem types. */
function fromParserError(caught: unknown): AppError | undefined {
  const err = caught as { type?: string; status?: unknown } | null | undefined;
  if (err?.type === "entity.too.large") return new AppError("payload-too-large", "The request body exceeds the limit of 64 KiB.");
  if (err?.type === "entity.parse.failed") return new AppError("malformed-json", "The request body is not valid JSON.");
  if (err?.type === "encoding.unsupported" || err?.type === "charset.unsupported") return new AppError("unsupported-encoding", "Send UTF-8 JSON.");
  if (typeof err?.status === "number" && err.status >= 400 && err.status < 500)
    return new AppError("bad-request", "The request could not be read.", {}, err.status);
  return undefined;
}

// The one error handler of the HTTP layer. Unknown errors are logged (without request bodies) and
// answered with a generic 500 that reveals nothing.
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = err instanceof AppError ? err : fromParserError(err);
    if (known) return sendProblem(res, known);
    if (err instanceof MatrixError) {
      // The homeserver is down or answered with an error: a gateway problem, not ours (never its message).
      log.warn({ errcode: err.errcode, status: err.statusCode, route: req.route?.path, method: req.method }, "homeserver call failed");
      const unreachable = err.statusCode === 0 || err.statusCode === 503 || err.statusCode === 504;
      return sendProblem(
        res,
        new AppError(
          "homeserver-unavailable",
          "The messaging server could not be reached or refused the request. Try again in a moment.",
          { retryAfterSeconds: 5 },
          unreachable ? 503 : 502,
        ),
      );
    }
    log.error({ err: { message: err?.message, stack: err?.stack, code: err?.code }, route: req.route?.path, method: req.method }, "unhandled error");
    sendProblem(res, new AppError("internal", "Something went wrong on our side; it has been logged."));
  };
}

/**
 * Errors Node's HTTP parser raises before Express sees the request (headers or URL too large,
 * malformed request line) also get a problem+json answer instead of a bare status line.
 */
export function answerClientErrors(server: import("node:http").Server) {
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      type: PROBLEM_BASE + (tooLarge ? "headers-too-large" : "bad-request"),
      title: PROBLEMS[tooLarge ? "headers-too-large" : "bad-request"].title,
      status,
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
