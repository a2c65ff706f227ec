// Size of what a browser must download before the web client starts: the entry chunk and,
// transitively, its static imports (dynamic imports load later, .wasm is fetched by the Matrix
// crypto on demand), gzipped, as read from Vite's build manifest.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildClient } from "../client/build.js";

interface ManifestChunk { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }
type Manifest = Record<string, ManifestChunk>;

/** The files of the initial load: every entry and its static imports, no .wasm. */
export function initialFiles(manifest: Manifest): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...files].filter((f) => /\.m?js$/.test(f));
}

/** Builds the client (into a temporary directory unless `distDir` is an existing build) and sizes it. */
export async function benchClientBundle(distDir?: string): Promise<{ client_bundle_gzip_bytes: number }> {
  const tmp = distDir ? null : await mkdtemp(join(tmpdir(), "enlace-bench-client-"));
  try {
    const dir = distDir ?? (await buildClient(join(tmp!, "dist")));
    const manifest = JSON.parse(await readFile(join(dir, ".vite", "manifest.json"), "utf8")) as Manifest;
    let bytes = 0;
    for (const file of initialFiles(manifest)) bytes += gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
    return { client_bundle_gzip_bytes: bytes };
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}
