// Production entry point: the control plane alone, configured only by the environment.
import { loadConfig, ConfigError } from "./config.js";
import { startControlPlane } from "./main.js";
import { join } from "node:path";

try {
  const config = loadConfig();
  const plane = await startControlPlane(config, { staticDir: join(import.meta.dirname, "..", "client", "dist") });
  const stop = async () => {
    // A clean stop releases jobs and connections; if a dependency hangs, leave anyway.
    setTimeout(() => process.exit(1), 10_000).unref();
    await plane.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} catch (err) {
  process.stderr.write(`enlace: ${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
  process.exit(1);
}
