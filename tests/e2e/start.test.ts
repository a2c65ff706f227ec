// `npm start` as a newcomer meets it: the whole network from one command (embedded PostgreSQL, a
// local Synapse, the control plane serving the web app), with demo accounts printed on the console.
// Two printed focal points sign in in a real browser, set up secure messaging, and one's incident
// notice reaches the other as coming from a verified focal point of Chile. It runs with Chile's own
// homeserver too (`--member-state CL`, the one-machine federation demo): the printed focal point
// whose account lives there signs in on it and sees her program rooms.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { readdir, rm, stat } from "node:fs/promises";
import { randomInt, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage, type OpenedPage } from "../helpers/browser.js";
import { freePort } from "../helpers/ports.js";
import { keySavedAndRoomsShown, sendIncident, setUpMessaging } from "./steps.js";

const ROOT = join(import.meta.dirname, "..", "..");

describe("npm start", () => {
  let child: ChildProcess;
  let dataDir: string;
  let browser: Browser;
  let out = "";
  let url = "";

  beforeAll(async () => {
    // Like a fresh clone's .enlace: it does not exist yet, and `npm start` creates it (and, run as
    // root, must leave it passable for PostgreSQL's own user). Nothing is prepared here.
    dataDir = join(tmpdir(), `enlace-start-${randomUUID()}`, ".enlace");
    const [port, pgPort, hsPort, memberPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ENLACE_PORT: String(port),
      ENLACE_EMBEDDED_PG_PORT: String(pgPort),
      ENLACE_LOCAL_SYNAPSE_PORT: String(hsPort),
      ENLACE_DATA_DIR: dataDir,
      // Its own loopback address (federation on its :8448), never the one a federation test picked.
      ENLACE_DEMO_MEMBER_STATE_ADDRESS: `127.${randomInt(16, 250)}.${randomInt(0, 256)}.3`,
      ENLACE_DEMO_MEMBER_STATE_PORT: String(memberPort),
    };
    // What a fresh clone has: no database or homeserver configured.
    for (const k of ["DATABASE_URL", "SYNAPSE_URL", "SYNAPSE_PUBLIC_URL", "SYNAPSE_SERVER_NAME", "SYNAPSE_JWT_SECRET", "SYNAPSE_REGISTRATION_SHARED_SECRET"])
      delete env[k];
    // Node itself running scripts/start.ts (what `npm start` runs after its bootstrap), in its own
    // process group so that it and its PostgreSQL and Synapse children are stopped together.
    child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--member-state", "CL"], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => {
      out += d;
    });
    child.stderr!.on("data", (d) => {
      out += d;
    });
    browser = await launchBrowser();
    const t0 = Date.now();
    while (!/Enlace is running at (\S+)/.test(out)) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${out}`);
      if (Date.now() - t0 > 240_000) throw new Error(`npm start did not come up in 240 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    url = /Enlace is running at (\S+)/.exec(out)![1];
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (child?.pid && child.exitCode === null) {
      // Its own shutdown first (control plane and Synapse); then nothing of the group may remain.
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    if (dataDir) await rm(join(dataDir, ".."), { recursive: true, force: true });
  });

  const printed = (email: string) => {
    expect(out).toContain(email);
    return { email, password: /password for all: (\S+)\)/.exec(out)![1] };
  };

  async function signedInAndSetUp(who: { email: string; password: string }, watch?: (page: Page) => void): Promise<OpenedPage> {
    const p = await openPage(browser, url);
    watch?.(p.page);
    await p.page.locator("input[name=email]").fill(who.email);
    await p.page.locator("input[name=password]").fill(who.password);
    await p.page.locator("main button[type=submit]").click();
    await p.page.locator("header nav").waitFor({ timeout: 30_000 });
    await setUpMessaging(p.page);
    await keySavedAndRoomsShown(p.page, 120_000);
    return p;
  }

  async function openNetworkRoom(page: Page) {
    await page.locator('li[data-room-key="network:tourism"] a').click({ timeout: 120_000 });
    return page.locator("section.composer");
  }

  it("serves the app with printed demo accounts; two focal points message each other end-to-end encrypted", async () => {
    // A failure comes with what the server printed (warnings and errors) since the demo table.
    await walk().catch((err: Error) => {
      throw new Error(`${err.message}\n--- npm start printed:\n${out.split("Synapse (")[1]?.slice(0, 4000) ?? out}`);
    });
  }, 300_000);

  it("runs Chile's own homeserver: its demo focal point signs in there and sees her program rooms", async () => {
    const chileUrl = /Member state's homeserver \(CL, server name \S+\) at (\S+),/.exec(out)?.[1];
    expect(chileUrl, out.slice(-2000)).toMatch(/^http:\/\/localhost:\d+$/);
    const matrixCalls = new Set<string>();
    const rocio = await signedInAndSetUp(printed("focal.cl.home@demo.enlace.test"), (page) =>
      page.on("request", (r) => {
        if (r.url().includes("/_matrix/client/")) matrixCalls.add(new URL(r.url()).origin);
      }),
    );
    await rocio.page.locator('li[data-room-key="network:tourism"] a').waitFor({ timeout: 120_000 });
    // Her client talked to Chile's homeserver (found from the registry), not to the Secretariat's.
    expect([...matrixCalls]).toEqual([chileUrl]);
    expect(rocio.errors).toEqual([]);
  }, 300_000);

  it("keeps its keys owner-only", async () => {
    const keys = join(dataDir, "keys");
    expect((await stat(keys)).mode & 0o077).toBe(0);
    const secrets = (await readdir(keys)).filter((f) => !f.endsWith(".pub"));
    expect(secrets).toEqual(expect.arrayContaining(["secretariat.key", "audit.key", "session.secret", "data.key", "synapse.json"]));
    for (const f of secrets) expect({ f, mode: (await stat(join(keys, f))).mode & 0o777 }).toEqual({ f, mode: 0o600 });
  });

  it("stops once, in order, quietly on SIGTERM to its process group", async () => {
    const before = out.length;
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    process.kill(-child.pid!, "SIGTERM");
    const code = await Promise.race([exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 30_000))]);
    const after = out.slice(before);
    expect(after).not.toMatch(/Called end on pool|audit checkpoint failed|change feed lost|Error/);
    expect(code).toBe(0);
  }, 60_000);

  async function walk() {
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    // One after the other: the sender's first look at the peer's devices then finds them signed.
    const janelle = await signedInAndSetUp(printed("focal.jm@demo.enlace.test"));
    const felipe = await signedInAndSetUp(printed("focal.cl@demo.enlace.test"));

    const composer = await openNetworkRoom(felipe.page);
    await sendIncident(composer, {
      title: "Crowd crush risk at the fan zone gate",
      what: "Gate 3 closed for an hour; queues reached the road.",
      where: "Fan zone, Santiago",
      when: "2030-06-20T19:30",
    });

    await openNetworkRoom(janelle.page);
    const card = janelle.page.locator("article[data-kind=incident]").filter({ hasText: "Crowd crush risk at the fan zone gate" });
    await card.waitFor({ timeout: 60_000 }).catch(async (err) => {
      throw new Error(
        `${(err as Error).message.split("\n")[0]}; her room shows: ${(await janelle.page.locator("main").innerText()).replace(/\s+/g, " ").slice(0, 600)}`,
      );
    });
    await expect.poll(() => card.getByTestId("trust").textContent(), { timeout: 60_000 }).toContain("verified focal point — Chile");
    expect([...felipe.errors, ...janelle.errors]).toEqual([]);
  }
});
