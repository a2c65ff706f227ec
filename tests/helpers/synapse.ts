import { mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { startLocalSynapse, type LocalSynapseOptions } from "#server/synapse/local.js";
import { SynapseAdmin } from "#server/synapse/admin-client.js";
import { connectBot } from "#server/synapse/bot.js";
import { freePort } from "./ports.js";

const TEST_SERVER_NAME = "enlace.test";
const ROOT = join(import.meta.dirname, "..", "..");

export type TestSynapse = Awaited<ReturnType<typeof startTestSynapse>>;

/**
 * Run once per test run (globalSetup), before test files start Synapses in parallel: installs
 * Synapse if missing and prepares the migrated database template.
 */
export async function prepareTestSynapse(log: (s: string) => void = () => {}) {
  const { ensureSynapse } = await import("#server/synapse/install.js");
  const { ensureTemplate } = await import("#server/synapse/local.js");
  const t0 = Date.now();
  const { python } = await ensureSynapse(ROOT, log);
  await ensureTemplate(
    { root: ROOT, dataDir: "", port: 0, serverName: TEST_SERVER_NAME, jwtSecret: "x".repeat(32), registrationSharedSecret: "x".repeat(32), log },
    python,
  );
  return Date.now() - t0;
}

/** A throwaway Synapse on a free loopback port, from the migrated template, rate limits raised. */
/**
 * `productionLimits`: Synapse's limits as a real deployment has them (server/synapse/config.ts),
 * for tests that show normal use never meets them.
 */
export async function startTestSynapse(o: { serverName?: string; database?: LocalSynapseOptions["database"]; productionLimits?: boolean } = {}) {
  // tmpfs when available: a throwaway homeserver needs no durability, and SQLite fsyncs dominate.
  const dataDir = await mkdtemp(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "enlace-synapse-"));
  const secrets = { jwtSecret: randomBytes(32).toString("hex"), registrationSharedSecret: randomBytes(24).toString("hex") };
  const serverName = o.serverName ?? TEST_SERVER_NAME;
  const hs = await startLocalSynapse({
    root: ROOT,
    dataDir,
    port: await freePort(),
    serverName,
    forTests: !o.productionLimits,
    fromTemplate: true,
    database: o.database,
    ...secrets,
    log: () => {},
  });
  const admin = new SynapseAdmin({ baseUrl: hs.url });
  const botUserId = await connectBot(admin, { ...secrets, serverName });
  return {
    ...hs,
    ...secrets,
    admin,
    botUserId,
    async close() {
      await hs.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
