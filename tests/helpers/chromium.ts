// Debian's Chromium for the browser tests, installed once per test run (from vitest's globalSetup,
// before any test file starts) instead of by each browser test file, which raced for apt's lock.
import { existsSync } from "node:fs";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

export const CHROMIUM = "/usr/bin/chromium";
const run = promisify(execFile);
// apt waits this long for another installation's dpkg lock instead of failing at once.
const LOCK_WAIT = ["-o", "DPkg::Lock::Timeout=600"];

async function install(): Promise<string | null> {
  if (existsSync(CHROMIUM)) return null;
  if (process.getuid?.() !== 0) return `${CHROMIUM} is missing and this is not root: install Debian's chromium package (apt-get install chromium)`;
  console.log("e2e: installing Debian's chromium once for this run (apt-get install chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    await run("apt-get", [...LOCK_WAIT, "update", "-qq"], { env, maxBuffer: 64 << 20 });
    await run("apt-get", [...LOCK_WAIT, "install", "-y", "-qq", "chromium"], { env, maxBuffer: 64 << 20 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    const why = (e.stderr || e.message).trim().split("\n").filter(Boolean).pop() ?? "unknown error";
    return `could not install Debian's chromium (apt-get install chromium): ${why}`;
  }
  return existsSync(CHROMIUM) ? null : `apt-get install chromium finished but ${CHROMIUM} is still missing`;
}

/**
 * Installs Chromium if it is missing; resolves to null, or to a one-line reason it is unavailable.
 * Memoized on globalThis: vitest may call a globalSetup once per project in the same process.
 */
export function ensureChromium(): Promise<string | null> {
  const g = globalThis as { __enlaceChromium?: Promise<string | null> };
  g.__enlaceChromium ??= install();
  return g.__enlaceChromium;
}

/** For a test file: a clear error when the run's setup could not provide Chromium. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing (the test run's setup installs it when run as root; see its message above): install Debian's chromium package`);
}
