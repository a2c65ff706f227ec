import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./postgres-server.js";

declare module "vitest" {
  export interface ProvidedContext { pgAdminUrl: string; pgDataDir: string | null }
}

// One PostgreSQL per test run, shared by all test files (each clones its own database).
export default async function setup(project: TestProject) {
  const server = await startTestPostgres(process.env.TEST_DATABASE_URL);
  project.provide("pgAdminUrl", server.adminUrl());
  project.provide("pgDataDir", server.dataDir);
  return async () => { await server.stop(); };
}
