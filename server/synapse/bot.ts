import { type SynapseAdmin, mintLoginGrant, MatrixError } from "./admin-client.js";

const BOT_LOCALPART = "enlace-registry";
/**
 * The bot's one device. Each start signs in on it again instead of adding a device, so restarts
 * do not pile up devices (and access tokens on them) that nobody ever removes.
 */
export const BOT_DEVICE_ID = "ENLACE_REGISTRY_BOT";

/**
 * The registry bot: a Synapse admin account owned by the control plane. Registered once with the
 * shared secret; afterwards it signs in like everyone, with a single-use grant only the control plane can mint.
 */
export async function connectBot(admin: SynapseAdmin, o: { registrationSharedSecret: string; jwtSecret: string; serverName: string }) {
  let userId: string;
  try {
    const r = await admin.register(o.registrationSharedSecret, BOT_LOCALPART, true, undefined, BOT_DEVICE_ID);
    admin.setToken(r.access_token);
    userId = r.user_id;
  } catch (err) {
    if (!(err instanceof MatrixError && err.errcode === "M_USER_IN_USE")) throw err;
    const r = await admin.loginWithGrant(await mintLoginGrant(o.jwtSecret, BOT_LOCALPART), "enlace-registry", BOT_DEVICE_ID);
    admin.setToken(r.access_token);
    userId = r.user_id;
  }
  // The bot acts for the whole registry (a revocation kicks from many rooms at once): it must
  // never wait behind per-user rate limits, which stay in force for everyone else.
  await admin.overrideRatelimit(userId);
  // Devices left by earlier versions, which signed in on a new device at every start.
  const { devices } = await admin.devices(userId);
  const stale = devices.map((d) => d.device_id).filter((id) => id !== BOT_DEVICE_ID);
  if (stale.length) await admin.deleteDevices(userId, stale);
  return userId;
}
