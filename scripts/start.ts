// `npm start`: the whole Enlace network on one machine with demo data: PostgreSQL (embedded
// unless DATABASE_URL), Synapse (local unless SYNAPSE_URL), the control plane and the web client.
import { join } from "node:path";
import { loadConfig } from "../server/config.js";
import { startControlPlane } from "../server/main.js";
import { ensureDemoData, formatDemoTable } from "../server/demo/seed.js";
import { runLocalSynapse } from "./local-synapse.js";
import { buildClient } from "../client/build.js";

const root = join(import.meta.dirname, "..");
const config = loadConfig({ ENLACE_LOG_LEVEL: "warn", ...process.env });

const local = config.matrix ? null : await runLocalSynapse(root, config.dataDir, config.localSynapsePort);
if (local) config.matrix = local.matrix;
// The web client is rebuilt on each start (about a second), so it always matches the checkout.
const staticDir = await buildClient();
const plane = await startControlPlane(config, { staticDir });
const creds = await ensureDemoData(plane.ctx, config.dataDir);
// The demo accounts are useful once they are in their rooms: wait for the reconciler (a few
// seconds; longer on a busy machine), then print how to sign in.
if (plane.link) {
  console.log("Creating the rooms and bringing the demo accounts in…");
  const t0 = Date.now();
  while (!(await plane.link.reconciler.idle()) && Date.now() - t0 < 300_000) await new Promise((r) => setTimeout(r, 500));
}
console.log(formatDemoTable(creds, config.publicUrl));
console.log(`\nSynapse (${config.matrix!.serverName}) at ${config.matrix!.publicUrl}; rooms converge in the background (GET /api/health shows the reconciler).`);

const shutdown = async () => { await plane.stop(); await local?.hs.stop(); process.exit(0); };
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
