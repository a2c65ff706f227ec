// The audit log as an officer reads it: names instead of ids, newest first, the reason given,
// filters, and a CSV export with each entry's verification result — in English and Spanish, at
// laptop and phone width.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import type { Browser } from "playwright-core";
import { actor, api, role, type TestPlane } from "../helpers/control-plane.js";
import { openPage, screenshot, PHONE } from "../helpers/browser.js";
import { overflowsHorizontally, seedPerson, settled, signIn, untranslatedStrings, useLanguage, type Person } from "./steps.js";
import { startConsoleStack, type ConsoleStack } from "./stack.js";

describe("web client: the audit log", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: ConsoleStack | undefined;
  let officer: Person;

  beforeAll(async () => {
    stack = await startConsoleStack();
    ({ plane, browser } = stack);
    officer = await seedPerson(plane, "Oscar Officer", [role.officer("tourism")], null);
    const coord = await actor(plane, [role.coordinator("CL")], "CL", { fullName: "Camila Coordinadora" });
    for (const [fullName, program] of [
      ["Tina Turista", "tourism"],
      ["Mario Marino", "maritime"],
    ]) {
      const r = await api(plane, "POST", "/api/nominations", {
        token: coord.token,
        body: {
          email: `${fullName.split(" ")[0].toLowerCase()}@e2e.example.org`,
          fullName,
          memberState: "CL",
          roles: [{ role: "focal_point", memberState: "CL", program }],
          reason: `named for ${program}`,
        },
      });
      expect(r.status).toBe(201);
    }
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("an officer reads their program's entries with names and reasons, filters them, and exports CSV with verification", async () => {
    const { page, context, errors } = await openPage(browser, plane.url);
    await signIn(page, plane, officer);
    await page.goto(`${plane.url}/#/audit`);
    // Tina's nomination (notifications about it are audited too, without the reason).
    const row = page.locator("table.audit tbody tr", { hasText: "Tina Turista" }).filter({ hasText: "person.nominated" }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain("Camila Coordinadora");
    expect(await row.textContent()).toContain("named for tourism");
    // Another program's people are not this officer's to read.
    expect(await page.locator("table.audit", { hasText: "Mario Marino" }).count()).toBe(0);
    const seqs = await page.locator("table.audit tbody tr").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-seq"))));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    await page.getByLabel("Kind").selectOption("auth.");
    await expect.poll(() => page.locator("table.audit", { hasText: "Tina Turista" }).count()).toBe(0);
    await page.getByLabel("Kind").selectOption("");
    await row.waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-csv").click()]);
    const csv = await readFile((await download.path())!, "utf8");
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const tina = rows.find((r) => r.subject_name === "Tina Turista" && r.action === "person.nominated");
    expect(tina).toMatchObject({ actor_name: "Camila Coordinadora", reason: "named for tourism", verification: "verified" });
    expect(rows.some((r) => r.subject_name === "Mario Marino")).toBe(false);

    await useLanguage(page, "es");
    await page.getByRole("heading", { name: "Registro de auditoría" }).waitFor();
    expect(await untranslatedStrings(page)).toEqual([]);
    await screenshot(page, "audit-laptop-es");
    await page.setViewportSize(PHONE);
    await settled(page);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, "audit-phone-es");
    expect(errors).toEqual([]);
    await context.close();
  });
});
