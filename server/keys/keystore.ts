import { mkdir, readFile, writeFile, chmod } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { generateSigningKeyPair, publicKeyOf, type SigningKeyPair } from "#shared/crypto/sign.js";

export interface Keys {
  secretariat: SigningKeyPair; // signs credentials, advisories' countersignatures, revocation lists
  audit: SigningKeyPair; // signs audit checkpoints
  sessionSecret: Uint8Array; // keys the hashes of session and enrollment tokens
  dataKey: Uint8Array; // seals TOTP secrets at rest
}

export interface KeySources {
  secretariatSigningKey?: string;
  auditSigningKey?: string;
  sessionSecret?: string;
  dataKey?: string;
}

/**
 * `<dataDir>/keys`, owner-only (0700). The data directory itself is made with the default mode
 * (`mkdir`'s `mode` with `recursive` applies to every directory it creates): the embedded
 * PostgreSQL, run as its own user when started as root, must pass through it to its data.
 */
export async function ensureKeyDir(dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const dir = join(dataDir, "keys");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Also when it existed with a wider mode (or umask narrowed it differently).
  await chmod(dir, 0o700);
  return dir;
}

/**
 * Secrets come from the environment when given (base64), else from files under
 * `<dataDir>/keys` (mode 0600, outside git), generated on first start. Never logged.
 */
export async function loadKeys(dataDir: string, env: KeySources = {}): Promise<Keys> {
  const dir = await ensureKeyDir(dataDir);

  async function secretFile(name: string, fromEnv: string | undefined, make: () => Promise<string>): Promise<string> {
    if (fromEnv) return fromEnv.trim();
    const path = join(dir, name);
    if (existsSync(path)) return (await readFile(path, "utf8")).trim();
    const value = await make();
    await writeFile(path, value + "\n", { mode: 0o600, flag: "wx" });
    await chmod(path, 0o600);
    return value;
  }
  const signingPair = async (name: string, fromEnv?: string): Promise<SigningKeyPair> => {
    const secretKey = await secretFile(`${name}.key`, fromEnv, async () => (await generateSigningKeyPair()).secretKey);
    const pair = { secretKey, publicKey: await publicKeyOf(secretKey) };
    // The public half is written beside it so offline tools (audit verify) can pin it.
    await writeFile(join(dir, `${name}.pub`), pair.publicKey + "\n");
    return pair;
  };
  const random32 = async () => randomBytes(32).toString("base64");
  return {
    secretariat: await signingPair("secretariat", env.secretariatSigningKey),
    audit: await signingPair("audit", env.auditSigningKey),
    sessionSecret: Buffer.from(await secretFile("session.secret", env.sessionSecret, random32), "base64"),
    dataKey: Buffer.from(await secretFile("data.key", env.dataKey, random32), "base64"),
  };
}
