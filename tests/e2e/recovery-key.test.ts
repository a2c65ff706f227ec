// The recovery key in the browser (issue 11, "Accounts"): downloaded as a text file and printed
// where it is shown, changed from the account page (in Spanish, on a phone), and entered on a new
// device lower-cased and without spaces; the replaced key is refused there.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { encodeRecoveryKey as encodeMatrixRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import { decodeRecoveryKey } from "#shared/matrix/recovery-key.js";
import { startTestPlane, role, type TestPlane } from "../helpers/control-plane.js";
import { startTestSynapse, type TestSynapse } from "../helpers/synapse.js";
import { roomsReady } from "../helpers/e2ee.js";
import { buildClientForTest, launchBrowser, openPage, screenshot, PHONE, type OpenedPage } from "../helpers/browser.js";
import {
  keySavedAndRoomsShown,
  openMenu,
  restoreMessaging,
  roomListShown,
  seedPerson,
  setUpMessaging,
  signIn,
  overflowsHorizontally,
  untranslatedStrings,
  useLanguage,
  type Person,
} from "./steps.js";

const KEY_SHAPE = /^[0-9A-Z]{4}( [0-9A-Z]{4}){13}$/;

/** Clicks the download button and returns the file's name and text. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

describe("web client: the recovery key", () => {
  let hs: TestSynapse;
  let plane: TestPlane;
  let browser: Browser;
  let client: Awaited<ReturnType<typeof buildClientForTest>>;
  let ana: Person;
  let a: OpenedPage;
  let firstKey: string;
  let newKey: string;

  beforeAll(async () => {
    client = await buildClientForTest();
    [hs, browser] = await Promise.all([startTestSynapse(), launchBrowser()]);
    plane = await startTestPlane({ staticDir: client.dir, synapse: hs });
    await roomsReady(plane);
    ana = await seedPerson(plane, "Ana Clave", [role.focal("CL", "tourism")], "CL");
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await plane?.close();
    await hs?.close();
    await client?.remove();
  });

  it("in English on a laptop, the first key is downloaded as a text file and printed alone", async () => {
    a = await openPage(browser, plane.url);
    await signIn(a.page, plane, ana);
    firstKey = await setUpMessaging(a.page);
    expect(firstKey).toMatch(KEY_SHAPE);

    const file = await download(a.page, "Download as a text file");
    expect(file.name).toBe("enlace-recovery-key.txt");
    expect(file.text).toContain(firstKey);
    expect(file.text).toContain("Enlace recovery key");
    expect(file.text).toContain("capital or small letters and spaces do not matter");
    expect(file.text).toMatch(/Account: @[^:\s]+:\S+/);
    // Downloading is not leaving: the key is still held until confirmed saved.
    await a.page.getByTestId("recovery-key").waitFor();

    // Print: the browser's print dialog, for the key's card alone.
    await a.page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await a.page.getByRole("button", { name: "Print", exact: true }).click();
    expect(await a.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await a.page.emulateMedia({ media: "print" });
    const visibility = (selector: string) =>
      a.page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).visibility);
    expect(await visibility("header")).toBe("hidden");
    expect(await visibility("[data-testid=recovery-key]")).toBe("visible");
    expect(await a.page.getByText("Enlace recovery key", { exact: true }).isVisible()).toBe(true);
    expect(await a.page.getByRole("button", { name: "Print", exact: true }).isVisible()).toBe(false);
    await screenshot(a.page, "recovery-key-print-laptop");
    await a.page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await a.page.emulateMedia({ media: "screen" });
    expect(await a.page.evaluate(() => document.documentElement.classList.contains("printing-recovery-key"))).toBe(false);
    await screenshot(a.page, "recovery-key-first-laptop");
    await keySavedAndRoomsShown(a.page);
    expect(a.errors).toEqual([]);
  }, 300_000);

  it("in Spanish on a phone, the key is changed from the account page: shown, downloaded, then used once confirmed", async () => {
    await a.page.setViewportSize(PHONE);
    await useLanguage(a.page, "es");
    await openMenu(a.page);
    await a.page.locator("header").getByRole("link", { name: "Cuenta", exact: true }).click();
    await a.page.getByRole("heading", { name: "Clave de recuperación", exact: true }).waitFor();
    await a.page.getByRole("button", { name: "Cambiar la clave de recuperación" }).click();
    await a.page.getByRole("heading", { name: "Su nueva clave de recuperación" }).waitFor({ timeout: 30_000 });
    newKey = await a.page.getByTestId("recovery-key").inputValue();
    expect(newKey).toMatch(KEY_SHAPE);
    expect(newKey).not.toBe(firstKey);

    const file = await download(a.page, "Descargar como archivo de texto");
    expect(file.name).toBe("enlace-clave-de-recuperacion.txt");
    expect(file.text).toContain(newKey);
    expect(file.text).toContain("Clave de recuperación de Enlace");
    expect(file.text).toContain("no importan las mayúsculas, las minúsculas ni los espacios");
    expect(await untranslatedStrings(a.page)).toEqual([]);
    expect(await overflowsHorizontally(a.page)).toBe(false);
    await screenshot(a.page, "recovery-key-change-phone-es");

    // Not used until saved and confirmed: the button waits for the box.
    const use = a.page.getByRole("button", { name: "Usar la nueva clave" });
    expect(await use.isDisabled()).toBe(true);
    await a.page.getByLabel("He guardado mi nueva clave de recuperación en un lugar seguro").check();
    await use.click();
    await a.page.getByText("Listo: su nueva clave de recuperación ya está en uso.", { exact: false }).waitFor({ timeout: 60_000 });
    await screenshot(a.page, "recovery-key-changed-phone-es");
    expect(a.errors).toEqual([]);
  }, 180_000);

  it("a new browser refuses the replaced key and opens with the new one typed in small letters without spaces", async () => {
    const b = await openPage(browser, plane.url);
    await signIn(b.page, plane, ana);
    await b.page.getByTestId("matrix-needs-restore").waitFor({ timeout: 90_000 });
    await restoreMessaging(b.page, firstKey);
    await b.page.getByText("This recovery key does not match your account.").waitFor({ timeout: 30_000 });
    // A typo is told apart from a wrong key (the checksum).
    const typo = firstKey.slice(0, -1) + (firstKey.endsWith("A") ? "B" : "A");
    await b.page.getByLabel("Recovery key", { exact: true }).fill(typo);
    await b.page.getByRole("button", { name: "Restore on this device" }).click();
    await b.page.getByText("This is not a valid recovery key. Check it for typing mistakes.").waitFor({ timeout: 30_000 });
    expect(await b.page.getByText("Capital or small letters and spaces do not matter.").isVisible()).toBe(true);
    // A key in the SDK's base58 form (as Enlace showed them before) keeps its case, and the screen says so.
    await b.page.getByLabel("Recovery key", { exact: true }).fill(encodeMatrixRecoveryKey(decodeRecoveryKey(newKey))!.toLowerCase());
    await b.page.getByRole("button", { name: "Restore on this device" }).click();
    await b.page.getByText("type those with capital and small letters exactly as shown", { exact: false }).waitFor({ timeout: 30_000 });

    await b.page.getByLabel("Recovery key", { exact: true }).fill(newKey.toLowerCase().replace(/ /g, ""));
    await screenshot(b.page, "recovery-key-restore-lowercase-laptop");
    await b.page.getByRole("button", { name: "Restore on this device" }).click();
    await roomListShown(b.page);
    expect(await b.page.getByTestId("matrix-needs-restore").count()).toBe(0);
    expect(b.errors).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  }, 240_000);
});
