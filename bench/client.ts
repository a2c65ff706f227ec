// Size of what a browser must download before the web client starts: the entry chunk and,
// transitively, its static imports (dynamic imports load later, .wasm is fetched by the Matrix
// crypto on demand), gzipped, as read from Vite's build manifest.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildClient } from "../client/build.js";

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The files of the initial load: every entry and its static imports, no .wasm. */
function initialFiles(manifest: Manifest): string[] {
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
async function benchClientBundle(distDir?: string): Promise<{ client_bundle_gzip_bytes: number }> {
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

/** Every JS chunk of the build (lazy ones too, the Matrix client among them), gzipped; .wasm excluded. */
async function allJsGzipBytes(dir: string): Promise<number> {
  const manifest = JSON.parse(await readFile(join(dir, ".vite", "manifest.json"), "utf8")) as Manifest;
  const files = new Set(
    Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => /\.m?js$/.test(f)),
  );
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
  return bytes;
}

/**
 * The web client in headless Chromium against a real control plane and Synapse started here:
 * `first_run_setup_ms` (cross-signing, key backup, recovery key: click → key shown) and
 * `signin_to_roomlist_ms` (submit sign-in → room list rendered, for a returning person whose device
 * is already set up in this browser), beside `signin_to_home_ms`, the control-plane-only floor of
 * the same sign-in (submit → Home heading).
 */
export async function benchClient(pgAdminUrl: string, log: (s: string) => void, people = 3, signIns = 5) {
  const { startTestSynapse, prepareTestSynapse } = await import("../tests/helpers/synapse.js");
  const { startTestPlane, role } = await import("../tests/helpers/control-plane.js");
  const { roomsReady } = await import("../tests/helpers/e2ee.js");
  const { launchBrowser, openPage } = await import("../tests/helpers/browser.js");
  const { seedActivePerson } = await import("#server/domain/registry/seed.js");
  const { summarize, round } = await import("./lib/stats.js");

  const tmp = await mkdtemp(join(tmpdir(), "enlace-bench-client-"));
  const figures: Record<string, number> = {};
  const cleanup: Array<() => Promise<unknown>> = [() => rm(tmp, { recursive: true, force: true })];
  try {
    log("client: building the web client…");
    const dir = await buildClient(join(tmp, "dist"));
    Object.assign(figures, await benchClientBundle(dir));
    figures.client_js_total_gzip_bytes = await allJsGzipBytes(dir);

    await prepareTestSynapse();
    const hs = await startTestSynapse();
    cleanup.unshift(() => hs.close());
    const plane = await startTestPlane({ pgAdminUrl, validateResponses: false, synapse: hs, staticDir: dir });
    cleanup.unshift(() => plane.close());
    const browser = await launchBrowser();
    cleanup.unshift(() => browser.close());
    await roomsReady(plane);

    const setup: number[] = [],
      home: number[] = [],
      roomList: number[] = [];
    for (let i = 0; i < people; i++) {
      const email = `bench-client-${i}@example.org`,
        password = "correct horse battery staple";
      await seedActivePerson(plane.ctx, { email, fullName: `Bench Person ${i}`, memberState: "CL", roles: [role.focal("CL", "tourism")], password });
      const { page, context } = await openPage(browser, plane.url);
      const signIn = async () => {
        await page.locator("input[name=email]").fill(email);
        await page.locator("input[name=password]").fill(password);
        const t0 = performance.now();
        await page.locator("main button[type=submit]").click();
        return t0;
      };
      log(`client: person ${i + 1}/${people}: first run…`);
      await signIn();
      await page.getByRole("link", { name: "Set up now" }).click({ timeout: 120_000 });
      const create = page.getByRole("button", { name: "Create my keys and recovery key" });
      await create.waitFor();
      const t0 = performance.now();
      await create.click();
      await page.getByTestId("recovery-key").waitFor({ timeout: 120_000 });
      setup.push(performance.now() - t0);
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByTestId("room-list").first().waitFor({ timeout: 120_000 });

      // A returning person: the control-plane session is gone (as after expiry), the device stays.
      for (let k = 0; k < signIns; k++) {
        await context.clearCookies();
        await page.reload();
        await page.locator("input[name=email]").waitFor();
        const start = await signIn();
        await page.getByRole("heading", { name: `Welcome, Bench Person ${i}` }).waitFor({ timeout: 60_000 });
        home.push(performance.now() - start);
        await page.getByTestId("room-list").first().waitFor({ timeout: 120_000 });
        roomList.push(performance.now() - start);
      }
      await context.close();
    }
    const p50 = (xs: number[]) => round(summarize(xs).p50, 0);
    figures.first_run_setup_ms = p50(setup);
    figures.signin_to_home_ms = p50(home);
    figures.signin_to_roomlist_ms = p50(roomList);
    log(
      `client: first run p50 ${figures.first_run_setup_ms} ms (n=${setup.length}); sign-in → Home ${figures.signin_to_home_ms} ms, → room list ${figures.signin_to_roomlist_ms} ms (n=${roomList.length})`,
    );
    return figures;
  } finally {
    for (const f of cleanup) await f().catch(() => {});
  }
}
