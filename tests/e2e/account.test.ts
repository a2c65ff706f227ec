// The account page's second factor in the browser: a staff member changes their authenticator app
// (password and current code, a QR code to scan, a wrong code refused, then the new code), and a
// focal point turns it on in Spanish on a phone — with the QR image drawn in the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { actor, api, role, type TestPlane } from "../helpers/control-plane.js";
import { openPage, screenshot, PHONE } from "../helpers/browser.js";
import { freshCode, openMenu, overflowsHorizontally, seedPerson, settled, signIn, untranslatedStrings, useLanguage, type Person } from "./steps.js";
import { startConsoleStack, type ConsoleStack } from "./stack.js";

/** The QR code is an image that actually decoded and drew (not a broken image or an empty box). */
async function qrShown(page: Page) {
  const qr = page.getByTestId("totp-qr");
  await qr.waitFor();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
}

describe("web client: the account page's second factor", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: ConsoleStack | undefined;
  let officer: Person;
  let focal: Person;

  beforeAll(async () => {
    stack = await startConsoleStack({ totpRequiredFor: "staff" });
    ({ plane, browser } = stack);
    officer = await seedPerson(plane, "Olga Oficial", [role.officer("tourism")], null);
    focal = await seedPerson(plane, "Fabio Focal", [role.focal("CL", "tourism")], "CL");
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("in English, staff change their authenticator: a wrong code keeps the old one, the right code switches", async () => {
    const { page, context, errors } = await openPage(browser, plane.url);
    await signIn(page, plane, officer);
    await page.locator("header").getByRole("link", { name: "Account", exact: true }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    await page.getByText("On: signing in needs a code").waitFor();
    await page.getByText("cannot be turned off").waitFor();
    expect(await page.getByRole("button", { name: "Turn off" }).count()).toBe(0);

    await page.getByRole("button", { name: "Change authenticator" }).click();
    await page.getByLabel("Current password").fill(officer.password);
    await page.getByLabel("Current code from your authenticator app").fill("000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("The password or the current 6-digit code is not correct.").waitFor();
    await page.getByLabel("Current code from your authenticator app").fill(freshCode(plane, officer.totpSecret!));
    await page.getByRole("button", { name: "Continue" }).click();
    await qrShown(page);
    const fresh = (await page.getByTestId("totp-secret").textContent())!.trim();
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/);

    await page.getByLabel("Code from the new set-up").fill(freshCode(plane, officer.totpSecret!)); // the old app's code
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByText("The 6-digit code is not correct.").waitFor();
    await page.getByLabel("Code from the new set-up").fill(freshCode(plane, fresh));
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByText("Done: your authenticator app now signs you in.").waitFor();

    const login = (code: string) => api(plane, "POST", "/api/auth/login", { body: { email: officer.email, password: officer.password, totp: code } });
    expect((await login(freshCode(plane, officer.totpSecret!))).status).toBe(401);
    expect((await login(freshCode(plane, fresh))).status).toBe(200);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("in Spanish on a phone, a focal point turns it on with a QR code", async () => {
    const { page, context, errors } = await openPage(browser, plane.url, { viewport: PHONE });
    await signIn(page, plane, focal);
    await useLanguage(page, "es");
    await openMenu(page); // on a phone the account link is behind the menu button
    await page.locator("header").getByRole("link", { name: "Cuenta", exact: true }).click();
    await page.getByRole("heading", { name: "Su cuenta" }).waitFor();
    await page.getByText("Desactivado: para iniciar sesión basta su contraseña.").waitFor();
    await page.getByRole("button", { name: "Activar" }).click();
    await page.getByLabel("Contraseña actual").fill(focal.password);
    await page.getByRole("button", { name: "Continuar" }).click();
    await qrShown(page);
    await settled(page);
    expect(await untranslatedStrings(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, "account-phone-es");
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await page.getByLabel("Código de la nueva configuración").fill(freshCode(plane, secret));
    await page.getByRole("button", { name: "Confirmar" }).click();
    await page.getByText("Listo: su aplicación de autenticación ya le permite iniciar sesión.").waitFor();
    await page.getByTestId("totp-status").getByText("Activado").waitFor();
    await screenshot(page, "account-phone-es-on");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("enrollment shows the QR code of the otpauth URI beside the secret, and a code from it activates the account", async () => {
    const coord = await actor(plane, [role.coordinator("CL")], "CL");
    const officer2 = await actor(plane, [role.officer("tourism")], null);
    const nom = await api(plane, "POST", "/api/nominations", {
      token: coord.token,
      body: {
        email: "nueva@e2e.example.org",
        fullName: "Nueva Persona",
        memberState: "CL",
        roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }],
      },
    });
    const appr = await api(plane, "POST", `/api/people/${nom.body.id}/approve`, { token: officer2.token, body: { reason: "ok" } });
    const { page, context, errors } = await openPage(browser, `${plane.url}/#/enroll/${appr.body.enrollment.token}`, { viewport: PHONE });
    await qrShown(page);
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await screenshot(page, "enroll-qr-phone-en");
    await page.getByLabel("New password").fill("a long enough passphrase");
    await page.getByLabel("Repeat the password").fill("a long enough passphrase");
    await page.getByLabel("Authenticator code").fill(freshCode(plane, secret));
    await page.getByRole("button", { name: "Activate my account" }).click();
    await page.locator("header nav").waitFor({ state: "attached" }); // signed in (on a phone the nav sits behind the menu)
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
