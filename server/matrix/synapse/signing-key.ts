import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { generateKeyPairSync, randomBytes } from "node:crypto";

/**
 * Writes a homeserver signing key in Synapse's format (`ed25519 <key id> <unpadded base64 seed>`)
 * if the file does not exist. Done in Node rather than with `synapse.app.homeserver
 * --generate-keys` because that starts a Python interpreter and imports Synapse: seconds per
 * fresh homeserver, on every test that needs one.
 */
export async function ensureSigningKey(path: string): Promise<void> {
  if (existsSync(path)) return;
  const { privateKey } = generateKeyPairSync("ed25519");
  const seed = Buffer.from(privateKey.export({ format: "jwk" }).d!, "base64url");
  // Key ids look like Synapse's own ("a_" and four letters).
  const id = "a_" + [...randomBytes(4)].map((b) => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[b % 52]).join("");
  await writeFile(path, `ed25519 ${id} ${seed.toString("base64").replace(/=+$/, "")}\n`, { mode: 0o600, flag: "wx" })
    .catch((err: NodeJS.ErrnoException) => { if (err.code !== "EEXIST") throw err; });   // a concurrent writer won: keep its key
}
