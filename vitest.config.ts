import { defineConfig } from "vitest/config";

// Three tiers (`npm test` runs all; `npm run test:unit|test:integration|test:e2e` one):
// - unit: files next to the code; no servers, so no globalSetup (runs in seconds);
// - integration: tests/integration, against a real PostgreSQL and Synapse;
// - e2e: tests/e2e, the started product and a real Chromium.
// The servers' globalSetup runs once per project; it shares one PostgreSQL between them.
const servers = ["tests/helpers/global-setup.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      // Unit test files share their workers' module cache (isolate: false): importing zod, i18next and
      // matrix-js-sdk once per worker instead of once per file makes the tier about 3 times faster.
      // That holds while unit tests mock nothing globally (no vi.mock, stubGlobal, fake timers).
      { extends: true, test: { name: "unit", include: ["server/**/*.test.ts", "shared/**/*.test.ts", "client/src/**/*.test.{ts,tsx}"], isolate: false } },
      { extends: true, test: { name: "integration", include: ["tests/integration/**/*.test.ts"], globalSetup: servers } },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], globalSetup: servers } },
    ],
  },
});
