// Every screen passes axe-core with no serious or critical violation, in English and Spanish, at
// laptop and phone width, seen by the people who use it: sign-in and enrollment (nobody signed in),
// a focal point, a national coordinator, a Secretariat officer (who also walks the messaging
// screens: first run and recovery key, home, each kind of room, an incident thread, coverage, the
// library, a major event's expertise, a second device's restore) and an administrator; and the
// screens of daily work: the conversations list and a direct conversation, an alert's open thread
// with its reply box, the major-event form (new, with errors, editing), an advisory written in two
// languages (its composer and its card), and the account page's recovery-key change.
// Violations are collected over a whole walk and listed together, so one run shows all of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { actor, api, role, type TestPlane } from "../helpers/control-plane.js";
import { openPage, LAPTOP, PHONE, type OpenedPage } from "../helpers/browser.js";
import { expectAccessible } from "../helpers/axe.js";
import { seedPerson, signIn, settled, openMenu, go, useLanguage, keySavedAndRoomsShown, sendIncident, openRoom, readyToMessage, type Person } from "./steps.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";

const LANGS = ["en", "es"] as const;
const WIDTHS = { laptop: LAPTOP, phone: PHONE } as const;

describe("web client: accessibility of every screen (axe-core)", () => {
  let stack: MessagingStack | undefined;
  let plane: TestPlane;
  let browser: Browser;
  let admin: Person, coordinator: Person, officer: Person, focal: Person;
  let enrollPath: string;
  let eventId: string;
  const opened: OpenedPage[] = [];
  let checked = 0;
  /** Minor and moderate findings, which do not fail a screen: counted, and printed at the end. */
  const lesser = new Map<string, number>();

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ browser, plane } = stack);
    admin = await seedPerson(plane, "Alicia Admin", [role.admin()], null);
    coordinator = await seedPerson(plane, "Camila Coordinadora", [role.coordinator("CL")], "CL");
    // Tourism has a network and an advisories room; crowded spaces gives the planning cells.
    officer = await seedPerson(plane, "Oscar Officer", [role.officer("tourism"), role.officer("crowded-spaces")], null);
    focal = await seedPerson(plane, "Felipe Focal", [role.focal("CL", "tourism")], "CL");
    // A nomination waiting in the queue, one approved (for the enrollment screen), and a major event.
    const c = await actor(plane, [role.coordinator("CL")], "CL");
    const o = await actor(plane, [role.officer("tourism")], null);
    const ids: string[] = [];
    for (const [email, fullName] of [
      ["rosa@e2e.example.org", "Rosa Rodríguez"],
      ["tomas@e2e.example.org", "Tomás Torres"],
    ]) {
      const r = await api(plane, "POST", "/api/nominations", {
        token: c.token,
        body: { email, fullName, memberState: "CL", roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }] },
      });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const approved = await api(plane, "POST", `/api/people/${ids[1]}/approve`, { token: o.token, body: { reason: "Vetted" } });
    enrollPath = new URL(approved.body.enrollment.url).hash;
    const a = await actor(plane, [role.admin()], null);
    const ev = await api(plane, "POST", "/api/events", {
      token: a.token,
      body: {
        name: "Caribbean Cricket Championship 2027",
        hostState: "JM",
        startsOn: "2027-03-01",
        endsOn: "2027-03-21",
        venueType: "stadium",
        supportingStates: ["CL"],
      },
    });
    expect(ev.status).toBe(201);
    eventId = ev.body.id;
  }, 300_000);
  afterAll(async () => {
    for (const p of opened) await p.context.close().catch(() => {});
    await stack?.close();
    console.log(`accessibility: ${checked} checks (screen × language × width)`);
    console.log(`accessibility: minor or moderate findings (not failing): ${JSON.stringify(Object.fromEntries(lesser))}`);
  });

  async function open(url = plane.url) {
    const p = await openPage(browser, url, { viewport: LAPTOP });
    opened.push(p);
    return p;
  }

  /**
   * The screen as it is now, in each language at each width; returns the failures (an empty list
   * when all pass). Ends in English at laptop width, as the walk goes on from there.
   */
  async function check(page: Page, screen: string): Promise<string[]> {
    const failures: string[] = [];
    for (const lng of LANGS) {
      await useLanguage(page, lng);
      for (const [width, viewport] of Object.entries(WIDTHS)) {
        await page.setViewportSize(viewport);
        await settled(page);
        failures.push(...(await axeOnce(page, `${screen} (${lng}, ${width})`)));
      }
    }
    await page.setViewportSize(LAPTOP);
    await useLanguage(page, "en");
    return failures;
  }

  async function axeOnce(page: Page, label: string): Promise<string[]> {
    checked++;
    try {
      for (const v of await expectAccessible(page, label)) {
        const key = `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(", ")}`;
        lesser.set(key, (lesser.get(key) ?? 0) + 1);
      }
      return [];
    } catch (e) {
      return [(e as Error).message];
    }
  }

  async function visit(page: Page, hash: string, screen: string) {
    await page.goto(`${plane.url}/#/${hash}`);
    await page.locator("main h1").first().waitFor();
    return check(page, screen);
  }

  it("the check itself: a page with an unlabelled field, faint text and a nameless button fails, naming them", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(
      '<html lang="en"><body><main><h1>Bad</h1><p style="color:#bbb;background:#fff">Faint text</p><input id="q"><button id="b"></button></main></body></html>',
    );
    const message = await expectAccessible(page, "bad page").then(
      () => "passed",
      (e: Error) => e.message,
    );
    expect(message).toMatch(/^bad page: \d+ serious or critical/);
    for (const part of ["color-contrast (serious)", "label (critical)", "button-name (critical)", "#q", "#b"]) expect(message).toContain(part);
    await context.close();
  });

  it("sign-in, the second-factor step and enrollment", async () => {
    const failures: string[] = [];
    const anon = await open();
    await anon.page.locator("input[name=email]").waitFor();
    failures.push(...(await check(anon.page, "sign-in")));
    await anon.page.locator("input[name=email]").fill(admin.email);
    await anon.page.locator("input[name=password]").fill(admin.password);
    await anon.page.locator("main button[type=submit]").click();
    await anon.page.locator("input[name=totp]").waitFor();
    failures.push(...(await check(anon.page, "sign-in code")));
    // A refused sign-in shows its error in the form.
    await anon.page.locator("input[name=totp]").fill("000000");
    await anon.page.locator("main button[type=submit]").click();
    await anon.page.locator("main [role=alert]").waitFor();
    failures.push(...(await check(anon.page, "sign-in refused")));

    const enroll = await open(`${plane.url}/${enrollPath}`);
    await enroll.page.getByText("This link is for Tomás Torres").waitFor();
    failures.push(...(await check(enroll.page, "enrollment")));
    expect(failures.join("\n\n")).toBe("");
    expect([...anon.errors, ...enroll.errors]).toEqual([]);
  }, 300_000);

  it("a focal point's and a coordinator's screens", async () => {
    const failures: string[] = [];
    const f = await open();
    await signIn(f.page, plane, focal);
    await f.page.locator("main h1").waitFor();
    failures.push(...(await check(f.page, "home (focal point, before setting up messaging)")));
    failures.push(...(await visit(f.page, "directory", "directory and my expertise (focal point)")));
    failures.push(...(await visit(f.page, "events", "events (focal point)")));
    failures.push(...(await visit(f.page, `events/${encodeURIComponent(eventId)}/expertise`, "event expertise (focal point)")));
    failures.push(...(await visit(f.page, "notifications", "notification settings (focal point)")));
    failures.push(...(await visit(f.page, "account", "account (focal point)")));
    // Turning the second factor on: confirm it is you, then the QR code and the code field.
    await f.page.locator("main").getByRole("button", { name: "Turn on" }).click();
    await f.page.getByLabel("Current password").fill(focal.password);
    failures.push(...(await check(f.page, "account, confirming it is you (focal point)")));
    await f.page.locator("main").getByRole("button", { name: "Continue" }).click();
    await f.page.getByLabel("Code from the new set-up").waitFor();
    failures.push(...(await check(f.page, "account, QR code and new code (focal point)")));

    const co = await open();
    await signIn(co.page, plane, coordinator);
    await co.page.locator("main h1").waitFor();
    failures.push(...(await check(co.page, "home (coordinator)")));
    await co.page.goto(`${plane.url}/#/state`);
    await co.page.locator("main table").waitFor();
    failures.push(...(await check(co.page, "nominate and roster (coordinator)")));
    expect(failures.join("\n\n")).toBe("");
    expect([...f.errors, ...co.errors]).toEqual([]);
  }, 300_000);

  it("an administrator's and an officer's consoles", async () => {
    const failures: string[] = [];
    const adm = await open();
    await signIn(adm.page, plane, admin);
    await adm.page.locator("main h1").waitFor();
    failures.push(...(await check(adm.page, "home (administrator)")));
    for (const screen of ["people", "revetting", "audit", "directory", "events", "notifications", "account"]) {
      failures.push(...(await visit(adm.page, screen, `${screen} (administrator)`)));
    }
    // The phone menu, open: the whole navigation of the person with the most screens.
    for (const lng of LANGS) {
      await useLanguage(adm.page, lng);
      await adm.page.setViewportSize(PHONE);
      await openMenu(adm.page);
      await adm.page.locator("header nav").waitFor();
      failures.push(...(await axeOnce(adm.page, `phone menu open (${lng})`)));
      await adm.page.keyboard.press("Escape");
      await adm.page.setViewportSize(LAPTOP);
    }
    await useLanguage(adm.page, "en");
    // A person's suspend form, with its reason field.
    await adm.page.goto(`${plane.url}/#/people`);
    await adm.page.locator("main").getByRole("button", { name: "Suspend" }).first().click();
    await adm.page.locator("main").getByLabel("Reason").first().waitFor();
    failures.push(...(await check(adm.page, "people, suspending (administrator)")));

    const off = await open();
    await signIn(off.page, plane, officer);
    await off.page.goto(`${plane.url}/#/nominations`);
    const row = off.page.locator('tr[data-person="rosa@e2e.example.org"]');
    await row.waitFor();
    failures.push(...(await check(off.page, "nomination queue (officer)")));
    await row.getByRole("button", { name: "Approve" }).click();
    await row.getByLabel("Reason").waitFor();
    failures.push(...(await check(off.page, "nomination queue, approving (officer)")));
    for (const screen of ["people", "revetting", "audit"]) failures.push(...(await visit(off.page, screen, `${screen} (officer)`)));
    expect(failures.join("\n\n")).toBe("");
    expect([...adm.errors, ...off.errors]).toEqual([]);
  }, 600_000);

  it("messaging: first run and recovery key, home, every kind of room, an incident, coverage, the library, restore", async () => {
    const failures: string[] = [];
    const off = await open();
    const page = off.page;
    await signIn(page, plane, officer);
    await page.getByRole("link", { name: "Set up now" }).waitFor({ timeout: 90_000 });
    failures.push(...(await check(page, "home, messaging not set up (officer)")));
    await page.getByRole("link", { name: "Set up now" }).click();
    await page.getByRole("button", { name: "Create my keys and recovery key" }).waitFor();
    failures.push(...(await check(page, "first run")));
    await page.getByRole("button", { name: "Create my keys and recovery key" }).click();
    await page.getByLabel("Recovery key", { exact: true }).waitFor({ timeout: 60_000 });
    failures.push(...(await check(page, "first run: the recovery key")));
    // Leaving before confirming the key is saved is held, with a notice.
    await page.locator('a[href^="#/"]:not(.skip):visible').first().click();
    await page.getByTestId("recovery-key-held").waitFor();
    failures.push(...(await check(page, "first run: leaving the recovery key is held")));
    await keySavedAndRoomsShown(page);
    await page.locator(`li[data-room-key="cell:${eventId}"]`).waitFor({ timeout: 90_000 });
    failures.push(...(await check(page, "home with rooms (officer)")));

    // The network room, its composer open, and an incident reported there with its thread.
    const composer = await openRoom(page, "network:tourism");
    failures.push(...(await check(page, "network room")));
    await composer.getByRole("button", { name: "New alert" }).click();
    await composer.getByLabel("Title").waitFor();
    failures.push(...(await check(page, "network room, alert form")));
    await composer.getByRole("button", { name: "Send alert" }).click();
    await composer.locator("[aria-invalid=true]").first().waitFor();
    failures.push(...(await check(page, "network room, alert form with errors")));
    await page.reload();
    await page.locator("section.composer").waitFor({ timeout: 60_000 });
    await sendIncident(page.locator("section.composer"), {
      title: "Unattended bag at the metro station",
      what: "A bag left at gate 3",
      where: "Metro station",
      when: "2030-06-20T08:30",
    });
    const card = page.locator("article[data-kind=incident]").filter({ hasText: "Unattended bag at the metro station" });
    await card.waitFor({ timeout: 60_000 });
    failures.push(...(await check(page, "network room with an incident")));
    await card.getByRole("link", { name: "Open the incident thread" }).click({ timeout: 60_000 });
    await page.locator(".incident-status").waitFor({ timeout: 60_000 });
    failures.push(...(await check(page, "incident thread")));

    // The advisories room: an advisory with a deadline, then its coverage (with the map).
    await openRoom(page, "advisories:tourism");
    failures.push(...(await check(page, "advisories room")));
    await composer.getByRole("button", { name: "New advisory" }).click({ timeout: 30_000 });
    await composer.getByLabel("Title").fill("Phishing wave against ticket buyers");
    failures.push(...(await check(page, "advisories room, advisory form")));
    await composer.getByLabel("Text", { exact: true }).fill("Do not follow links in unsolicited ticket offers.");
    await composer.getByLabel("Traffic Light Protocol (TLP)").selectOption("GREEN");
    await composer.getByLabel("Acknowledge by").fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16));
    await composer.getByRole("button", { name: "Publish advisory" }).click();
    await composer.getByText(/Advisory tourism #\d+ published/).waitFor({ timeout: 60_000 });
    const advisory = page.locator("article[data-kind=advisory]").filter({ hasText: "Phishing wave against ticket buyers" });
    await advisory.waitFor({ timeout: 60_000 });
    failures.push(...(await check(page, "advisories room with an advisory")));
    await advisory.getByRole("link", { name: "Acknowledgement coverage" }).click({ timeout: 30_000 });
    await expect.poll(() => page.locator("table.coverage tbody tr").count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId("coverage-map").waitFor({ timeout: 30_000 });
    failures.push(...(await check(page, "coverage")));

    await openRoom(page, `cell:${eventId}`);
    failures.push(...(await check(page, "planning cell")));
    failures.push(...(await visit(page, "library", "library")));
    failures.push(...(await visit(page, `events/${encodeURIComponent(eventId)}/expertise`, "event expertise (officer)")));
    failures.push(...(await visit(page, "notifications", "notification settings (officer, messaging set up)")));
    failures.push(...(await visit(page, "account", "account (officer)")));

    // A second device of the same person: the recovery-key restore screen.
    const second = await open();
    await signIn(second.page, plane, officer);
    await second.page.getByRole("link", { name: "Use my recovery key" }).click({ timeout: 90_000 });
    await second.page.getByLabel("Recovery key", { exact: true }).waitFor();
    failures.push(...(await check(second.page, "restore with the recovery key")));
    await second.page.getByLabel("Recovery key", { exact: true }).fill("not a recovery key");
    await second.page.getByRole("button", { name: "Restore on this device" }).click();
    await second.page.locator("main [role=alert]").waitFor({ timeout: 30_000 });
    failures.push(...(await check(second.page, "restore refused")));
    expect(failures.join("\n\n")).toBe("");
    expect([...off.errors, ...second.errors]).toEqual([]);
  }, 900_000);

  it("daily work: conversations, an alert thread with its reply box, the major-event form, a two-language advisory, the recovery-key change", async () => {
    const failures: string[] = [];
    const olga = await seedPerson(plane, "Olga Oficial", [role.officer("tourism"), role.officer("crowded-spaces")], null);
    const dora = await seedPerson(plane, "Dora Directa", [role.focal("CL", "tourism")], "CL");
    const juan = await seedPerson(plane, "Juan Par", [role.focal("JM", "tourism")], "JM");
    const [d, j] = await Promise.all([readyToMessage(browser, plane, dora), readyToMessage(browser, plane, juan)]);
    opened.push(d, j);

    // A direct conversation, started from the directory, with a message in it; then the list.
    await go(d.page, "Expertise directory");
    await d.page.getByRole("button", { name: "Contact Juan Par in a direct conversation" }).click({ timeout: 30_000 });
    await d.page.getByRole("heading", { name: "Conversation with Juan Par" }).waitFor({ timeout: 90_000 });
    const box = d.page.getByTestId("message-box");
    await box.getByLabel("Message").fill("Hola Juan — **can we talk** about Saturday's match?");
    await box.getByRole("button", { name: "Send" }).click();
    await box.getByText("Sent, end-to-end encrypted.").waitFor({ timeout: 60_000 });
    await d.page.locator("article[data-kind=message]").filter({ hasText: "can we talk" }).getByTestId("trust").waitFor({ timeout: 60_000 });
    failures.push(...(await check(d.page, "direct conversation")));
    await go(d.page, "Conversations");
    await d.page.getByTestId("conversation-list").getByRole("link", { name: "Conversation with Juan Par" }).waitFor({ timeout: 60_000 });
    failures.push(...(await check(d.page, "conversations list")));

    // An alert in the network room, its thread open with a reply and the reply box.
    const composer = await openRoom(d.page, "network:tourism");
    const title = "Cruise ship phishing wave";
    await composer.getByRole("button", { name: "New alert" }).click();
    await composer.getByLabel("Title").fill(title);
    await composer.getByLabel("Summary").fill("Passengers receive fake refund e-mails.");
    await composer.getByLabel("Severity").selectOption("medium");
    await composer.getByLabel("Category").selectOption("cyber");
    await composer.getByRole("checkbox", { name: "Jamaica" }).check();
    await composer.getByLabel("Valid until").fill("2030-06-30T18:00");
    await composer.getByLabel("Source reliability").selectOption("B");
    await composer.getByLabel("Information credibility").selectOption("2");
    await composer.getByRole("button", { name: "Send alert" }).click();
    await composer.getByText("Sent, end-to-end encrypted.").waitFor({ timeout: 60_000 });
    await composer.getByRole("button", { name: "Close" }).click();
    const alert = d.page.locator("li").filter({ has: d.page.locator("article[data-kind=alert]", { hasText: title }) });
    await alert.getByRole("button", { name: "Reply" }).click({ timeout: 60_000 });
    await alert.getByText("No replies yet.").waitFor();
    const reply = alert.getByTestId("reply-box");
    await reply.getByLabel("Your reply").fill("Seen here too: *two* ships in Montego Bay.");
    await reply.getByRole("button", { name: "Send" }).click();
    await reply.getByText("Sent, end-to-end encrypted.").waitFor({ timeout: 60_000 });
    await alert.locator("li.reply").filter({ hasText: "Seen here too" }).getByTestId("trust").waitFor({ timeout: 60_000 });
    failures.push(...(await check(d.page, "alert thread with a reply and the reply box")));

    // The officer: the major-event form, new (empty, then with its errors) and editing.
    const o = await readyToMessage(browser, plane, olga);
    opened.push(o);
    await go(o.page, "Major events");
    await o.page.getByRole("button", { name: "New major event" }).click();
    const form = o.page.getByRole("form", { name: "Register a major event" });
    await form.waitFor();
    failures.push(...(await check(o.page, "major event form")));
    await form.getByRole("button", { name: "Register event" }).click();
    await form.getByText("Not saved: check the marked fields.").waitFor();
    failures.push(...(await check(o.page, "major event form with errors")));
    await o.page.reload();
    await o.page.getByRole("button", { name: "Edit Caribbean Cricket Championship 2027" }).click({ timeout: 30_000 });
    await o.page.getByRole("form", { name: "Edit: Caribbean Cricket Championship 2027" }).waitFor();
    failures.push(...(await check(o.page, "major event form, editing")));

    // An advisory in English and Spanish: the composer with both versions, then the card with its switch.
    const advisories = await openRoom(o.page, "advisories:tourism");
    await advisories.getByRole("button", { name: "New advisory" }).click({ timeout: 30_000 });
    await advisories.getByLabel("Title", { exact: true }).fill("Heightened threat to fan zones");
    await advisories.getByLabel("Text", { exact: true }).fill("Review **vehicle barrier** placement before the final.");
    await advisories.getByLabel("Traffic Light Protocol (TLP)").selectOption("GREEN");
    await advisories.getByLabel("Acknowledge by").fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16));
    await advisories.getByRole("button", { name: "Add a version in Spanish" }).click();
    await advisories.getByLabel("Title (Spanish)").fill("Amenaza elevada en las zonas de aficionados");
    await advisories.getByLabel("Text (Spanish)").fill("Revisen la ubicación de las **barreras para vehículos** antes de la final.");
    failures.push(...(await check(o.page, "advisory form with two language versions")));
    await advisories.getByRole("button", { name: "Publish advisory" }).click();
    await advisories.getByText(/Advisory tourism #\d+ published/).waitFor({ timeout: 60_000 });
    const card = o.page.locator("article[data-kind=advisory]").filter({ hasText: "Heightened threat to fan zones" });
    await card.getByText("Signed by the Secretariat (verified), all 2 language versions").waitFor({ timeout: 60_000 });
    failures.push(...(await check(o.page, "advisory with two language versions")));

    // The account page: changing the recovery key shows the new key and its confirmation.
    await openMenu(o.page);
    await o.page.locator("header").getByRole("link", { name: "Account", exact: true }).click();
    await o.page.getByRole("button", { name: "Change recovery key" }).click({ timeout: 30_000 });
    await o.page.getByRole("heading", { name: "Your new recovery key" }).waitFor({ timeout: 30_000 });
    failures.push(...(await check(o.page, "account, changing the recovery key")));

    expect(failures.join("\n\n")).toBe("");
    expect([...d.errors, ...j.errors, ...o.errors]).toEqual([]);
  }, 900_000);
});
