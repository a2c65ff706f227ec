import { CLIENT_PROBLEMS, isProblemType, type ClientProblemType, type ProblemType } from "#shared/api/problems.js";
/**
 * An RFC 9457 problem from the control plane, or a lost connection (status 0). Screens decide what
 * to show from `kind` (the last segment of the stable `type` URI), never from the English title.
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

  /** "totp-required", "invalid-credentials", … or "network" for a lost connection. */
  get kind(): string {
    return /[^/:]*$/.exec(this.type)![0];
  }

  /** The kind if the client has a message for it (every server problem type and the client's own), else "unknown". */
  get knownKind(): ProblemType | ClientProblemType | "unknown" {
    const k = this.kind;
    if (isProblemType(k) || (CLIENT_PROBLEMS as readonly string[]).includes(k)) return k as ProblemType | ClientProblemType;
    return "unknown";
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

const NETWORK_PROBLEM = "urn:enlace:client:network";
const BAD_GATEWAY_PROBLEM = "urn:enlace:client:bad-gateway";

export const networkError = (detail: string) => new ApiError(NETWORK_PROBLEM, 0, "Network unreachable", detail);

/** Anything thrown is turned into an ApiError so screens handle one shape. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError("urn:enlace:client:unexpected", -1, "Unexpected error", e instanceof Error ? e.message : String(e));
}

/** Builds the ApiError of a failed response: problem+json when the server sent it, else the bare status. */
export async function problemFrom(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  try {
    const p = JSON.parse(text) as Record<string, unknown>;
    if (p && typeof p.type === "string" && typeof p.title === "string") {
      const { type, title, status, detail, ...extra } = p;
      return new ApiError(type, typeof status === "number" ? status : res.status, title, typeof detail === "string" ? detail : undefined, extra);
    }
  } catch {
    /* not JSON: fall through */
  }
  // Not the control plane's JSON: a gateway or proxy answered for it (an HTML 502 page, say).
  if (res.status === 502 || res.status === 503 || res.status === 504)
    return new ApiError(BAD_GATEWAY_PROBLEM, res.status, res.statusText || `HTTP ${res.status}`);
  return new ApiError("about:blank", res.status, res.statusText || `HTTP ${res.status}`);
}
