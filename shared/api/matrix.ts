import { z } from "zod";

/** The Secretariat homeserver's only sign-in: a single-use grant from the control plane (our Synapse module). */
export const LOGIN_GRANT_TYPE = "org.oas.enlace.login.grant";

export const MatrixSessionResult = z.object({
  homeserverUrl: z.string(),
  userId: z.string(),
  loginToken: z.string(), // for the homeserver's org.oas.enlace.login.grant: works once, expires quickly
  expiresInSeconds: z.number(),
  secretariatKey: z.string(), // the key clients pin to verify credentials
  /** The registry bot: the one inviter whose invites (to managed rooms) Enlace clients accept. */
  registryBot: z.string().nullable(),
});
