import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { startLocalSynapse } from "#server/synapse/local.js";
import { ensureKeyDir } from "#server/keys/keystore.js";
import type { FederationOptions } from "#server/synapse/federation.js";

export const LOCAL_SERVER_NAME = "localhost";

/** A local Synapse's secrets, made once and kept 0600 under the data directory's keys. */
export async function synapseSecrets(dataDir: string, fileName: string): Promise<{ jwtSecret: string; registrationSharedSecret: string }> {
  const secretsFile = join(await ensureKeyDir(dataDir), fileName);
  if (!existsSync(secretsFile)) {
    await writeFile(secretsFile, JSON.stringify({ jwtSecret: randomBytes(32).toString("hex"), registrationSharedSecret: randomBytes(24).toString("hex") }), {
      mode: 0o600,
    });
  }
  return JSON.parse(await readFile(secretsFile, "utf8"));
}

/**
 * The local network's Synapse (http://localhost:8008 by default), with secrets kept under .enlace/keys;
 * with `federation`, also a TLS federation listener (npm start's member-state homeserver, see member-state.ts).
 */
export async function runLocalSynapse(root: string, dataDir: string, port = 8008, federation?: FederationOptions) {
  const secrets = await synapseSecrets(dataDir, "synapse.json");
  const hs = await startLocalSynapse({
    root,
    dataDir: join(dataDir, "synapse", "data"),
    port,
    serverName: LOCAL_SERVER_NAME,
    fromTemplate: true,
    federation,
    ...secrets,
    log: console.log,
  });
  return {
    hs,
    matrix: { url: hs.url, publicUrl: `http://localhost:${port}`, serverName: LOCAL_SERVER_NAME, ...secrets },
  };
}
