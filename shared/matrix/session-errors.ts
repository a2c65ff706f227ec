// What a failure while opening (or keeping) a Matrix session means for the device, decided in one
// place so the browser and the command-line sender treat it alike. Only `token-gone` may lead to a
// new login; nothing here ever means "forget the device": that needs the homeserver to confirm the
// device itself is gone (see resumeOrSignIn in session.ts).
// Pure: it reads the fields of matrix-js-sdk's MatrixError/ConnectionError and shared/api's ApiError
// structurally, so it is tested without either library and never breaks on a second module copy.

export type SessionFailure =
  /** M_UNKNOWN_TOKEN: the access token no longer works; soft logout means the device (and its keys) still exists. */
  | { kind: "token-gone"; softLogout: boolean }
  /** 429 / M_LIMIT_EXCEEDED: wait, then try the same thing again. */
  | { kind: "rate-limited"; retryAfterMs: number }
  /** Network down, timeout, 5xx: try again later with the same device and token. */
  | { kind: "transient" }
  /** Anything else (a 4xx the client cannot fix by waiting, a bug): shown, retried only when asked. */
  | { kind: "fatal" };

/** Used when a 429 names no delay. */
const DEFAULT_RATE_LIMIT_MS = 5_000;
/** Never wait longer than this between attempts, whatever a server asks (the person can retry now). */
export const MAX_BACKOFF_MS = 60_000;

/** Thrown when the homeserver accepted the token but the first sync did not arrive in time. */
export class InitialSyncTimeout extends Error {
  constructor(seconds: number) {
    super(`initial sync did not complete within ${seconds} s`);
    this.name = "InitialSyncTimeout";
  }
}

interface ErrorFields {
  name?: unknown;
  message?: unknown;
  errcode?: unknown;
  httpStatus?: unknown;
  status?: unknown;
  data?: { soft_logout?: unknown; retry_after_ms?: unknown; errcode?: unknown };
  httpHeaders?: { get?(name: string): string | null };
  extra?: { retryAfterSeconds?: unknown };
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
function retryAfterHeader(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function retryAfterMs(e: ErrorFields, now: number): number {
  const fromBody = e.data?.retry_after_ms;
  if (typeof fromBody === "number" && fromBody >= 0) return fromBody;
  const fromHeader = retryAfterHeader(typeof e.httpHeaders?.get === "function" ? e.httpHeaders.get("retry-after") : null, now);
  if (fromHeader !== null) return fromHeader;
  const fromProblem = e.extra?.retryAfterSeconds;
  if (typeof fromProblem === "number" && fromProblem >= 0) return fromProblem * 1000;
  return DEFAULT_RATE_LIMIT_MS;
}

export function classifySessionError(err: unknown, now = Date.now()): SessionFailure {
  if (typeof err !== "object" || err === null) return { kind: "fatal" };
  const e = err as ErrorFields;
  const errcode = e.errcode ?? e.data?.errcode;
  const status = typeof e.httpStatus === "number" ? e.httpStatus : typeof e.status === "number" ? e.status : undefined;
  if (errcode === "M_UNKNOWN_TOKEN") return { kind: "token-gone", softLogout: e.data?.soft_logout === true };
  if (errcode === "M_LIMIT_EXCEEDED" || status === 429) return { kind: "rate-limited", retryAfterMs: Math.min(retryAfterMs(e, now), MAX_BACKOFF_MS) };
  // matrix-js-sdk's ConnectionError (fetch failed), fetch's own TypeError, aborted or timed-out
  // requests, our initial-sync deadline, and shared/api's lost connection (status 0).
  if (["ConnectionError", "TimeoutError", "AbortError", "InitialSyncTimeout"].includes(String(e.name))) return { kind: "transient" };
  if (e.name === "TypeError" && /fetch|network/i.test(String(e.message))) return { kind: "transient" };
  if (status !== undefined && (status === 0 || status === 408 || status >= 500)) return { kind: "transient" };
  return { kind: "fatal" };
}

/**
 * How long to wait before attempt number `attempt` (1 = the first retry): a rate limit's own delay,
 * or exponential backoff from 1 s with "full jitter" for everything transient, so many clients
 * coming back after an outage do not knock together. Null: do not retry by yourself.
 */
export function retryDelayMs(f: SessionFailure, attempt: number, random: () => number = Math.random): number | null {
  if (f.kind === "rate-limited") return f.retryAfterMs;
  if (f.kind !== "transient") return null;
  const ceiling = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
