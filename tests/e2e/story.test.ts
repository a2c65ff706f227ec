// The story so far, in a real browser: nominate → approve (four eyes) → enroll → signed in; and a
// revoked person's open session is thrown out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startTestPlane, role, type TestPlane } from "../helpers/control-plane.js";
import { buildClientForTest, launchBrowser, openPage } from "../helpers/browser.js";
import { seedPerson, signIn, go, settled, type Person } from "./steps.js";

describe("web client: vetting story", () => {
  let plane: TestPlane;
  let browser: Browser;
  let client: Awaited<ReturnType<typeof buildClientForTest>>;
  let coordinator: Person, officer: Person, otherOfficer: Person;

  beforeAll(async () => {
    client = await buildClientForTest();
    [plane, browser] = await Promise.all([startTestPlane({ staticDir: client.dir }), launchBrowser()]);
    coordinator = await seedPerson(plane, "Camila Coordinadora", [role.coordinator("CL")], "CL");
    officer = await seedPerson(plane, "Oscar Officer", [role.officer("tourism")], null);
    otherOfficer = await seedPerson(plane, "Olga Officer", [role.officer("tourism")], null);
  });
  afterAll(async () => {
    await browser?.close();
    await plane?.close();
    await client?.remove();
  });

  it("a coordinator nominates, an officer approves, the nominee enrolls and lands signed in", async () => {
    // The national coordinator (TOTP) nominates a focal point of Chile.
    const c = await openPage(browser, plane.url);
    await signIn(c.page, plane, coordinator);
    await go(c.page, "Nominate");
    await c.page.getByLabel("Full name").fill("Nadia Nominee");
    await c.page.getByLabel("Email").fill("nadia.nominee@e2e.example.org");
    await expect.poll(() => c.page.getByLabel("Member state").inputValue()).toBe("Chile");   // a coordinator's own state, fixed
    await c.page.getByRole("checkbox", { name: "Tourism Security" }).check();
    await c.page.getByRole("button", { name: "Nominate", exact: true }).click();
    await c.page.getByText("Nadia Nominee is nominated").waitFor();
    const row = c.page.locator('tr[data-person="nadia.nominee@e2e.example.org"]');
    await expect.poll(() => row.textContent()).toContain("Nominated");

    // Another person, a Secretariat officer of the program, approves with a reason.
    const o = await openPage(browser, plane.url);
    await signIn(o.page, plane, officer);
    await go(o.page, "Nomination queue");
    const queued = o.page.locator('tr[data-person="nadia.nominee@e2e.example.org"]');
    await queued.getByRole("button", { name: "Approve" }).click();
    await queued.getByLabel("Reason").fill("Vetted by the Chilean ministry");
    await queued.getByRole("button", { name: "Confirm: Approve" }).click();
    const link = await o.page.getByLabel("Enrollment link", { exact: true }).inputValue();
    expect(link).toMatch(/\/#\/enroll\/[A-Za-z0-9_-]{32,64}$/);

    // The nominee opens the link (on the test plane's address), sets a password and is signed in.
    const n = await openPage(browser, plane.url + link.slice(link.indexOf("/#/")));
    await n.page.getByText("This link is for Nadia Nominee (nadia.nominee@e2e.example.org).").waitFor();
    await n.page.getByLabel("New password").fill("a long enough passphrase");
    await n.page.getByLabel("Repeat the password").fill("a long enough passphrase");
    await n.page.getByRole("button", { name: "Activate my account" }).click();
    await n.page.getByRole("heading", { name: "Welcome, Nadia Nominee" }).waitFor();
    expect(await n.page.locator("main").textContent()).toContain("Focal point · Chile · Tourism Security");

    // The new member fills in their expertise and finds themself in the directory.
    await go(n.page, "Expertise directory");
    await n.page.getByLabel("My areas of expertise").fill("Port security, cruise terminals");
    await n.page.getByRole("checkbox", { name: "Spanish" }).check();
    await n.page.getByRole("button", { name: "Save my expertise" }).click();
    await n.page.getByText("Your expertise is saved.").waitFor();
    await n.page.getByLabel("Area of expertise").fill("cruise terminals");
    await n.page.getByRole("button", { name: "Search", exact: true }).click();
    await n.page.getByText("1 person found").waitFor();
    expect(await n.page.locator("main .cards").textContent()).toContain("Nadia Nominee");

    // Signing out ends the session; the link cannot be used twice.
    await n.page.getByRole("button", { name: "Sign out" }).click();
    await n.page.getByText("You have signed out.").waitFor();
    await n.page.goto(plane.url + link.slice(link.indexOf("/#/")));
    await n.page.getByText("This enrollment link has expired or was already used.").waitFor();

    // Back at the coordinator's roster the nominee is now active.
    await c.page.reload();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("Active");
    expect([...c.errors, ...o.errors, ...n.errors]).toEqual([]);
    await Promise.all([c.context.close(), o.context.close(), n.context.close()]);
  });

  it("four eyes: the officer who nominated sees approve disabled, with the reason", async () => {
    const o = await openPage(browser, plane.url);
    await signIn(o.page, plane, otherOfficer);
    await go(o.page, "Nominate");
    await o.page.getByLabel("Full name").fill("Pedro Propio");
    await o.page.getByLabel("Email").fill("pedro.propio@e2e.example.org");
    await o.page.getByLabel("Member state").selectOption("CL");
    await o.page.getByRole("checkbox", { name: "Tourism Security" }).check();
    await o.page.getByRole("button", { name: "Nominate", exact: true }).click();
    await o.page.getByText("Pedro Propio is nominated").waitFor();

    await go(o.page, "Nomination queue");
    const row = o.page.locator('tr[data-person="pedro.propio@e2e.example.org"]');
    const approve = row.getByRole("button", { name: "Approve" });
    await approve.waitFor();
    expect(await approve.isDisabled()).toBe(true);
    const why = row.getByTestId("cannot-approve");
    expect(await why.textContent()).toContain("four eyes");
    // The explanation is the button's description for assistive technology.
    expect(await approve.getAttribute("aria-describedby")).toBe(await why.getAttribute("id"));
    await o.context.close();
  });

  it("revocation: the focal point's open session is thrown out and cannot sign in again", async () => {
    const focal = await seedPerson(plane, "Felipe Focal", [role.focal("CL", "tourism")], "CL");
    const f = await openPage(browser, plane.url);
    await signIn(f.page, plane, focal);
    await f.page.getByRole("heading", { name: "Welcome, Felipe Focal" }).waitFor();

    const o = await openPage(browser, plane.url);
    await signIn(o.page, plane, officer);
    await go(o.page, "People");
    const row = o.page.locator(`tr[data-person="${focal.email}"]`);
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByLabel("Reason").fill("Left the ministry");
    await row.getByRole("button", { name: "Confirm: Revoke" }).click();
    await o.page.getByText("Felipe Focal: Revoked.").waitFor();

    // The focal point's next API call finds the session gone: the app shows sign-in with a message.
    await go(f.page, "Major events");
    await f.page.getByTestId("session-notice").waitFor();
    expect(await f.page.getByTestId("session-notice").textContent()).toContain("Your session has ended");
    expect(await f.page.locator("header nav").count()).toBe(0);

    await f.page.locator("input[name=email]").fill(focal.email);
    await f.page.locator("input[name=password]").fill(focal.password);
    await f.page.locator("main button[type=submit]").click();
    await f.page.getByRole("alert").filter({ hasText: "Sign-in failed" }).waitFor();
    await settled(f.page);
    expect(f.errors).toEqual([]);
    await Promise.all([f.context.close(), o.context.close()]);
  });
});
