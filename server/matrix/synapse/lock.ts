import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A cross-process lock made of a directory (mkdir is atomic). Installing Synapse or building the
 * database template can be asked for by `npm start`, a test run's globalSetup and a benchmark at
 * the same time; without a lock two pip runs would write into one virtualenv.
 * A lock whose owner process is gone (crash, SIGKILL) is taken over.
 */
export async function withDirLock<T>(lockDir: string, fn: () => Promise<T>, o: { timeoutMs?: number; onWait?: () => void } = {}): Promise<T> {
  const deadline = Date.now() + (o.timeoutMs ?? 15 * 60_000);
  let told = false;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(join(lockDir, "owner"), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      if (await ownerIsGone(lockDir)) { await rm(lockDir, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${lockDir} (held by another process; remove it if no such process runs)`);
      if (!told) { o.onWait?.(); told = true; }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function ownerIsGone(lockDir: string): Promise<boolean> {
  const pid = Number(await readFile(join(lockDir, "owner"), "utf8").catch(() => ""));
  // No owner file: another process has just made the directory and is about to write it, or died
  // in between (then the directory is old).
  if (!pid) return Date.now() - (await stat(lockDir).then((s) => s.mtimeMs, () => 0)) > 10_000;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}
