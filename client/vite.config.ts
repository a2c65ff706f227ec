import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { pwa } from "./pwa/plugin.js";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  plugins: [react(), pwa()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The bench (bench/client.ts) sizes the initial JS from the manifest.
    manifest: true,
    sourcemap: false,
    target: "es2022",
    // matrix-js-sdk with its crypto bindings is one lazy chunk of about 0.9 MB, loaded after sign-in;
    // the initial load is what the bench watches (client_bundle_gzip_bytes).
    chunkSizeWarningLimit: 1024,
  },
  optimizeDeps: {
    // The Rust crypto WASM package must be served as-is (it loads its .wasm by URL), not pre-bundled.
    exclude: ["@matrix-org/matrix-sdk-crypto-wasm"],
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:8080" },
  },
});
