import { CLIENT_PROBLEMS, isProblemType, type ClientProblemType, type ProblemType } from "./problems.js";
import { OPERATIONS, type BodyOf, type OperationId, type ParamsOf, type QueryOf, type ResponseOf } from "./operations.js";

/**
 * The one client of the control plane (web app, shared/matrix, CLI, bots, tests), typed from the
 * operation table: `call("getPerson", { params: { id } })` sends what the operation takes and
 * resolves to what it answers. Every failure is an ApiError: a problem+json from the server, a
 * lost connection (`network`), a gateway's page instead of the control plane's JSON (`bad-gateway`),
 * or an answer it cannot read (`unexpected`).
 */
export class ApiError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail ?? title);
    this.name = "ApiError";
  }

  /** The last segment of the type URI: "invalid-credentials", … or "network" for a lost connection. */
  get kind(): string {
    return /[^/:]*$/.exec(this.type)?.[0] ?? "";
  }

  /** The kind if clients have a message for it (every server problem type and the client's own), else "unknown". */
  get knownKind(): ProblemType | ClientProblemType | "unknown" {
    const k = this.kind;
    if (isProblemType(k) || (CLIENT_PROBLEMS as readonly string[]).includes(k)) return k as ProblemType | ClientProblemType;
    return "unknown";
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

const clientProblem = (kind: ClientProblemType) => `urn:enlace:client:${kind}`;

export const networkError = (detail: string) => new ApiError(clientProblem("network"), 0, "Network unreachable", detail);

/** Anything thrown is turned into an ApiError so callers handle one shape. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(clientProblem("unexpected"), -1, "Unexpected error", e instanceof Error ? e.message : String(e));
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The ApiError of a failed response: problem+json when the server sent it, else what the status says. */
export async function problemFrom(res: Response): Promise<ApiError> {
  const p = parseJson(await res.text().catch(() => ""));
  if (typeof p === "object" && p !== null && typeof (p as { type?: unknown }).type === "string" && typeof (p as { title?: unknown }).title === "string") {
    const { type, title, status, detail, ...extra } = p as Record<string, unknown>;
    return new ApiError(
      type as string,
      typeof status === "number" ? status : res.status,
      title as string,
      typeof detail === "string" ? detail : undefined,
      extra,
    );
  }
  // Not the control plane's JSON: a gateway or proxy answered for it (an HTML 502 page, say).
  if (res.status === 502 || res.status === 503 || res.status === 504)
    return new ApiError(clientProblem("bad-gateway"), res.status, res.statusText || `HTTP ${res.status}`);
  return new ApiError("about:blank", res.status, res.statusText || `HTTP ${res.status}`);
}

type Args<K extends OperationId> = (BodyOf<K> extends undefined ? { body?: undefined } : { body: BodyOf<K> }) &
  (ParamsOf<K> extends undefined ? { params?: undefined } : { params: ParamsOf<K> }) &
  (QueryOf<K> extends undefined ? { query?: undefined } : { query?: QueryOf<K> }) & { headers?: Record<string, string> };

/** `[args]` where the operation takes something, `[args?]` where it takes nothing. */
type ArgList<K extends OperationId> = BodyOf<K> extends undefined ? (ParamsOf<K> extends undefined ? [args?: Args<K>] : [args: Args<K>]) : [args: Args<K>];

export interface ClientOptions {
  baseUrl?: string; // "" = same origin
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** A bearer token (programs); browsers leave it out and ride on the HttpOnly session cookie. */
  token?: () => string | undefined;
  /** Told whether an answer arrived (false: none, or a gateway's 502/503/504 instead of the control plane). */
  onReachable?: (reachable: boolean, id: OperationId) => void;
  /** Told of every problem, before it is thrown (a 401 on a session operation: the session is gone). */
  onProblem?: (err: ApiError, id: OperationId) => void;
}

const queryString = (q: object | undefined) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q ?? {})) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
};

const pathWith = (path: string, params: object | undefined) =>
  path.replace(/:([A-Za-z]+)/g, (_, k: string) => encodeURIComponent(String((params as Record<string, unknown> | undefined)?.[k] ?? "")));

export function createClient(opts: ClientOptions = {}) {
  const baseUrl = opts.baseUrl ?? "";
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  const timeoutMs = opts.timeoutMs; // none unless asked: a program's long call (a first Matrix sign-in) may take its time

  async function call<K extends OperationId>(id: K, ...[args]: ArgList<K>): Promise<ResponseOf<K>> {
    const op = OPERATIONS[id];
    const a = (args ?? {}) as { body?: unknown; params?: object; query?: object; headers?: Record<string, string> };
    // Operations that take a body get one ({} when the table has no body schema but the method sends one).
    const body = a.body ?? (op.method === "get" ? undefined : {});
    const token = opts.token?.();
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}/api${pathWith(op.path, a.params)}${queryString(a.query)}`, {
        method: op.method.toUpperCase(),
        credentials: "same-origin",
        headers: {
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...a.headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      // fetch rejects only when no HTTP answer arrived: offline, refused, DNS, timeout.
      opts.onReachable?.(false, id);
      throw networkError(e instanceof Error ? e.message : String(e));
    }
    const gateway = res.status === 502 || res.status === 503 || res.status === 504;
    // Some operations answer another status with the success body (health's 503 "degraded").
    const sameBody = (op as { sameBodyStatuses?: readonly number[] }).sameBodyStatuses?.includes(res.status) ?? false;
    if (!res.ok && !sameBody) {
      const err = await problemFrom(res);
      // A gateway answering for an unreachable control plane is a lost connection; the control plane's own 503 is not.
      opts.onReachable?.(!(gateway && err.kind === "bad-gateway"), id);
      opts.onProblem?.(err, id);
      throw err;
    }
    opts.onReachable?.(true, id);
    if (res.status === 204) return undefined as ResponseOf<K>;
    const text = await res.text();
    const json = parseJson(text);
    if (json === undefined) throw new ApiError(clientProblem("bad-gateway"), res.status, "Not the control plane's JSON", text.slice(0, 200));
    return json as ResponseOf<K>;
  }

  return { call };
}
