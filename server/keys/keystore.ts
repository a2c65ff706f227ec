import { mkdir, readFile, writeFile, chmod } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createECDH, randomBytes } from "node:crypto";
import { generateSigningKeyPair, publicKeyOf, type SigningKeyPair } from "#shared/crypto/sign.js";

export interface Keys {
  secretariat: SigningKeyPair; // signs credentials, advisories' countersignatures, revocation lists
  audit: SigningKeyPair; // signs audit checkpoints
  /**
   * Signs sign-in grants for member states' homeservers (EdDSA JWTs). Its own key, not the
   * Secretariat's: those homeservers are configured with its public half (matrix-login.pub), and a
   * key that only ever signs grants cannot be made to vouch for a credential or an advisory.
   */
  matrixLogin: SigningKeyPair;
  sessionSecret: Uint8Array; // keys the hashes of session and enrollment tokens
  dataKey: Uint8Array; // seals TOTP secrets at rest
  vapid: VapidKeys; // identifies this control plane to Web Push services
}

/** A P-256 key pair, base64url (what the web-push library and PushManager.subscribe take). */
interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const vapidFromPrivate = (privateKey: string): VapidKeys => {
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(Buffer.from(privateKey, "base64url"));
  return { privateKey, publicKey: ecdh.getPublicKey().toString("base64url") };
};
const newVapidPrivate = async () => {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  // Left-padded to 32 bytes: a private scalar with leading zero bytes comes out shorter.
  return Buffer.from(ecdh.getPrivateKey("hex").padStart(64, "0"), "hex").toString("base64url");
};

export interface KeySources {
  secretariatSigningKey?: string;
  auditSigningKey?: string;
  matrixLoginSigningKey?: string;
  sessionSecret?: string;
  dataKey?: string;
  vapidPrivateKey?: string;
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
    matrixLogin: await signingPair("matrix-login", env.matrixLoginSigningKey),
    sessionSecret: Buffer.from(await secretFile("session.secret", env.sessionSecret, random32), "base64"),
    dataKey: Buffer.from(await secretFile("data.key", env.dataKey, random32), "base64"),
    vapid: vapidFromPrivate(await secretFile("vapid.key", env.vapidPrivateKey, newVapidPrivate)),
  };
}
