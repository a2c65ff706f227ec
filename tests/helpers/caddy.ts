// Debian's Caddy for the deployment test (tests/integration/deploy/compose.test.ts), installed once
// per test run from vitest's globalSetup, like Chromium: the test runs deploy/caddy/Caddyfile itself.
import { existsSync } from "node:fs";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

export const CADDY = "/usr/bin/caddy";
const run = promisify(execFile);
const LOCK_WAIT = ["-o", "DPkg::Lock::Timeout=600"];

async function install(): Promise<string | null> {
  if (existsSync(CADDY)) return null;
  if (process.getuid?.() !== 0) return `${CADDY} is missing and this is not root: install Debian's caddy package (apt-get install caddy)`;
  console.log("deploy: installing Debian's caddy once for this run (apt-get install caddy)…");
  // The package's systemd unit is not started in a container (no systemd as PID 1, or policy-rc.d);
  // the test runs its own Caddy with the project's Caddyfile on free ports.
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    await run("apt-get", [...LOCK_WAIT, "update", "-qq"], { env, maxBuffer: 64 << 20 });
    await run("apt-get", [...LOCK_WAIT, "install", "-y", "-qq", "--no-install-recommends", "caddy"], { env, maxBuffer: 64 << 20 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    const why = (e.stderr || e.message).trim().split("\n").filter(Boolean).pop() ?? "unknown error";
    return `could not install Debian's caddy (apt-get install caddy): ${why}`;
  }
  return existsSync(CADDY) ? null : `apt-get install caddy finished but ${CADDY} is still missing`;
}

/** Installs Caddy if missing; null, or a one-line reason. Memoized across globalSetup calls. */
export function ensureCaddy(): Promise<string | null> {
  const g = globalThis as { __enlaceCaddy?: Promise<string | null> };
  g.__enlaceCaddy ??= install();
  return g.__enlaceCaddy;
}

export function requireCaddy(): void {
  if (!existsSync(CADDY))
    throw new Error(`${CADDY} is missing (the test run's setup installs it when run as root; see its message above): install Debian's caddy package`);
}
