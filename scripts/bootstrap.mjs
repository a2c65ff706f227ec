#!/usr/bin/env node
// Runs before `npm start`, `npm test` and `npm run bench` with whatever Node launched npm
// (often the system's Node 20): it only makes sure the project's own dependencies —
// including the Node 22 binary from the `node` package — are installed.
import { existsSync, statSync } from "node:fs";
import { execSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const marker = join(root, "node_modules", ".package-lock.json");
const lock = join(root, "package-lock.json");

const stale = !existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  console.log("enlace: installing dependencies (first run)…");
  execSync("npm ci --no-audit --no-fund --loglevel=error", { cwd: root, stdio: "inherit" });
}
