import { existsSync } from "node:fs";
import { readFile, writeFile, mkdir, rm } from "node:fs/promises";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { join } from "node:path";

const run = promisify(execFile);

export const SYNAPSE_VERSION = "1.163.2";

export interface SynapseInstall {
  python: string;
  version: string;
  venv: string;
}

/**
 * A Synapse of the pinned version in a virtualenv under the project (git-ignored), installed
 * from the Python package index on first use. Idempotent: a marker records what is installed.
 */
export async function ensureSynapse(root: string, log: (s: string) => void = console.log): Promise<SynapseInstall> {
  const venv = join(root, ".enlace", "synapse", "venv");
  const python = join(venv, "bin", "python");
  const marker = join(venv, ".enlace-synapse-version");
  if (existsSync(marker) && (await readFile(marker, "utf8")).trim() === SYNAPSE_VERSION) return { python, version: SYNAPSE_VERSION, venv };
  log(`enlace: installing Synapse ${SYNAPSE_VERSION} into ${venv} (first run, a minute or two)…`);
  await mkdir(join(root, ".enlace", "synapse"), { recursive: true });
  if (!existsSync(python)) {
    await rm(venv, { recursive: true, force: true });
    await run("python3", ["-m", "venv", venv]).catch((e) => {
      throw new Error(`cannot create a Python virtualenv (is python3-venv installed?): ${e.stderr || e.message}`);
    });
  }
  await run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", `matrix-synapse[jwt,postgres]==${SYNAPSE_VERSION}`], {
    maxBuffer: 16 << 20,
  }).catch((e) => {
    throw new Error(`pip could not install Synapse: ${(e.stderr || e.message).split("\n").slice(-3).join(" ")}`);
  });
  await writeFile(marker, SYNAPSE_VERSION + "\n");
  return { python, version: SYNAPSE_VERSION, venv };
}
