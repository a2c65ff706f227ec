import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";

export interface StartSynapseOptions {
  /** The virtualenv's python (see ensureSynapse). */
  python: string;
  configPath: string;
  dataDir: string;
  logPath: string;
  port: number;
  serverName: string;
  /** From spawn to healthy; the first start on an empty database migrates the schema (slow). */
  timeoutMs?: number;
}

export interface SynapseHandle {
  /** Base URL of the client/federation listener, e.g. http://127.0.0.1:8008 */
  url: string;
  serverName: string;
  dataDir: string;
  logPath: string;
  configPath: string;
  /** Milliseconds from spawn to a healthy /health, for the latest (re)start. */
  startMs: number;
  pid(): number | undefined;
  running(): boolean;
  /** Graceful stop (SIGTERM, SIGKILL after 15 s). Resolves when the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL, no clean-up: for fault tests. */
  kill(): Promise<void>;
  /** Stops if running, starts again on the same data and port, waits until healthy. */
  restart(): Promise<void>;
}

/**
 * Runs Synapse's `synapse.app.homeserver` module after installing a parent-death watchdog:
 * Node does not run 'exit' handlers when it dies of a signal (Ctrl-C with no handler, a test
 * worker killed, SIGKILL), so the child itself must notice. It holds our end of a pipe on stdin
 * and shuts down (SIGTERM to itself, then exits hard) when the pipe reaches EOF, which happens
 * whenever the Node process is gone, however it died. On Linux PR_SET_PDEATHSIG adds a kernel-side
 * guarantee.
 */
const WATCHDOG = `
import os, signal, sys, threading, time, runpy
def _watch():
    try:
        while os.read(0, 4096):
            pass
    except OSError:
        pass
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(10)
    os._exit(1)
threading.Thread(target=_watch, name="enlace-parent-watch", daemon=True).start()
try:
    import ctypes
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
except Exception:
    pass
sys.argv = ["synapse.app.homeserver"] + sys.argv[1:]
runpy.run_module("synapse.app.homeserver", run_name="__main__", alter_sys=True)
`;

/** Every Synapse this process started and has not seen exit; killed if we exit normally. */
const live = new Set<ChildProcess>();
process.once("exit", () => { for (const c of live) c.kill("SIGKILL"); });

export async function logTail(path: string, lines = 25): Promise<string> {
  const text = await readFile(path, "utf8").catch(() => "");
  return text.trimEnd().split("\n").slice(-lines).join("\n") || "(the log is empty)";
}

/** Spawns Synapse and resolves once GET /health answers 200; throws with the log's tail if not. */
export async function startSynapse(o: StartSynapseOptions): Promise<SynapseHandle> {
  const url = `http://127.0.0.1:${o.port}`;
  const timeoutMs = o.timeoutMs ?? 120_000;
  let child: ChildProcess | undefined;
  let exit: Promise<void> = Promise.resolve();
  let exitInfo: string | null = null;

  const launch = async (): Promise<number> => {
    const t0 = Date.now();
    exitInfo = null;
    const c = spawn(o.python, ["-c", WATCHDOG, "-c", o.configPath], {
      cwd: o.dataDir,
      // stdin: the watchdog pipe. stdout is unused (Synapse logs to its file); stderr carries
      // start-up errors printed before logging is set up.
      stdio: ["pipe", "ignore", "pipe"],
      env: { ...process.env, PYTHONUNBUFFERED: "1" },
    });
    child = c;
    live.add(c);
    let stderr = "";
    c.stderr!.on("data", (d) => { stderr = (stderr + d).slice(-8000); });
    exit = new Promise((resolve) => c.once("exit", (code, signal) => {
      live.delete(c);
      exitInfo = signal ? `signal ${signal}` : `code ${code}`;
      resolve();
    }));
    c.once("error", (e) => { exitInfo = `spawn error: ${e.message}`; });

    const fail = async (why: string) => {
      c.kill("SIGKILL");
      await exit;
      const err = stderr.trim() ? `\n--- stderr ---\n${stderr.trim().split("\n").slice(-15).join("\n")}` : "";
      return new Error(`Synapse (${o.serverName}, port ${o.port}) ${why}.\n--- last lines of ${o.logPath} ---\n${await logTail(o.logPath)}${err}`);
    };
    while (Date.now() - t0 < timeoutMs) {
      if (exitInfo) throw await fail(`exited during start-up (${exitInfo})`);
      const healthy = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
      if (healthy) return Date.now() - t0;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw await fail(`was not healthy within ${timeoutMs} ms`);
  };

  const stopWith = async (signal: NodeJS.Signals) => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    c.kill(signal);
    const force = setTimeout(() => c.kill("SIGKILL"), 15_000);
    await exit;
    clearTimeout(force);
  };

  const handle: SynapseHandle = {
    url, serverName: o.serverName, dataDir: o.dataDir, logPath: o.logPath, configPath: o.configPath,
    startMs: 0,
    pid: () => child?.pid,
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    stop: () => stopWith("SIGTERM"),
    kill: () => stopWith("SIGKILL"),
    restart: async () => {
      await stopWith("SIGTERM");
      handle.startMs = await launch();
    },
  };
  handle.startMs = await launch();
  return handle;
}
