import { SynapseAdmin, mintLoginJwt, MatrixError } from "./admin-client.js";

export const BOT_LOCALPART = "enlace-registry";

/**
 * The registry bot: a Synapse admin account owned by the control plane. Registered once with the
 * shared secret; afterwards it signs in like everyone, with a JWT only the control plane can mint.
 */
export async function connectBot(admin: SynapseAdmin, o: { registrationSharedSecret: string; jwtSecret: string; serverName: string }) {
  let userId: string;
  try {
    const r = await admin.register(o.registrationSharedSecret, BOT_LOCALPART, true);
    admin.setToken(r.access_token);
    userId = r.user_id;
  } catch (err) {
    if (!(err instanceof MatrixError && err.errcode === "M_USER_IN_USE")) throw err;
    const r = await admin.loginWithJwt(await mintLoginJwt(o.jwtSecret, BOT_LOCALPART), "enlace-registry");
    admin.setToken(r.access_token);
    userId = r.user_id;
  }
  // The bot acts for the whole registry (a revocation kicks from many rooms at once): it must
  // never wait behind per-user rate limits, which stay in force for everyone else.
  await admin.overrideRatelimit(userId);
  return userId;
}
