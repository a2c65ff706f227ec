import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { startLocalSynapse } from "#server/synapse/local.js";
import { ensureKeyDir } from "#server/keys/keystore.js";

export const LOCAL_SERVER_NAME = "localhost";

/** The local network's Synapse (http://localhost:8008 by default), with secrets kept under .enlace/keys. */
export async function runLocalSynapse(root: string, dataDir: string, port = 8008) {
  const secretsFile = join(await ensureKeyDir(dataDir), "synapse.json");
  if (!existsSync(secretsFile)) {
    await writeFile(secretsFile, JSON.stringify({ jwtSecret: randomBytes(32).toString("hex"), registrationSharedSecret: randomBytes(24).toString("hex") }), {
      mode: 0o600,
    });
  }
  const secrets = JSON.parse(await readFile(secretsFile, "utf8")) as { jwtSecret: string; registrationSharedSecret: string };
  const hs = await startLocalSynapse({
    root,
    dataDir: join(dataDir, "synapse", "data"),
    port,
    serverName: LOCAL_SERVER_NAME,
    fromTemplate: true,
    ...secrets,
    log: console.log,
  });
  return {
    hs,
    matrix: { url: hs.url, publicUrl: `http://localhost:${port}`, serverName: LOCAL_SERVER_NAME, ...secrets },
  };
}
