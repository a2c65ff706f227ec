// Shared steps of the browser tests: seeding people in the registry and driving the sign-in form.
import { expect } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { readFile } from "node:fs/promises";
import { openPage, type OpenedPage } from "../helpers/browser.js";
import { seedActivePerson } from "#server/domain/registry/seed.js";
import { currentTotp } from "#server/domain/auth/totp.js";
import type { RoleGrant } from "#server/domain/auth/principal.js";
import type { TestPlane } from "../helpers/control-plane.js";
import { ControlPlaneClient } from "#shared/matrix/control-plane.js";
import { signInThroughControlPlane, loginThroughControlPlane, quietLogger } from "#shared/matrix/session.js";
import { Method, createClient } from "matrix-js-sdk";
import { firstRun } from "#shared/matrix/first-run.js";
import { waitForRoom } from "#shared/matrix/rooms.js";

const PASSWORD = "correct horse battery staple";
export interface Person {
  id: string;
  email: string;
  fullName: string;
  password: string;
  totpSecret: string | null;
}

let n = 0;
export async function seedPerson(plane: TestPlane, fullName: string, roles: RoleGrant[], memberState: string | null): Promise<Person> {
  const email = `${fullName.toLowerCase().replace(/[^a-z]+/g, ".")}.${n++}@e2e.example.org`;
  const staff = roles.some((r) => r.role !== "focal_point" && r.role !== "alternate");
  const { id, totpSecret } = await seedActivePerson(plane.ctx, { email, fullName, memberState, roles, password: PASSWORD, totp: staff });
  return { id, email, fullName, password: PASSWORD, totpSecret };
}

/**
 * A code the server has not seen yet: the test plane's clock stands still, and a code of an already
 * used 30-second step is refused as a replay, so every sign-in moves the clock one step on.
 */
export function freshCode(plane: TestPlane, secret: string) {
  plane.clock.advance(30_000);
  return currentTotp(secret, plane.clock.now.getTime());
}

/** Fills the sign-in form; when the server asks for the second factor, the code field appears. */
export async function signIn(page: Page, plane: TestPlane, who: Person) {
  await page.locator("input[name=email]").fill(who.email);
  await page.locator("input[name=password]").fill(who.password);
  await page.locator("main button[type=submit]").click();
  if (who.totpSecret) {
    const code = page.locator("input[name=totp]");
    await code.waitFor();
    await expect.poll(() => code.evaluate((el) => el === document.activeElement)).toBe(true); // focus moves to the new field
    await code.fill(freshCode(plane, who.totpSecret));
    await page.locator("main button[type=submit]").click();
  }
  // On a phone the navigation is in the DOM but behind the menu button, so wait for it to exist, not to show.
  await page.locator("header nav").waitFor({ state: "attached" });
}

/** Opens the phone menu when the header shows its button; on a laptop there is none and this does nothing. */
export async function openMenu(page: Page) {
  const toggle = page.locator("header button[aria-expanded]");
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
}

export async function go(page: Page, navName: string) {
  await openMenu(page);
  await page.locator("header nav").getByRole("link", { name: navName, exact: true }).click();
}

/** Waits until no loading indicator is left (every loading text ends with an ellipsis). */
export async function settled(page: Page) {
  await page.waitForFunction(() => ![...document.querySelectorAll("[role=status]")].some((e) => (e.textContent ?? "").trim().endsWith("…")));
}

/** UI text a person can see or hear: text nodes and the accessible-name attributes. */
export function visibleStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = (n.textContent ?? "").trim();
      // translate="no" marks data shown verbatim (audit action codes, TLP labels), never UI text.
      if (s && !n.parentElement?.closest("[translate=no]")) out.push(s);
    }
    for (const el of document.body.querySelectorAll("[aria-label],[title],[placeholder],[alt]")) {
      for (const a of ["aria-label", "title", "placeholder", "alt"]) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** The page has no horizontal scrolling (the phone layout fits). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** A person's Node Enlace client (its own device, cross-signed on first run), signed in with their password. */
export async function nodeClient(plane: TestPlane, who: Person, rooms: string[]) {
  const cp = new ControlPlaneClient(plane.url);
  await cp.login(who.email, who.password, who.totpSecret ? freshCode(plane, who.totpSecret) : undefined);
  const session = await signInThroughControlPlane(cp, { deviceName: "test (Node)" });
  for (const key of rooms) await waitForRoom(session.client, key, 60_000);
  const { recoveryKey } = await firstRun(session, cp);
  return { session, cp, recoveryKey };
}

/** Home has listed the person's rooms: secure messaging is open and the device is set up. */
export async function roomListShown(page: Page, timeout = 90_000) {
  try {
    await page.getByTestId("room-list").first().waitFor({ timeout });
  } catch (err) {
    // Say what the screen shows instead (an error, a setup step), not only that the list is missing.
    const shown = (
      await page
        .locator("main")
        .innerText()
        .catch(() => "")
    )
      .replace(/\s+/g, " ")
      .slice(0, 400);
    throw new Error(`${(err as Error).message.split("\n")[0]}; the page shows: ${shown}`);
  }
}

/** First run in the browser: keys and recovery key; the key is shown once and must be confirmed saved. */
export async function setUpMessaging(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Set up now" }).click({ timeout: 90_000 });
  await page.getByRole("button", { name: "Create my keys and recovery key" }).click();
  const key = page.getByLabel("Recovery key", { exact: true });
  await key.waitFor({ timeout: 60_000 });
  // Until it is confirmed saved, the key cannot be left behind by a click elsewhere: the link is held.
  await page.locator('a[href^="#/"]:not(.skip):visible').first().click();
  await page.getByTestId("recovery-key-held").waitFor();
  await key.waitFor();
  return key.inputValue();
}

/** After setUpMessaging: confirms the recovery key is saved and waits for the room list. */
export async function keySavedAndRoomsShown(page: Page, timeout?: number) {
  await page.getByLabel("I have saved my recovery key in a safe place").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await roomListShown(page, timeout);
}

/** A new device: the recovery key restores it. */
export async function restoreMessaging(page: Page, recoveryKey: string) {
  await page.getByRole("link", { name: "Use my recovery key" }).click({ timeout: 90_000 });
  await page.getByLabel("Recovery key", { exact: true }).fill(recoveryKey);
  await page.getByRole("button", { name: "Restore on this device" }).click();
}

// i18next shows the key itself when a translation is missing: "signIn.title", "cards.kind.alert".
const KEY_SHAPE = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)+$/;

/** Visible strings that look like an untranslated i18n key or an unfilled placeholder. */
export async function untranslatedStrings(page: Page): Promise<string[]> {
  return (await visibleStrings(page)).filter((s) => KEY_SHAPE.test(s) || s.includes("{{"));
}

/** Switches the language with the header's selector and waits until the page shows it. */
export async function useLanguage(page: Page, lng: string) {
  const phone = await page.locator("header button[aria-expanded=false]").isVisible();
  await openMenu(page);
  await page.locator("header select").selectOption(lng);
  if (phone) await page.keyboard.press("Escape");
  await page.waitForFunction((l) => document.documentElement.lang === l, lng);
  await settled(page);
}

/**
 * Waits until the person's key backup holds at least `count` room keys. A browser backs up the keys
 * it receives a few seconds later, in the background: a test that closes the page and then restores
 * on a new device must wait for it, as a person would not notice. Checked through a short-lived
 * device of its own, logged out afterwards.
 */
export async function backupHolds(plane: TestPlane, who: Person, count = 1, timeoutMs = 30_000) {
  const cp = new ControlPlaneClient(plane.url);
  await cp.login(who.email, who.password, who.totpSecret ? freshCode(plane, who.totpSecret) : undefined);
  const login = await loginThroughControlPlane(cp, { deviceName: "test (backup check)" });
  const client = createClient({ baseUrl: login.baseUrl, userId: login.userId, deviceId: login.deviceId, accessToken: login.accessToken, logger: quietLogger });
  try {
    const t0 = Date.now();
    for (;;) {
      const v = await client.http.authedRequest<{ count?: number }>(Method.Get, "/room_keys/version").catch(() => ({ count: 0 }));
      if ((v.count ?? 0) >= count) return;
      if (Date.now() - t0 > timeoutMs) throw new Error(`${who.email}'s key backup did not reach ${count} keys in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await client.logout(true).catch(() => {});
  }
}

/** Reports an incident through a room's composer and waits for it to be sent. */
export async function sendIncident(composer: Locator, o: { title: string; what: string; where: string; when: string }) {
  await composer.getByRole("button", { name: "New incident notice" }).click();
  await composer.getByLabel("Title").fill(o.title);
  await composer.getByLabel("What happened").fill(o.what);
  await composer.getByLabel("Where").fill(o.where);
  await composer.getByLabel("When", { exact: true }).fill(o.when);
  await composer.getByRole("button", { name: "Send incident notice" }).click();
  await composer.getByText("Sent, end-to-end encrypted.").waitFor({ timeout: 60_000 });
}

/** Signs in, sets up secure messaging (first run) and lands on Home with the room list. */
export async function readyToMessage(browser: Browser, plane: TestPlane, who: Person, viewport?: { width: number; height: number }): Promise<OpenedPage> {
  const p = await openPage(browser, plane.url, viewport ? { viewport } : {});
  await signIn(p.page, plane, who);
  await setUpMessaging(p.page);
  await keySavedAndRoomsShown(p.page);
  return p;
}

/** Opens a program room from the room list (on the page named `home` in the navigation) and returns its composer. */
export async function openRoom(page: Page, key: string, home = "Home"): Promise<Locator> {
  await go(page, home);
  await page.locator(`li[data-room-key="${key}"] a`).click({ timeout: 60_000 });
  const composer = page.locator("section.composer");
  await composer.waitFor({ timeout: 30_000 });
  return composer;
}

/** Clicks a download button and returns the bytes the browser saved. */
export async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), button.click()]);
  const path = await d.path();
  if (!path) throw new Error(`the download of ${d.suggestedFilename()} failed: ${await d.failure()}`);
  return { name: d.suggestedFilename(), bytes: await readFile(path) };
}

/** Signs in someone whose first device is a Node client (`nodeClient`): the browser restores with its recovery key. */
export async function signInRestored(browser: Browser, plane: TestPlane, who: Person, recoveryKey: string): Promise<OpenedPage> {
  const p = await openPage(browser, plane.url);
  await signIn(p.page, plane, who);
  await restoreMessaging(p.page, recoveryKey);
  await roomListShown(p.page);
  return p;
}

/**
 * Publishes an advisory requiring acknowledgement within two days from a program's advisories room
 * (opened from the room list on the current page) and waits for the control plane's countersignature.
 * Returns the sender's card.
 */
export async function publishAdvisory(page: Page, o: { title: string; text: string; tlp: string; program?: string }): Promise<Locator> {
  const program = o.program ?? "tourism";
  await page.locator(`li[data-room-key="advisories:${program}"] a`).click();
  const composer = page.locator("section.composer");
  // The composer is closed until asked for (the room's timeline comes first).
  await composer.getByRole("button", { name: "New advisory" }).click({ timeout: 30_000 });
  await composer.getByLabel("Title").fill(o.title);
  await composer.getByLabel("Text", { exact: true }).fill(o.text);
  await composer.getByLabel("Traffic Light Protocol (TLP)").selectOption(o.tlp);
  await composer.getByLabel("Acknowledge by").fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16));
  await composer.getByRole("button", { name: "Publish advisory" }).click();
  await composer.getByText(new RegExp(`Advisory ${program} #\\d+ published`)).waitFor({ timeout: 60_000 });
  return page.locator("article[data-kind=advisory]").filter({ hasText: o.title });
}
