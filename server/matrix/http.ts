/**
 * One HTTP call to a homeserver, with typed errors. No retries here: the control plane's durable
 * job queue decides when to try again (it can see `retryAfterMs` and `MatrixConnectionError`).
 * Error messages name the method and path (room and user IDs are not secret) and Synapse's
 * errcode and text; access tokens travel only in the Authorization header and request bodies
 * (passwords, MACs) are never echoed.
 */

export interface MatrixServer {
  /** e.g. http://127.0.0.1:8008 (no trailing slash needed) */
  baseUrl: string;
  /** Per request; default 30 s. */
  timeoutMs?: number;
}

/** The homeserver answered with a non-2xx status. */
export class MatrixError extends Error {
  override name = "MatrixError";
  constructor(
    /** Matrix errcode (M_FORBIDDEN, M_UNKNOWN_TOKEN, …), `HTTP_<status>` if the body had none. */
    readonly errcode: string,
    /** HTTP status; 0 for MatrixConnectionError. */
    readonly statusCode: number,
    message: string,
    /** From a 429's retry_after_ms or Retry-After header. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The homeserver could not be reached or did not answer in time (errcode M_CONNECTION, status 0). */
export class MatrixConnectionError extends MatrixError {
  override name = "MatrixConnectionError";
  constructor(message: string, readonly timedOut: boolean, options?: { cause?: unknown }) {
    super("M_CONNECTION", 0, message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

export const enc = encodeURIComponent;

export interface RequestOptions {
  body?: unknown;
  /** Access token, sent as a Bearer header. */
  token?: string;
}

/** Method and path without the query string: what error messages say about a request. */
const describe = (method: string, path: string) => `${method} ${path.split("?")[0]}`;

export async function matrixRequest<T = unknown>(hs: MatrixServer, method: string, path: string, o: RequestOptions = {}): Promise<T> {
  const what = describe(method, path);
  const timeoutMs = hs.timeoutMs ?? 30_000;
  let res: Response;
  try {
    res = await fetch(hs.baseUrl.replace(/\/+$/, "") + path, {
      method,
      headers: {
        accept: "application/json",
        ...(o.body !== undefined ? { "content-type": "application/json" } : {}),
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const timedOut = e.name === "TimeoutError" || e.name === "AbortError";
    const reason = timedOut ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new MatrixConnectionError(`homeserver ${hostOf(hs.baseUrl)} unreachable: ${what}: ${reason}`, timedOut, { cause: err });
  }
  const text = await res.text().catch(() => "");
  let json: Record<string, unknown> | undefined;
  try { json = text ? JSON.parse(text) : {}; } catch { json = undefined; }
  if (!res.ok) {
    const errcode = typeof json?.errcode === "string" ? json.errcode : `HTTP_${res.status}`;
    const detail = typeof json?.error === "string" ? json.error : (json ? "" : text.slice(0, 200));
    throw new MatrixError(errcode, res.status, `${what}: ${res.status} ${errcode}${detail ? `: ${detail.slice(0, 300)}` : ""}`, retryAfter(res, json));
  }
  if (json === undefined) throw new MatrixError("M_BAD_JSON", res.status, `${what}: ${res.status} with a body that is not JSON`);
  return json as T;
}

function retryAfter(res: Response, json: Record<string, unknown> | undefined): number | undefined {
  if (typeof json?.retry_after_ms === "number") return json.retry_after_ms;
  const header = res.headers.get("retry-after");
  if (header && /^\d+$/.test(header.trim())) return Number(header) * 1000;
  return undefined;
}

const hostOf = (url: string) => { try { return new URL(url).host; } catch { return url; } };

/** GET /health: true when the homeserver answers 200, false on anything else (never throws). */
export async function isHealthy(hs: MatrixServer): Promise<boolean> {
  return fetch(`${hs.baseUrl.replace(/\/+$/, "")}/health`, { signal: AbortSignal.timeout(hs.timeoutMs ?? 2000) }).then((r) => r.ok, () => false);
}
