// The browser side of the end-to-end tests: Debian's Chromium driven by playwright-core, and the
// web client built once per test file into its own temporary directory.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { buildClient } from "../../client/build.js";
import { CHROMIUM, requireChromium } from "./chromium.js";
const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "test-results", "screenshots");
export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

// Playwright's launch() gives every browser a fresh, temporary user-data directory (deleted on close).
export async function launchBrowser(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Builds the client into a temporary directory; returns it and a cleanup. */
export async function buildClientForTest(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "enlace-client-"));
  await buildClient(join(dir, "dist"));
  return { dir: join(dir, "dist"), remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * A page in its own context (its own cookies: one person per context). Uncaught page errors are
 * collected so a test can assert the app never crashed.
 */
export async function openPage(browser: Browser, url: string, o: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: o.viewport ?? LAPTOP, locale: o.locale ?? "en-US", timezoneId: "America/New_York" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (process.env.DEBUG_E2E_CONSOLE) {
    page.on("console", (m) => console.log(`[page ${m.type()}] ${m.text().slice(0, 300)}`));
    page.on("requestfinished", async (r) => {
      if (r.url().includes("/_matrix/"))
        console.log(
          `[net] ${Date.now() % 1_000_000} ${r.method()} ${r
            .url()
            .replace(/^https?:\/\/[^/]+/, "")
            .slice(0, 140)} ${(await r.response())?.status()}`,
        );
    });
    page.on("request", (r) => {
      if (r.url().includes("/_matrix/") && !r.url().includes("/sync"))
        console.log(
          `[net] START ${r.method()} ${r
            .url()
            .replace(/^https?:\/\/[^/]+/, "")
            .slice(0, 100)}`,
        );
    });
    page.on("requestfailed", (r) => console.log(`[net] FAILED ${r.url().slice(0, 140)} ${r.failure()?.errorText}`));
  }
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The Matrix device record(s) this page's browser keeps (client/src/matrix/device-record.ts), one per person. */
export async function keptDevices(page: Page): Promise<{ personId: string; userId: string; deviceId: string; accessToken: string }[]> {
  const raw = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("enlace.matrix.device:"))
      .map((k) => localStorage.getItem(k) ?? "null"),
  );
  return raw.map((r) => JSON.parse(r));
}
