import { z } from "zod";
import { MatrixUserId } from "./common.js";
export { SignedCredential, SignedRevocationList } from "../credentials/credential.js";

export const MasterKeyInput = z.object({ masterKey: z.string().regex(/^[A-Za-z0-9+/]{43}$/, "an unpadded base64 Ed25519 public key") }).strict();
export const MasterKeyResult = z.object({ userId: z.string(), masterKey: z.string() });
export const CredentialParams = z.object({ userId: MatrixUserId }).strict();
export const SecretariatKeyView = z.object({ publicKey: z.string(), alg: z.literal("ed25519") });
