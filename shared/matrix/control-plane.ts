/**
 * The control-plane calls an Enlace client needs (browser and Node). Bearer-token based so
 * tests, bots and the CLI can use it; the web app passes its session token the same way.
 */
import type { MajorEventFacts } from "./registry.js";

export interface MatrixSessionGrant {
  homeserverUrl: string;
  userId: string;
  loginToken: string;
  expiresInSeconds: number;
  secretariatKey: string;
}

export class ControlPlaneError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = "ControlPlaneError";
  }
}

export class ControlPlaneClient {
  constructor(
    readonly baseUrl: string,
    public token?: string,
    private readonly fetchImpl: typeof fetch = (...a) => fetch(...a),
  ) {}

  private async call<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const res = await this.fetchImpl(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...extraHeaders,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok)
      throw new ControlPlaneError(
        res.status,
        String(json?.type ?? "")
          .split("/")
          .pop() ?? "",
        json?.detail ?? json?.title ?? `HTTP ${res.status}`,
      );
    return json as T;
  }

  async login(email: string, password: string, totp?: string) {
    // Programs ask for the token in the body (browsers get only the HttpOnly cookie; see server/http/routes/auth.ts).
    const r = await this.call<{ token: string }>("POST", "/api/auth/login", { email, password, ...(totp ? { totp } : {}) }, { "enlace-client": "cli" });
    this.token = r.token;
    return r;
  }
  matrixSession() {
    return this.call<MatrixSessionGrant>("POST", "/api/matrix/session");
  }
  registerMasterKey(masterKey: string) {
    return this.call<{ userId: string; masterKey: string }>("PUT", "/api/me/master-key", { masterKey });
  }
  credential(userId: string) {
    return this.call<unknown>("GET", `/api/credentials/${encodeURIComponent(userId)}`);
  }
  revocations() {
    return this.call<unknown>("GET", "/api/revocations");
  }
  majorEvent(id: string) {
    return this.call<MajorEventFacts>("GET", `/api/events/${encodeURIComponent(id)}`);
  }
  reserveAdvisoryNumber(programCode: string) {
    return this.call<{ programCode: string; number: number }>("POST", "/api/advisories/numbers", { programCode });
  }
  countersignAdvisory(programCode: string, number: number, digest: string) {
    return this.call<{ alg: "ed25519"; keyId: string; publicKey: string; signature: string }>("POST", "/api/advisories/countersign", {
      programCode,
      number,
      digest,
    });
  }
}
