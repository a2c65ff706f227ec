// `npm start`: the whole Enlace network on one machine with demo data.
import { join } from "node:path";
import { loadConfig } from "../server/config.js";
import { startControlPlane } from "../server/main.js";
import { ensureDemoData, formatDemoTable } from "../server/demo/seed.js";

const root = join(import.meta.dirname, "..");
const config = loadConfig({ ENLACE_LOG_LEVEL: "warn", ...process.env });

const plane = await startControlPlane(config, { staticDir: join(root, "client", "dist") });
const creds = await ensureDemoData(plane.ctx, config.dataDir);
console.log(formatDemoTable(creds, config.publicUrl));

const shutdown = async () => { await plane.stop(); process.exit(0); };
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
