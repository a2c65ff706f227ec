// What every messaging browser test starts: the built web client, a real Synapse, Chromium and a
// control plane serving the client, with the program rooms created. One place, so each test file
// says only what is particular to it.
import type { Browser } from "playwright-core";
import { startTestPlane, type TestPlane } from "../helpers/control-plane.js";
import { startTestSynapse, type TestSynapse } from "../helpers/synapse.js";
import { roomsReady } from "../helpers/e2ee.js";
import { buildClientForTest, launchBrowser } from "../helpers/browser.js";

export interface MessagingStack {
  hs: TestSynapse;
  plane: TestPlane;
  browser: Browser;
  /** Where the built client is (a test may read its bundle). */
  clientDir: string;
  /** Closes what was started, newest first. */
  close(): Promise<void>;
}

export async function startMessagingStack(o: { synapse?: Parameters<typeof startTestSynapse>[0] } = {}): Promise<MessagingStack> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c();
    closers.length = 0;
  };
  try {
    const client = await buildClientForTest();
    closers.push(() => client.remove());
    const started = <T extends { close(): Promise<unknown> }>(p: Promise<T>) =>
      p.then((x) => {
        closers.push(() => x.close());
        return x;
      });
    const [hs, browser] = await Promise.all([started(startTestSynapse(o.synapse)), started(launchBrowser())]);
    const plane = await startTestPlane({ staticDir: client.dir, synapse: hs });
    closers.push(() => plane.close());
    await roomsReady(plane);
    return { hs, plane, browser, clientDir: client.dir, close };
  } catch (err) {
    // A half-started stack would leave Synapse running after the failed file.
    await close().catch(() => {});
    throw err;
  }
}

export interface ConsoleStack {
  plane: TestPlane;
  browser: Browser;
  close(): Promise<void>;
}

/** The same without Synapse: the built client served by a control plane, and Chromium (console and form tests). */
export async function startConsoleStack(plane: Omit<Parameters<typeof startTestPlane>[0], "staticDir"> = {}): Promise<ConsoleStack> {
  const client = await buildClientForTest();
  const closers: (() => Promise<unknown>)[] = [() => client.remove()];
  const close = async () => {
    for (const c of closers.reverse()) await c();
    closers.length = 0;
  };
  try {
    const [p, browser] = await Promise.all([startTestPlane({ ...plane, staticDir: client.dir }), launchBrowser()]);
    closers.push(
      () => p.close(),
      () => browser.close(),
    );
    return { plane: p, browser, close };
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
}
