import { z } from "zod";

export const MatrixSessionResult = z.object({
  homeserverUrl: z.string(),
  userId: z.string(),
  loginToken: z.string(),          // for Synapse's org.matrix.login.jwt; expires quickly
  expiresInSeconds: z.number(),
  secretariatKey: z.string(),      // the key clients pin to verify credentials
});
