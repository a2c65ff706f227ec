// At phone width (390×844): the header is one line with a menu button that opens the navigation,
// language and sign-out; the alert composer fits the screen; the member-state picker filters and
// selects. Real control plane, Synapse and Chromium. Screenshots in English and Spanish under
// test-results/screenshots/phone-*.png.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { role, type TestPlane } from "../helpers/control-plane.js";
import { openPage, screenshot, LAPTOP, PHONE } from "../helpers/browser.js";
import { go, keySavedAndRoomsShown, openMenu, overflowsHorizontally, seedPerson, settled, setUpMessaging, signIn, useLanguage, type Person } from "./steps.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";

const MAX_HEADER = 80;
const headerHeight = (page: Page) => page.locator("header.top").evaluate((el) => el.getBoundingClientRect().height);
const toggleOf = (page: Page) => page.locator("header button[aria-expanded]");

describe("web client: phone width", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;
  let admin: Person, ana: Person;

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ browser, plane } = stack);
    admin = await seedPerson(plane, "Alicia Admin", [role.admin()], null);
    ana = await seedPerson(plane, "Ana Alerta", [role.focal("CL", "tourism")], "CL");
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("the header is one short line; its menu opens the navigation, closes on navigation and on Escape", async () => {
    const { page, context, errors } = await openPage(browser, plane.url, { viewport: PHONE });
    await signIn(page, plane, admin);
    await settled(page);
    const toggle = toggleOf(page);
    for (const screen of ["", "people", "revetting", "audit", "directory", "events", "notifications"]) {
      await page.goto(`${plane.url}/#/${screen}`);
      await page.locator("main h1").first().waitFor();
      expect(await headerHeight(page), `header on #/${screen}`).toBeLessThanOrEqual(MAX_HEADER);
      expect(await page.locator("header nav").isVisible()).toBe(false);
      expect(await overflowsHorizontally(page)).toBe(false);
    }

    // Open: the button says so, and the panel it controls shows the navigation and sign-out.
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    const controls = (await toggle.getAttribute("aria-controls"))?.split(" ") ?? [];
    expect(controls).toHaveLength(2);
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    for (const id of controls) expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, "phone-menu-open-en");

    // The first Tab from the button goes into the panel, not past it.
    await toggle.focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("header .bar-end"))).toBe(true);

    // Choosing a screen closes the menu and moves focus to the new screen.
    await page.locator("header nav").getByRole("link", { name: "People", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("header nav").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    // Escape closes it and gives focus back to the button.
    await toggle.click();
    await page.locator("header nav").getByRole("link", { name: "Audit log" }).focus();
    await page.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);

    // go() works here too (it opens the menu first).
    await go(page, "Major events");
    await page.getByRole("heading", { level: 1, name: "Major events" }).waitFor();
    await settled(page);
    await screenshot(page, "phone-events-en");

    // In Spanish: the same short header, the button translated.
    await useLanguage(page, "es");
    expect(await toggle.textContent()).toBe("Menú");
    expect(await headerHeight(page)).toBeLessThanOrEqual(MAX_HEADER);
    await screenshot(page, "phone-events-es");
    await openMenu(page);
    await page.getByRole("button", { name: "Cerrar sesión" }).waitFor();
    await screenshot(page, "phone-menu-open-es");
    await context.close();
    expect(errors).toEqual([]);
  });

  it("at laptop width there is no menu button and the navigation is always shown", async () => {
    const { page, context, errors } = await openPage(browser, plane.url, { viewport: LAPTOP });
    await signIn(page, plane, admin);
    expect(await toggleOf(page).isVisible()).toBe(false);
    expect(await page.locator("header nav").isVisible()).toBe(true);
    await go(page, "Audit log");
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    await context.close();
    expect(errors).toEqual([]);
  });

  it("every composer fits a phone, and the member-state picker filters and selects (English and Spanish)", async () => {
    const { page, context, errors } = await openPage(browser, plane.url, { viewport: PHONE });
    await signIn(page, plane, ana);
    await setUpMessaging(page);
    await keySavedAndRoomsShown(page);
    await go(page, "Home");
    await page.locator(`li[data-room-key="network:tourism"] a`).click({ timeout: 60_000 });
    const composer = page.locator("section.composer");
    await composer.waitFor({ timeout: 30_000 });
    // Every composer fits the width; the alert last, since the picker is tried in it.
    for (const kind of ["New incident notice", "New lessons-learned document", "New expertise request", "New alert"]) {
      await composer.getByRole("button", { name: kind }).click();
      await composer.locator("form").waitFor();
      expect(await overflowsHorizontally(page), `${kind} fits 390 px`).toBe(false);
    }
    await composer.getByLabel("Source reliability").selectOption("F");
    await composer.getByLabel("Information credibility").selectOption("6");
    await composer.locator(".admiralty-code").waitFor();
    expect(await overflowsHorizontally(page), "alert form fits 390 px").toBe(false);
    expect(await headerHeight(page)).toBeLessThanOrEqual(MAX_HEADER);

    const picker = composer.locator("fieldset.state-picker");
    // Her own state is chosen to start with.
    expect(await picker.locator(".chips button").allTextContents()).toEqual(["Chile ×"]);
    // Filter: "jam" leaves Jamaica alone; ticking it makes a chip; the chip removes it again.
    const filter = picker.getByLabel("Find a state");
    await filter.fill("jam");
    expect(await picker.getByRole("checkbox").count()).toBe(1);
    await picker.getByText("1 state matches").waitFor();
    await picker.getByRole("checkbox", { name: "Jamaica" }).press("Space"); // from the keyboard
    expect(await picker.getByRole("checkbox", { name: "Jamaica" }).isChecked()).toBe(true);
    await filter.fill("atlantis");
    await picker.getByText("0 states match").waitFor();
    expect(await picker.getByRole("checkbox").count()).toBe(0);
    await filter.fill("domin");
    await picker.getByRole("checkbox", { name: "Dominican Republic" }).check();
    await filter.fill("");
    expect(await picker.getByRole("checkbox").count()).toBeGreaterThan(30);
    expect(await picker.locator(".chips button").allTextContents()).toEqual(["Chile ×", "Dominican Republic ×", "Jamaica ×"]);
    // The list grows with the page: no box of its own that clips a name or hides a row.
    const clipped = await picker.locator(".state-options").evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
    expect(clipped).toBe(false);
    await filter.fill("jam");
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, "phone-alert-en");

    await useLanguage(page, "es");
    await picker.getByText("1 Estado coincide").waitFor();
    await picker.getByRole("button", { name: "Quitar República Dominicana" }).click();
    expect(await picker.locator(".chips button").allTextContents()).toEqual(["Chile ×", "Jamaica ×"]);
    await picker.getByLabel("Buscar un Estado").fill("republica domin"); // accents do not matter
    await picker.getByRole("checkbox", { name: "República Dominicana" }).check();
    expect(await picker.locator(".chips button").allTextContents()).toEqual(["Chile ×", "Jamaica ×", "República Dominicana ×"]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, "phone-alert-es");
    // At laptop width the whole list shows in columns, with nothing clipped.
    await page.setViewportSize(LAPTOP);
    await picker.getByLabel("Buscar un Estado").fill("");
    expect(await picker.getByRole("checkbox").count()).toBeGreaterThan(30);
    await picker.screenshot({ path: "test-results/screenshots/laptop-state-picker-es.png" });
    await context.close();
    expect(errors).toEqual([]);
  }, 300_000);
});
