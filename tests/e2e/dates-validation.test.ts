// Dates follow the interface's language, not the browser's (issue 11, "Phones and small details"):
// an American browser with a Spanish interface writes 03/12/2026, a Spanish browser with an English
// interface 12/03/2026, and the day is read back in words. Forms' own constraints speak the one
// wording of the composers ("Required." / "Obligatorio."), not the browser's bubbles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { role, type TestPlane } from "../helpers/control-plane.js";
import { openPage, screenshot, PHONE } from "../helpers/browser.js";
import { overflowsHorizontally, seedPerson, settled, signIn, untranslatedStrings, useLanguage, type Person } from "./steps.js";
import { startConsoleStack, type ConsoleStack } from "./stack.js";

/** Types a day into the audit log's "from" filter and returns what the field then shows. */
async function typeFrom(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  const asked = page.waitForRequest((r) => r.url().includes("/api/audit") && r.url().includes("from="));
  await field.fill(text);
  await field.blur();
  return { field, request: new URL((await asked).url()) };
}

describe("web client: dates in the interface's language, and one wording for field errors", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: ConsoleStack | undefined;
  let officer: Person;

  beforeAll(async () => {
    stack = await startConsoleStack();
    ({ plane, browser } = stack);
    officer = await seedPerson(plane, "Dora Fechas", [role.officer("tourism")], null);
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("an American browser with a Spanish interface, on a phone: day first, in Spanish words", async () => {
    const { page, context, errors } = await openPage(browser, plane.url, { viewport: PHONE, locale: "en-US" });
    await signIn(page, plane, officer);
    await useLanguage(page, "es");
    await page.goto(`${plane.url}/#/audit`);
    await settled(page);
    const from = page.getByLabel("Desde", { exact: true });
    expect(await from.getAttribute("placeholder")).toBe("dd/mm/aaaa");
    expect(await page.getByText("Formato: dd/mm/aaaa.").count()).toBe(2);
    const { field, request } = await typeFrom(page, "Desde", "3/12/2026");
    // 3 December, not 12 March; the filter asks for that day.
    expect(request.searchParams.get("from")).toBe("2026-12-03T00:00:00.000Z");
    expect(await field.inputValue()).toBe("03/12/2026");
    await page.getByText("jueves, 3 de diciembre de 2026").waitFor();
    // Not a day: said in the one wording, in Spanish.
    const to = page.getByLabel("Hasta", { exact: true });
    await to.fill("31/02/2026");
    await to.blur();
    await page.getByText("Introduzca una fecha válida.").waitFor();
    expect(await to.getAttribute("aria-invalid")).toBe("true");
    expect(await untranslatedStrings(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, "dates-audit-phone-es");

    // Switching the interface to English rewrites the same day month first.
    await useLanguage(page, "en");
    await page.getByLabel("From", { exact: true }).waitFor();
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toBe("12/03/2026");
    await page.getByText("Thursday, December 3, 2026").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("a Spanish browser with an English interface, on a laptop: month first; empty required fields say 'Required.', then 'Obligatorio.'", async () => {
    const { page, context, errors } = await openPage(browser, plane.url, { locale: "es-ES" });
    await signIn(page, plane, officer);
    await useLanguage(page, "en");
    await page.goto(`${plane.url}/#/audit`);
    await settled(page);
    expect(await page.getByLabel("From", { exact: true }).getAttribute("placeholder")).toBe("mm/dd/yyyy");
    const { field, request } = await typeFrom(page, "From", "12/3/2026");
    expect(request.searchParams.get("from")).toBe("2026-12-03T00:00:00.000Z");
    expect(await field.inputValue()).toBe("12/03/2026");
    await page.getByText("Thursday, December 3, 2026").waitFor();
    await screenshot(page, "dates-audit-laptop-en");

    // The account page's re-authentication: nothing typed, submitted.
    await page.locator("header").getByRole("link", { name: "Account", exact: true }).click();
    await page.getByRole("button", { name: "Change authenticator" }).click();
    const form = page.locator("form").filter({ has: page.locator("input[type=password]") });
    expect(await form.getAttribute("novalidate")).not.toBeNull();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => form.getByText("Required.", { exact: true }).count()).toBe(2);
    expect(await page.getByLabel("Current password").evaluate((el) => el === document.activeElement)).toBe(true);
    // Typing clears that field's message only.
    await page.getByLabel("Current password").fill("something");
    await expect.poll(() => form.getByText("Required.", { exact: true }).count()).toBe(1);
    await screenshot(page, "validation-account-laptop-en");

    // A language switch rewrites the message already shown; a new try says it in Spanish too.
    await useLanguage(page, "es");
    await form.getByText("Obligatorio.", { exact: true }).waitFor();
    expect(await form.getByText("Required.", { exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Continuar" }).click();
    await expect.poll(() => form.getByText("Obligatorio.", { exact: true }).count()).toBe(1);
    await screenshot(page, "validation-account-laptop-es");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
