import { describe, expect, it } from "vitest";
import { ConnectionError, MatrixError } from "matrix-js-sdk";
import { ApiError } from "../api/client.js";
import { classifySessionError, InitialSyncTimeout, MAX_BACKOFF_MS, retryDelayMs } from "./session-errors.js";

// Real error objects of the libraries the sessions meet (matrix-js-sdk, our API client), as they throw them.
const matrixError = (status: number, body: Record<string, unknown>, headers?: Record<string, string>) =>
  new MatrixError(body, status, "https://hs.example/_matrix/client/v3/sync", undefined, headers ? new Headers(headers) : undefined);

describe("classifySessionError", () => {
  it("an unknown token is the only reason to sign in again, soft logout or not", () => {
    expect(classifySessionError(matrixError(401, { errcode: "M_UNKNOWN_TOKEN", error: "Invalid access token" }))).toEqual({
      kind: "token-gone",
      softLogout: false,
    });
    expect(classifySessionError(matrixError(401, { errcode: "M_UNKNOWN_TOKEN", soft_logout: true }))).toEqual({ kind: "token-gone", softLogout: true });
  });

  it("a 429 waits what the homeserver asks: body first, then the Retry-After header", () => {
    expect(classifySessionError(matrixError(429, { errcode: "M_LIMIT_EXCEEDED", retry_after_ms: 2_500 }))).toEqual({
      kind: "rate-limited",
      retryAfterMs: 2_500,
    });
    expect(classifySessionError(matrixError(429, { errcode: "M_LIMIT_EXCEEDED" }, { "Retry-After": "7" }))).toEqual({
      kind: "rate-limited",
      retryAfterMs: 7_000,
    });
    const now = Date.parse("2026-12-03T10:00:00Z");
    expect(classifySessionError(matrixError(429, {}, { "Retry-After": "Thu, 03 Dec 2026 10:00:03 GMT" }), now)).toEqual({
      kind: "rate-limited",
      retryAfterMs: 3_000,
    });
  });

  it("a 429 without a delay still waits, and no server can make a client wait for ever", () => {
    expect(classifySessionError(matrixError(429, { errcode: "M_LIMIT_EXCEEDED" }))).toEqual({ kind: "rate-limited", retryAfterMs: 5_000 });
    expect(classifySessionError(matrixError(429, { retry_after_ms: 3_600_000 }))).toEqual({ kind: "rate-limited", retryAfterMs: MAX_BACKOFF_MS });
  });

  it("the control plane's own 429 (problem+json with retryAfterSeconds) is a rate limit too", () => {
    const e = new ApiError("https://enlace.oas.org/problems/rate-limited", 429, "Too many attempts", undefined, { retryAfterSeconds: 30 });
    expect(classifySessionError(e)).toEqual({ kind: "rate-limited", retryAfterMs: 30_000 });
  });

  it("network failures, timeouts and server errors are transient: same device, same token, later", () => {
    expect(classifySessionError(new ConnectionError("fetch failed", new TypeError("Failed to fetch")))).toEqual({ kind: "transient" });
    expect(classifySessionError(new TypeError("Failed to fetch"))).toEqual({ kind: "transient" });
    expect(classifySessionError(new DOMException("signal timed out", "TimeoutError"))).toEqual({ kind: "transient" });
    expect(classifySessionError(new InitialSyncTimeout(60))).toEqual({ kind: "transient" });
    expect(classifySessionError(matrixError(502, {}))).toEqual({ kind: "transient" });
    expect(classifySessionError(new ApiError("about:blank#network", 0, "Network error"))).toEqual({ kind: "transient" });
    expect(classifySessionError(new ApiError("https://enlace.oas.org/problems/homeserver-unavailable", 503, "Unavailable"))).toEqual({ kind: "transient" });
  });

  it("anything else is fatal: shown, and retried only when the person asks", () => {
    expect(classifySessionError(matrixError(403, { errcode: "M_FORBIDDEN" }))).toEqual({ kind: "fatal" });
    expect(classifySessionError(new ApiError("https://enlace.oas.org/problems/no-local-matrix-account", 409, "Foreign"))).toEqual({ kind: "fatal" });
    expect(classifySessionError(new Error("bug"))).toEqual({ kind: "fatal" });
    expect(classifySessionError("nonsense")).toEqual({ kind: "fatal" });
  });
});

describe("retryDelayMs", () => {
  it("a rate limit waits exactly its own delay, every attempt", () => {
    expect(retryDelayMs({ kind: "rate-limited", retryAfterMs: 4_000 }, 1)).toBe(4_000);
    expect(retryDelayMs({ kind: "rate-limited", retryAfterMs: 4_000 }, 9)).toBe(4_000);
  });

  it("transient failures back off exponentially with jitter, capped", () => {
    const lowest = () => 0,
      highest = () => 1;
    expect(retryDelayMs({ kind: "transient" }, 1, lowest)).toBe(500);
    expect(retryDelayMs({ kind: "transient" }, 1, highest)).toBe(1_000);
    expect(retryDelayMs({ kind: "transient" }, 4, highest)).toBe(8_000);
    expect(retryDelayMs({ kind: "transient" }, 30, highest)).toBe(MAX_BACKOFF_MS);
    expect(retryDelayMs({ kind: "transient" }, 30, lowest)).toBe(MAX_BACKOFF_MS / 2);
  });

  it("a gone token or a fatal error is not retried by waiting", () => {
    expect(retryDelayMs({ kind: "token-gone", softLogout: true }, 1)).toBeNull();
    expect(retryDelayMs({ kind: "fatal" }, 1)).toBeNull();
  });
});
