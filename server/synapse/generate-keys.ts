import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { synapseEnv } from "./config.js";

const run = promisify(execFile);

/** Creates the homeserver's signing key if missing (Synapse's own generator). */
export async function generateSigningKey(python: string, configPath: string, cwd: string) {
  await run(python, ["-m", "synapse.app.homeserver", "-c", configPath, "--generate-keys"], { cwd, env: synapseEnv() });
}
