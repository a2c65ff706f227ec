import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The official OASIS STIX 2 validator (PyPI `stix2-validator`), in a virtualenv under
 * .enlace/tools-venv, created on first use. Creation happens in a temporary directory renamed
 * into place at the end, so an interrupted install never leaves a half-made venv behind and
 * parallel test workers do not trip over each other. (The move leaves the temporary path in the
 * shebang of bin/ entry scripts; for the CLI use
 * `.enlace/tools-venv/bin/python -m stix2validator.scripts.stix2_validator FILE`.)
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const TOOLS_VENV = join(ROOT, ".enlace", "tools-venv");
const venvPython = (venv: string) => join(venv, "bin", "python");

function run(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
  if (r.error) throw r.error;
  return r;
}

const hasValidator = (venv: string) => existsSync(venvPython(venv)) && run(venvPython(venv), ["-c", "import stix2validator"]).status === 0;

let ready: string | undefined;

/** Ensures the venv exists with stix2-validator installed; returns its python. */
function ensureStixValidator(): string {
  ready ??= install();
  return ready;
}

function install(): string {
  if (hasValidator(TOOLS_VENV)) return venvPython(TOOLS_VENV);
  mkdirSync(dirname(TOOLS_VENV), { recursive: true });
  const tmp = `${TOOLS_VENV}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const python = process.env.PYTHON ?? "python3";
  for (const [cmd, args] of [
    [python, ["-m", "venv", tmp]],
    [venvPython(tmp), ["-m", "pip", "install", "--quiet", "stix2-validator"]],
  ] as const) {
    const r = run(cmd, [...args]);
    if (r.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
    }
  }
  // venvs locate site-packages from pyvenv.cfg next to bin/, so `bin/python` survives the move.
  if (hasValidator(TOOLS_VENV)) rmSync(tmp, { recursive: true, force: true });
  else {
    rmSync(TOOLS_VENV, { recursive: true, force: true });
    renameSync(tmp, TOOLS_VENV);
  }
  return venvPython(TOOLS_VENV);
}

export interface StixValidation {
  valid: boolean;
  errors: string[];
  /** Best-practice warnings, e.g. "note--…: {103} Given ID value … is not a valid UUIDv4 ID." */
  warnings: string[];
}

const SCRIPT = `
import json, sys
from stix2validator import validate_string, ValidationOptions
res = validate_string(sys.stdin.read(), ValidationOptions(version="2.1", silent=True, strict_types=True, strict_properties=True))
results = res if isinstance(res, list) else [res]
errors, warnings = [], []
for r in results:
    errors += [str(e) for e in (r.errors or [])]
    warnings += [str(w) for w in (r.warnings or [])]
print(json.dumps({"valid": all(r.is_valid for r in results), "errors": errors, "warnings": warnings}))
`;

/** Validates a STIX 2.1 bundle (object or JSON text) with the OASIS validator. */
export function validateStix(bundle: unknown): StixValidation {
  const python = ensureStixValidator();
  const json = typeof bundle === "string" ? bundle : JSON.stringify(bundle);
  const r = run(python, ["-c", SCRIPT], json);
  if (r.status !== 0) throw new Error(`stix2-validator crashed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as StixValidation;
}
