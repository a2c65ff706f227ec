import type { Api } from "../api/client.js";
import { ApiError } from "../api/errors.js";
import { ControlPlaneError, type ControlPlaneClient } from "#shared/matrix/control-plane.js";

/**
 * The control-plane calls shared/matrix needs, answered by the web app's one API module (cookie
 * session) instead of shared's bearer-token client, so no token is ever readable by page scripts.
 */
export type WebControlPlane = Pick<
  ControlPlaneClient,
  "matrixSession" | "majorEvent" | "registerMasterKey" | "reserveAdvisoryNumber" | "countersignAdvisory" | "revocations"
>;

// shared/matrix tells "no such thing" (a refused lookup) from a failure by ControlPlaneError.
const asControlPlaneError = (e: unknown): never => {
  if (e instanceof ApiError && !e.isNetwork) throw new ControlPlaneError(e.status, e.kind, e.message);
  throw e;
};

export const webControlPlane = (api: Api): WebControlPlane => ({
  matrixSession: () => api.matrixSession(),
  majorEvent: (id) =>
    api.majorEvent(id).then((e) => ({ id: e.id, name: e.name, hostState: e.hostState, startsOn: e.startsOn, endsOn: e.endsOn }), asControlPlaneError),
  registerMasterKey: (masterKey) => api.registerMasterKey(masterKey),
  revocations: () => api.revocations(),
  reserveAdvisoryNumber: (programCode) => api.reserveAdvisoryNumber(programCode),
  countersignAdvisory: (programCode, number, digest) => api.countersignAdvisory(programCode, number, digest),
});
