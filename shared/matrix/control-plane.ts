/**
 * The control-plane calls an Enlace program needs (CLI, bots, tests; Node and browser): the one
 * typed client of shared/api with a bearer token, which login() takes from the body (programs ask
 * for it with `Enlace-Client: cli`; browsers get only the HttpOnly cookie, see server/http/routes/auth.ts).
 * Failures are shared/api's ApiError.
 */
import { createClient } from "../api/client.js";
import { CLI_CLIENT_HEADER } from "../api/auth.js";

/** What the control plane needs to remind states that have not acknowledged (never the advisory's text). */
export interface AckSchedule {
  ackDeadline?: string;
  remindEveryHours?: number;
}

export class ControlPlaneClient {
  private readonly client;

  constructor(
    readonly baseUrl: string,
    public token?: string,
    fetchImpl?: typeof fetch,
  ) {
    this.client = createClient({ baseUrl, fetch: fetchImpl, token: () => this.token });
  }

  async login(email: string, password: string, totp?: string) {
    const r = await this.client.call("login", { body: { email, password, ...(totp ? { totp } : {}) }, headers: { [CLI_CLIENT_HEADER]: "cli" } });
    this.token = r.token;
    return r;
  }
  matrixSession() {
    return this.client.call("createMatrixSession");
  }
  secretariatKey() {
    return this.client.call("getSecretariatKey");
  }
  registerMasterKey(masterKey: string) {
    return this.client.call("registerMasterKey", { body: { masterKey } });
  }
  credential(userId: string) {
    return this.client.call("getCredential", { params: { userId } });
  }
  revocations() {
    return this.client.call("getRevocations");
  }
  majorEvent(id: string) {
    return this.client.call("getEvent", { params: { id } });
  }
  reserveAdvisoryNumber(programCode: string) {
    return this.client.call("reserveAdvisoryNumber", { body: { programCode } });
  }
  countersignAdvisory(programCode: string, number: number, digest: string, schedule: AckSchedule = {}) {
    return this.client.call("countersignAdvisory", { body: { programCode, number, digest, ...schedule } });
  }
}
