// Builds the web client with Vite's programmatic API: used by `npm start` (into client/dist) and
// by the browser tests (into a temporary directory, so parallel test files never share an output).
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const clientRoot = fileURLToPath(new URL(".", import.meta.url));

export async function buildClient(outDir = join(clientRoot, "dist")): Promise<string> {
  const { build } = await import("vite");
  // Test runners set NODE_ENV=test, which would make Vite and the React plugin emit development
  // code; the tests must exercise what ships, so the build runs as production and NODE_ENV is restored.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: join(clientRoot, "vite.config.ts"), mode: "production", logLevel: "warn", build: { outDir, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return outDir;
}
