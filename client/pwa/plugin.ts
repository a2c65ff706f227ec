// The installable web app, built with the client: the web-app manifest, PNG icons rendered from the
// SVGs next to this file (sharp, at build time: no binary images in the repository) and the service
// worker, bundled on its own into /sw.js with the list of built files to precache. Hand-written
// instead of vite-plugin-pwa: that one brings workbox-build (and its Babel toolchain) for what is
// here about a hundred lines, and the push and click handlers are ours either way.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import type { Plugin } from "vite";

const here = import.meta.dirname;
const SW_ENTRY = join(here, "..", "src", "sw", "sw.ts");

const ICONS = [
  { src: "icon.svg", size: 192, name: "icons/icon-192.png" },
  { src: "icon.svg", size: 512, name: "icons/icon-512.png" },
  { src: "icon.svg", size: 180, name: "icons/apple-touch-icon.png" },
  { src: "badge.svg", size: 96, name: "icons/badge-96.png" },
] as const;

/** The manifest's name stays "Enlace" in every language (it is the product's name). */
const manifest = {
  name: "Enlace",
  short_name: "Enlace",
  description: "Secure network of CICTE focal points",
  id: "/",
  start_url: "/#/",
  scope: "/",
  display: "standalone",
  background_color: "#f5f7fa",
  theme_color: "#0b4f8a",
  icons: [
    { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
};

async function renderIcons() {
  return Promise.all(
    ICONS.map(async (i) => ({
      name: i.name,
      bytes: await sharp(await readFile(join(here, i.src)), { density: 300 })
        .resize(i.size, i.size)
        .png()
        .toBuffer(),
    })),
  );
}

/** Bundles the worker as one classic script (no imports at run time) with the precache list inlined. */
async function buildWorker(precache: string[]): Promise<string> {
  const { build } = await import("vite");
  const out = await build({
    configFile: false,
    logLevel: "warn",
    define: { __PRECACHE__: JSON.stringify(precache) },
    build: {
      write: false,
      minify: true,
      target: "es2022",
      lib: { entry: SW_ENTRY, formats: ["iife"], name: "enlaceSw", fileName: () => "sw.js" },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Array<{ output: Array<{ type: string; code?: string }> }>;
  const chunk = outputs[0].output.find((o) => o.type === "chunk");
  if (!chunk?.code) throw new Error("the service worker bundle came out empty");
  return chunk.code;
}

export function pwa(): Plugin {
  return {
    name: "enlace-pwa",
    apply: "build",
    async generateBundle(_options, bundle) {
      for (const icon of await renderIcons()) this.emitFile({ type: "asset", fileName: icon.name, source: icon.bytes });
      this.emitFile({ type: "asset", fileName: "manifest.webmanifest", source: JSON.stringify(manifest, null, 2) });
      // The shell: every built file except Vite's own manifest, plus the icons and index.html under
      // the name the worker falls back to. Lazy chunks (messaging, crypto WASM) included, so a room
      // opens offline once the app was loaded online.
      const files = Object.keys(bundle).filter((f) => !f.startsWith(".vite/"));
      const precache = [...new Set(["/index.html", "/manifest.webmanifest", ...ICONS.map((i) => `/${i.name}`), ...files.map((f) => `/${f}`)])].sort();
      this.emitFile({ type: "asset", fileName: "sw.js", source: await buildWorker(precache) });
    },
  };
}
