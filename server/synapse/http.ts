/**
 * Typed errors for homeserver calls. Messages never include access tokens or passwords.
 * errcode "M_CONNECTION" with statusCode 0 means the homeserver could not be reached.
 */
export class MatrixError extends Error {
  constructor(
    readonly errcode: string,
    readonly statusCode: number,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "MatrixError";
  }
}

export interface HttpOptions {
  baseUrl: string;
  timeoutMs?: number;
}

/** Honours the homeserver's retry_after_ms a few times before giving up with the 429. */
// biome-ignore lint/suspicious/noExplicitAny: the caller names the reply type; untyped callers read Synapse JSON as before
export async function matrixFetch<T = any>(o: HttpOptions, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await matrixFetchOnce<T>(o, method, path, body, token);
    } catch (err) {
      if (!(err instanceof MatrixError && err.statusCode === 429) || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, Math.min(err.retryAfterMs ?? 500, 10_000)));
    }
  }
}

async function matrixFetchOnce<T>(o: HttpOptions, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(o.baseUrl + path, {
      method,
      headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
  } catch (err) {
    throw new MatrixError("M_CONNECTION", 0, `homeserver unreachable: ${method} ${path.split("?")[0]}: ${(err as Error).message}`);
  }
  const text = await res.text();
  let json: { errcode?: string; error?: string; retry_after_ms?: number } = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    throw new MatrixError(
      json.errcode ?? `HTTP_${res.status}`,
      res.status,
      `${method} ${path.split("?")[0]}: ${res.status} ${json.errcode ?? ""} ${json.error ?? text.slice(0, 200)}`.trim(),
      json.retry_after_ms,
    );
  }
  return json as T;
}

export const enc = encodeURIComponent;
