// The second pair of eyes, in a real browser (server/domain/registry/policy.ts canApprove): Luisa is
// the only officer of Tourism Security. She nominates a focal point herself and cannot approve her
// own nomination (the button is disabled, the reason tied to it, the rule says who can). The
// administrator, in Spanish at phone width, sees the same nomination with Approve enabled, approves
// it with a reason, and receives the enrollment link; the registry records her as the approver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { role, type TestPlane } from "../helpers/control-plane.js";
import { openPage, screenshot, PHONE, type OpenedPage } from "../helpers/browser.js";
import { go, overflowsHorizontally, seedPerson, settled, signIn, untranslatedStrings, useLanguage, type Person } from "./steps.js";
import { startConsoleStack, type ConsoleStack } from "./stack.js";

describe("web client: an administrator approves a lone officer's own nomination", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: ConsoleStack | undefined;
  let luisa: Person, admin: Person;
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    stack = await startConsoleStack();
    ({ plane, browser } = stack);
    // Nobody else is an officer of Tourism Security: without the administrator, nobody could approve.
    luisa = await seedPerson(plane, "Luisa Sola", [role.officer("tourism")], null);
    admin = await seedPerson(plane, "Alicia Admin", [role.admin()], null);
  }, 240_000);
  afterAll(async () => {
    for (const p of opened) await p.context.close().catch(() => {});
    await stack?.close();
  });

  it("the nominating officer cannot approve; the administrator can, in English and Spanish", async () => {
    const email = "pedro.propio@e2e.example.org";
    const o = await openPage(browser, plane.url);
    opened.push(o);
    await signIn(o.page, plane, luisa);
    await go(o.page, "Nominate");
    await o.page.getByLabel("Full name").fill("Pedro Propio");
    await o.page.getByLabel("Email").fill(email);
    await o.page.getByLabel("Member state").selectOption("CL");
    await o.page.getByRole("checkbox", { name: "Tourism Security" }).check();
    await o.page.getByRole("button", { name: "Nominate", exact: true }).click();
    await o.page.getByText("Pedro Propio is nominated").waitFor();

    // Her own nomination: Approve disabled, with the reason as its description, and who may approve.
    await go(o.page, "Nomination queue");
    const mine = o.page.locator(`tr[data-person="${email}"]`);
    const approveMine = mine.getByRole("button", { name: "Approve" });
    await approveMine.waitFor();
    expect(await approveMine.isDisabled()).toBe(true);
    const why = mine.getByTestId("cannot-approve");
    expect(await why.textContent()).toContain("you nominated this person");
    expect(await approveMine.getAttribute("aria-describedby")).toBe(await why.getAttribute("id"));
    expect(await mine.getByTestId("nominated-by").textContent()).toBe("Nominated by Luisa Sola.");
    expect(await mine.getByTestId("approval-rule").textContent()).toBe(
      "Approval: an officer of each of the person's programs, or an administrator; never the nominator (four eyes).",
    );
    await settled(o.page);
    await screenshot(o.page, "approval-rule-officer-laptop-en");

    // The administrator, in Spanish on a phone: the same nomination, Approve enabled.
    const a = await openPage(browser, plane.url, { viewport: PHONE });
    opened.push(a);
    await signIn(a.page, plane, admin);
    await useLanguage(a.page, "es");
    await go(a.page, "Nominaciones pendientes");
    const row = a.page.locator(`tr[data-person="${email}"]`);
    const approve = row.getByRole("button", { name: "Aprobar", exact: true });
    await approve.waitFor();
    expect(await approve.isEnabled()).toBe(true);
    expect(await row.getByTestId("cannot-approve").count()).toBe(0);
    expect(await row.getByTestId("nominated-by").textContent()).toBe("Nominado por Luisa Sola.");
    expect(await row.getByTestId("approval-rule").textContent()).toBe(
      "Aprobación: un oficial de cada programa de la persona, o un administrador; nunca quien nominó (cuatro ojos).",
    );
    await approve.click();
    expect(await row.getByTestId("approving-matrix-id").textContent()).toContain("Usted aprueba a Pedro Propio con la cuenta Matrix");
    await row.getByLabel("Motivo (queda en el registro de auditoría)").fill("Segundo par de ojos: la oficial del programa lo nominó");
    await settled(a.page);
    expect(await untranslatedStrings(a.page)).toEqual([]);
    expect(await overflowsHorizontally(a.page)).toBe(false);
    await screenshot(a.page, "approval-rule-admin-phone-es");
    await row.getByRole("button", { name: "Confirmar: Aprobar" }).click();
    const link = await a.page.getByLabel("Enlace de inscripción", { exact: true }).inputValue({ timeout: 30_000 });
    expect(link).toMatch(/\/#\/enroll\/[A-Za-z0-9_-]{32,64}$/);
    await screenshot(a.page, "approval-rule-approved-phone-es");

    // The registry: approved by the administrator, nominated by Luisa; gone from Luisa's queue.
    const { rows } = await plane.ctx.db.query("SELECT status, nominated_by, approved_by FROM people WHERE email = $1", [email]);
    expect(rows).toEqual([{ status: "approved", nominated_by: luisa.id, approved_by: admin.id }]);
    await o.page.reload();
    // The queue, loaded again, is empty: the nomination is decided.
    await o.page.getByText("No nominations are waiting.").waitFor({ timeout: 30_000 });
    expect(await o.page.locator(`tr[data-person="${email}"]`).count()).toBe(0);
    expect([...o.errors, ...a.errors]).toEqual([]);
  }, 300_000);
});
