import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { withDirLock } from "./lock.js";

/**
 * The Synapse release Enlace runs. Pinned: a homeserver upgrade changes behaviour the tests rely
 * on (rate-limit options, admin API shapes), so it moves only on purpose. Keep it equal to the
 * image tag in docker-compose.yml.
 */
export const SYNAPSE_VERSION = "1.163.2";

/** jwt: authlib for org.matrix.login.jwt; postgres: psycopg2 for production-shaped runs. */
const REQUIREMENT = `matrix-synapse[jwt,postgres]==${SYNAPSE_VERSION}`;

export interface SynapseInstall {
  /** The virtualenv's python: run Synapse as `<python> -m synapse.app.homeserver`. */
  python: string;
  venv: string;
  version: string;
}

export const venvDir = (root: string) => join(root, ".enlace", "synapse-venv");

/**
 * Makes sure `<root>/.enlace/synapse-venv` holds Synapse SYNAPSE_VERSION, installing it from the
 * Python package index on first use (a minute or two). Idempotent and cheap afterwards: a marker
 * file written only after a verified install records the version. Safe to call from several
 * processes at once (a lock serialises the installs).
 *
 * Uses `ENLACE_PYTHON` if set, else `python3` (3.10 or newer).
 */
export async function ensureSynapse(root: string, log: (line: string) => void = console.log): Promise<SynapseInstall> {
  const venv = venvDir(root);
  const python = join(venv, "bin", "python");
  const marker = join(venv, ".enlace-synapse-version");
  const result = { python, venv, version: SYNAPSE_VERSION };
  const installed = async () => existsSync(marker) && (await readFile(marker, "utf8")).trim() === SYNAPSE_VERSION;
  if (await installed()) return result;

  await mkdir(join(root, ".enlace"), { recursive: true });
  return withDirLock(`${venv}.lock`, async () => {
    if (await installed()) return result;           // another process installed it while we waited
    log(`enlace: installing Synapse ${SYNAPSE_VERSION} into ${venv} (first run, a minute or two)…`);
    const basePython = process.env.ENLACE_PYTHON || "python3";
    await checkPythonVersion(basePython);
    // A venv of another version (or a half-made one) is replaced, not patched.
    await rm(venv, { recursive: true, force: true });
    const pip = await createVenv(basePython, venv, python);
    await run(pip[0], [...pip.slice(1), "install", "--no-input", "--disable-pip-version-check", "--quiet", REQUIREMENT], "pip could not install Synapse");
    // The package metadata, not synapse.__version__: that one appends git details of the cwd.
    const got = (await run(python, ["-c", "import synapse, authlib, psycopg2, importlib.metadata as m; print(m.version('matrix-synapse'))"], "the installed Synapse does not import")).trim();
    if (got !== SYNAPSE_VERSION) throw new Error(`pip installed Synapse ${got}, expected ${SYNAPSE_VERSION}`);
    await writeFile(marker, SYNAPSE_VERSION + "\n");
    return result;
  }, { onWait: () => log("enlace: waiting for another process installing Synapse…") });
}

async function checkPythonVersion(python: string) {
  const out = await run(python, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
    `cannot run ${python} (Synapse needs Python 3.10 or newer; set ENLACE_PYTHON to one)`);
  const [major, minor] = out.trim().split(".").map(Number);
  if (major < 3 || (major === 3 && minor < 10)) throw new Error(`Synapse needs Python 3.10 or newer; ${python} is ${out.trim()} (set ENLACE_PYTHON)`);
}

/**
 * Creates the virtualenv and returns the command that runs pip for it. Debian's python3 without
 * the python3-venv package has no ensurepip, so `python3 -m venv` cannot put pip in the venv: then
 * we make the venv without pip and drive it with the system's pip (`pip --python`, pip >= 22.3).
 */
async function createVenv(basePython: string, venv: string, python: string): Promise<string[]> {
  try {
    await run(basePython, ["-m", "venv", venv], "python -m venv failed");
    return [python, "-m", "pip"];
  } catch (err) {
    if (!/ensurepip/i.test((err as Error).message)) throw err;
  }
  await rm(venv, { recursive: true, force: true });
  await run(basePython, ["-m", "venv", "--without-pip", venv], "python -m venv --without-pip failed");
  const hasPipPython = await run(basePython, ["-m", "pip", "install", "--help"], "").then((h) => h.includes("--python"), () => false)
    || await run(basePython, ["-m", "pip", "--help"], "").then((h) => h.includes("--python"), () => false);
  if (!hasPipPython) {
    throw new Error(`${basePython} has no ensurepip (so its venvs get no pip) and no pip >= 22.3 to install into one. `
      + "Install the python3-venv package (Debian/Ubuntu: apt-get install python3-venv), or set ENLACE_PYTHON to a Python 3.10+ with a working venv module.");
  }
  return [basePython, "-m", "pip", "--python", python];
}

/** Runs a command; on failure the error carries the tail of its output (pip's reason is at the end). */
function run(cmd: string, args: string[], what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => { out = (out + d).slice(-200_000); });
    child.stderr.on("data", (d) => { err = (err + d).slice(-20_000); });
    child.on("error", (e) => reject(new Error(`${what}: ${e.message}`)));
    child.on("close", (code) => {
      if (code === 0) return resolve(out);
      const tail = (err || out).trim().split("\n").slice(-8).join("\n");
      reject(new Error(`${what} (exit ${code}):\n${tail}`));
    });
  });
}
