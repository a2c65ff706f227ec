#!/usr/bin/env node
// One-shot codemod: relative imports that leave their area (client/, tests/, bench/, scripts/,
// server/) for shared/ or server/ become Node subpath imports (#shared/…, #server/…, declared in
// package.json "imports"; TypeScript's NodeNext resolution, tsx and Vite read them natively).
// Imports inside one area stay relative. `node scripts/subpath-imports.mjs` rewrites in place and
// prints the count; run it when no other branch is open (it touches about 110 files), and before
// scripts/format-all.sh (shorter import lines may fit on one line).
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join, normalize, relative } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
const spec = /((?:from|import)\s*\(?\s*)(["'])(\.\.\/[^"']+)\2/g;
let changed = 0;
let rewritten = 0;
for (const file of files) {
  const area = file.split("/")[0];
  const before = readFileSync(join(root, file), "utf8");
  const after = before.replace(spec, (all, lead, quote, path) => {
    const target = normalize(join(dirname(file), path));
    const top = target.split("/")[0];
    if ((top !== "shared" && top !== "server") || top === area) return all;
    rewritten++;
    return `${lead}${quote}#${relative(".", target)}${quote}`;
  });
  if (after !== before) {
    writeFileSync(join(root, file), after);
    changed++;
  }
}
console.log(`subpath-imports: ${rewritten} import(s) rewritten in ${changed} file(s)`);
