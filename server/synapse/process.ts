import { synapseEnv } from "./config.js";
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export interface SynapseProcess {
  url: string;
  serverName: string;
  dataDir: string;
  logPath: string;
  startMs: number;
  stop(): Promise<void>;
  kill(): Promise<void>; // SIGKILL, for fault tests
  restart(): Promise<void>;
}

const live = new Set<ChildProcess>();
// A Synapse never outlives the Node process that started it.
process.once("exit", () => {
  for (const c of live) c.kill("SIGKILL");
});

async function tail(path: string, lines = 15) {
  return (await readFile(path, "utf8").catch(() => "")).split("\n").slice(-lines).join("\n");
}

async function waitHealthy(url: string, timeoutMs: number, alive: () => boolean, logPath: string) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (!alive()) throw new Error(`Synapse exited during start-up. Last log lines:\n${await tail(logPath)}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Synapse did not become healthy within ${timeoutMs} ms. Last log lines:\n${await tail(logPath)}`);
}

/** Runs `python -m synapse.app.homeserver -c <config>` and waits for GET /health. */
export async function startSynapse(o: {
  python: string;
  configPath: string;
  dataDir: string;
  port: number;
  serverName: string;
  timeoutMs?: number;
}): Promise<SynapseProcess> {
  const url = `http://127.0.0.1:${o.port}`;
  const logPath = join(o.dataDir, "homeserver.log");
  let child: ChildProcess;
  let exited = false;
  const launch = async () => {
    const t0 = Date.now();
    exited = false;
    // Synapse appends git branch and commit to the version it publishes when its package sits inside
    // a git work tree (the venv lives under this checkout's .enlace/): point git nowhere.
    child = spawn(o.python, ["-m", "synapse.app.homeserver", "-c", o.configPath], {
      cwd: o.dataDir,
      stdio: ["ignore", "ignore", "pipe"],
      env: synapseEnv({ GIT_DIR: "/nonexistent" }),
    });
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    live.add(child);
    child.once("exit", () => {
      exited = true;
      live.delete(child);
    });
    try {
      await waitHealthy(url, o.timeoutMs ?? 120_000, () => !exited, logPath);
    } catch (err) {
      child.kill("SIGKILL");
      throw new Error(`${(err as Error).message}\n${stderr}`);
    }
    return Date.now() - t0;
  };
  const stopWith = async (signal: NodeJS.Signals) => {
    if (exited) return;
    const done = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await done;
    clearTimeout(timer);
  };
  const startMs = await launch();
  return {
    url,
    serverName: o.serverName,
    dataDir: o.dataDir,
    logPath,
    startMs,
    stop: () => stopWith("SIGTERM"),
    kill: () => stopWith("SIGKILL"),
    restart: async () => {
      await stopWith("SIGTERM");
      await launch();
    },
  };
}
