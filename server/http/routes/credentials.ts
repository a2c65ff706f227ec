import { route } from "../route.js";
import type { Ctx } from "../../domain/context.js";
import * as credentials from "../../domain/credentials/service.js";
import { MasterKeyInput, MasterKeyResult, CredentialParams, SecretariatKeyView, SignedCredential, SignedRevocationList } from "#shared/api/credentials.js";

export const credentialRoutes = (ctx: Ctx, publishedMasterKey?: credentials.MasterKeyCheck) => [
  route({
    method: "get",
    path: "/credentials/secretariat-key",
    operationId: "getSecretariatKey",
    tag: "credentials",
    access: "session",
    summary: "The Secretariat's public signing key (clients pin it)",
    response: SecretariatKeyView,
    handler: async () => ({ publicKey: ctx.keys.secretariat.publicKey, alg: "ed25519" as const }),
  }),
  route({
    method: "get",
    path: "/credentials/:userId",
    operationId: "getCredential",
    tag: "credentials",
    access: "session",
    summary: "The Secretariat-signed credential of an active member",
    params: CredentialParams,
    response: SignedCredential,
    errors: [404],
    handler: ({ params }) => credentials.credentialFor(ctx, params.userId),
  }),
  route({
    method: "get",
    path: "/revocations",
    operationId: "getRevocations",
    tag: "credentials",
    access: "session",
    summary: "The signed, numbered list of suspended and revoked people",
    response: SignedRevocationList,
    handler: () => credentials.revocationList(ctx),
  }),
  route({
    method: "put",
    path: "/me/master-key",
    operationId: "registerMasterKey",
    tag: "credentials",
    access: "session",
    summary: "Register your cross-signing master key so it enters your credential",
    body: MasterKeyInput,
    response: MasterKeyResult,
    errors: [409, 502, 503],
    handler: ({ principal, body }) => credentials.registerMasterKey(ctx, principal!, body.masterKey, publishedMasterKey),
  }),
];
