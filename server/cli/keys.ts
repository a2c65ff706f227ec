import { randomBytes } from "node:crypto";
import { generateSigningKeyPair } from "#shared/crypto/sign.js";

/** `enlace keys generate`: fresh secrets for a production .env (printed, never stored). */
export async function keysCommand(argv: string[]): Promise<number> {
  if (argv[0] !== "generate") throw new Error(`unknown keys command "${argv[0] ?? ""}" (try: enlace keys generate)`);
  const secretariat = await generateSigningKeyPair();
  const audit = await generateSigningKeyPair();
  const matrixLogin = await generateSigningKeyPair();
  const rnd = () => randomBytes(32).toString("base64");
  process.stdout.write(
    [
      `ENLACE_SECRETARIAT_SIGNING_KEY=${secretariat.secretKey}`,
      `# Secretariat public key (pin it in clients): ${secretariat.publicKey}`,
      `ENLACE_AUDIT_SIGNING_KEY=${audit.secretKey}`,
      `# Audit public key (for enlace audit verify --public-key): ${audit.publicKey}`,
      `ENLACE_MATRIX_LOGIN_SIGNING_KEY=${matrixLogin.secretKey}`,
      `# Sign-in grant public key (member states' homeservers: modules.config.public_key): ${matrixLogin.publicKey}`,
      `ENLACE_SESSION_SECRET=${rnd()}`,
      `ENLACE_DATA_KEY=${rnd()}`,
      `SYNAPSE_REGISTRATION_SHARED_SECRET=${randomBytes(24).toString("hex")}`,
      `SYNAPSE_JWT_SECRET=${randomBytes(32).toString("hex")}`,
      "",
    ].join("\n"),
  );
  return 0;
}
