import { route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as credentials from "../../domain/credentials/service.js";

export const credentialRoutes = (ctx: Ctx, publishedMasterKey?: credentials.MasterKeyCheck) => [
  route("getSecretariatKey", async () => ({ publicKey: ctx.keys.secretariat.publicKey, alg: "ed25519" as const })),
  route("getCredential", ({ params }) => credentials.credentialFor(ctx, params.userId)),
  route("getRevocations", () => credentials.revocationList(ctx)),
  route("registerMasterKey", ({ principal, body }) => credentials.registerMasterKey(ctx, principal, body.masterKey, publishedMasterKey)),
];
