// Every screen checked here renders in English, Spanish, Portuguese and French with no untranslated
// key; and the sign-in form works from the keyboard alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { actor, api, role, type TestPlane } from "../helpers/control-plane.js";
import { openPage } from "../helpers/browser.js";
import { en } from "../../client/src/i18n/locales/en/index.js";
import { LANGUAGES } from "../../client/src/i18n/index.js";
import { freshCode, seedPerson, settled, signIn, visibleStrings, type Person } from "./steps.js";
import { startConsoleStack, type ConsoleStack } from "./stack.js";

// i18next shows the key itself when a translation is missing: "signIn.title", "errors.forbidden".
const KEY_SHAPE = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)+$/;
const allKeys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : allKeys(v, `${prefix}${k}.`)));
const KEYS = allKeys(en).map((k) => k.replace(/_(one|other)$/, ""));

async function untranslated(page: Page) {
  const strings = await visibleStrings(page);
  return strings.filter((s) => KEY_SHAPE.test(s) || s.includes("{{") || KEYS.some((k) => s.includes(k)));
}

async function switchLanguage(page: Page, lng: string) {
  await page.locator("header select").selectOption(lng);
  await page.waitForFunction((l) => document.documentElement.lang === l, lng);
  await settled(page);
}

describe("web client: languages", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: ConsoleStack | undefined;
  let admin: Person, officer: Person;

  beforeAll(async () => {
    stack = await startConsoleStack();
    ({ plane, browser } = stack);
    admin = await seedPerson(plane, "Alicia Admin", [role.admin()], null);
    officer = await seedPerson(plane, "Oscar Officer", [role.officer("tourism")], null);
    // Something in every console list: a nomination waiting, and people in several states.
    const coordinator = await actor(plane, [role.coordinator("CL")], "CL");
    for (const [i, email] of ["lucia@e2e.example.org", "marco@e2e.example.org"].entries()) {
      const r = await api(plane, "POST", "/api/nominations", {
        token: coordinator.token,
        body: {
          email,
          fullName: i ? "Marco Nominado" : "Lucía Nominada",
          memberState: "CL",
          roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }],
        },
      });
      expect(r.status).toBe(201);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("the sign-in screen in en, es, pt and fr: no untranslated key, four different renderings", async () => {
    const { page, context, errors } = await openPage(browser, plane.url);
    await page.locator("input[name=email]").waitFor();
    const renderings = new Set<string>();
    for (const lng of LANGUAGES) {
      await switchLanguage(page, lng);
      // The code field too: ask for it by signing in as someone with a second factor.
      await page.locator("input[name=email]").fill(officer.email);
      await page.locator("input[name=password]").fill(officer.password);
      await page.locator("main button[type=submit]").click();
      await page.locator("input[name=totp]").waitFor();
      await settled(page);
      expect(await untranslated(page), lng).toEqual([]);
      renderings.add(await page.locator("body").innerText());
    }
    expect(renderings.size).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the Secretariat console in en, es, pt and fr: no untranslated key, four different renderings", async () => {
    const { page, context, errors } = await openPage(browser, plane.url);
    await signIn(page, plane, admin);
    for (const screen of ["nominations", "people", "revetting", "audit"]) {
      const renderings = new Set<string>();
      await page.goto(`${plane.url}/#/${screen}`);
      for (const lng of LANGUAGES) {
        await switchLanguage(page, lng);
        await page.locator("main h1").waitFor();
        if (screen === "nominations") {
          // Open a reason form too, so its labels and buttons are checked.
          await page.locator("tbody tr").first().getByRole("button").nth(1).click();
          await page.locator("main textarea").waitFor();
        }
        expect(await untranslated(page), `${screen} in ${lng}`).toEqual([]);
        renderings.add(await page.locator("main").innerText());
        if (screen === "nominations") await page.keyboard.press("Escape");
      }
      expect(renderings.size, screen).toBe(4);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a lost connection shows a banner with a retry, and nothing typed is lost", async () => {
    const { page, context, errors } = await openPage(browser, plane.url);
    await page.locator("input[name=email]").fill(officer.email);
    await page.locator("input[name=password]").fill(officer.password);
    await context.setOffline(true);
    await page.locator("main button[type=submit]").click();
    await page.getByText("The connection to Enlace was lost.").waitFor();
    await page.getByRole("alert").filter({ hasText: "Enlace cannot be reached" }).waitFor();
    expect(await page.locator("input[name=email]").inputValue()).toBe(officer.email);

    // Retrying while still offline keeps the banner; once the network is back the app notices by itself.
    await page.getByRole("button", { name: "Retry now" }).click();
    await page.getByRole("button", { name: "Retry now" }).and(page.locator(":enabled")).waitFor();
    await page.getByText("The connection to Enlace was lost.").waitFor();
    await context.setOffline(false);
    await page.getByText("The connection to Enlace was lost.").waitFor({ state: "detached" });
    await page.locator("main button[type=submit]").click();
    await page.locator("input[name=totp]").waitFor(); // the form goes on where it was
    expect(errors).toEqual([]);
    await context.close();
  });

  it("signing in works from the keyboard alone, and focus stays visible", async () => {
    const { page, context } = await openPage(browser, plane.url);
    await page.locator("input[name=email]").waitFor();
    // Tab order: skip link, brand, language, email, password, submit.
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return el.getAttribute("name") ?? el.tagName.toLowerCase();
        }),
      );
    }
    expect(order).toEqual(["a", "a", "select", "email", "password", "button"]);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe("solid");

    await page.locator("input[name=email]").focus();
    await page.keyboard.type(officer.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(officer.password);
    await page.keyboard.press("Enter");
    await page.locator("input[name=totp]").waitFor();
    await page.keyboard.type(freshCode(plane, officer.totpSecret!)); // focus moved to the code field
    await page.keyboard.press("Enter");
    await page.locator("header nav").waitFor();
    await context.close();
  });
});
