// In real browsers against a real control plane and Synapse: a focal point of Chile sends an alert
// with an attached file to the Tourism network room; a peer of Jamaica opens it, downloads the
// attachment, which is decrypted and integrity-checked on their device, and gets the same bytes.
// Then a lessons-learned document goes the same way through the composer and the Library search,
// shared while Juan's browser cannot reach the homeserver: he is told, and gets it once it is back.
import { withTransaction } from "#server/db/pool.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { role, type TestPlane } from "../helpers/control-plane.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";
import { insertEvent } from "#server/domain/events/repo.js";
import { PHONE, LAPTOP, type OpenedPage } from "../helpers/browser.js";
import { seedPerson, go, overflowsHorizontally, visibleStrings, sendIncident, type Person, readyToMessage, openRoom, download } from "./steps.js";
import { en } from "../../client/src/i18n/locales/en/index.js";

// i18next shows a missing translation as its key ("compose.err.required") or with "{{…}}" left in.
const keysOf = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keysOf(v, `${prefix}${k}.`)));
const KEYS = keysOf(en).map((k) => k.replace(/_(one|other)$/, ""));
async function untranslated(page: Page) {
  return (await visibleStrings(page)).filter((s) => /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)+$/.test(s) || s.includes("{{") || KEYS.some((k) => s.includes(k)));
}

describe("web client: an alert with an attached document, and the library", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;
  let files: string;
  let ana: Person, juan: Person;
  let a: OpenedPage, j: OpenedPage;

  beforeAll(async () => {
    [stack, files] = await Promise.all([startMessagingStack(), mkdtemp(join(tmpdir(), "enlace-e2e-files-"))]);
    ({ browser, plane } = stack);
    ana = await seedPerson(plane, "Ana Alerta", [role.focal("CL", "tourism")], "CL");
    juan = await seedPerson(plane, "Juan Par", [role.focal("JM", "tourism")], "JM");
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it("a focal point sends an alert with an attachment; a peer of another state downloads and decrypts the same bytes", async () => {
    [a, j] = await Promise.all([readyToMessage(browser, plane, ana), readyToMessage(browser, plane, juan)]);
    const attachment = randomBytes(300_000);
    const title = "Drone flights over the fan zone";

    // Ana composes in the Tourism network room: the TLP selector stops at the room's ceiling.
    const composer = await openRoom(a.page, "network:tourism");
    await composer.getByRole("button", { name: "New alert" }).click();
    const tlp = composer.getByLabel("Traffic Light Protocol (TLP)");
    expect(await tlp.locator("option").allTextContents()).toEqual(["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER"]);
    expect(await composer.getByText("This room accepts up to TLP:AMBER.").count()).toBe(1);

    // Sending an empty form names the missing fields next to them; nothing is sent.
    await composer.getByRole("button", { name: "Send alert" }).click();
    await composer.getByLabel("Title").and(a.page.locator("[aria-invalid=true]")).waitFor();
    expect(await composer.locator(".field-error").allTextContents()).toEqual(
      expect.arrayContaining(["Required.", "Enter a valid date.", "Choose one of the options."]),
    );

    // A file over the 50 MiB limit is refused at once, with its size and the limit.
    const big = join(files, "too-big.zip");
    await writeFile(big, "");
    await truncate(big, 51 * 1024 * 1024);
    const attachments = composer.getByLabel("Attachments (optional)");
    await attachments.setInputFiles(big);
    await composer.getByText("too-big.zip is 51 MiB: too large, the limit is 50 MiB.").waitFor();
    await composer.getByRole("button", { name: "Remove too-big.zip" }).click();

    await tlp.selectOption("AMBER");
    await composer.getByLabel("Title").fill(title);
    await composer.getByLabel("Summary").fill("Two small drones were seen over the fan zone on two evenings.\nPolice informed.");
    await composer.getByLabel("Severity").selectOption("high");
    await composer.getByLabel("Category").selectOption("drone");
    await composer.getByRole("checkbox", { name: "Jamaica" }).check();
    await composer.getByLabel("Valid until").fill("2030-06-30T18:00");
    await composer.getByLabel("Source reliability").selectOption("B");
    await composer.getByLabel("Information credibility").selectOption("2");
    await attachments.setInputFiles({ name: "drone-photos.bin", mimeType: "application/octet-stream", buffer: attachment });
    await composer.getByRole("button", { name: "Send alert" }).click();
    await composer.getByText("Sent, end-to-end encrypted.").waitFor({ timeout: 60_000 });

    // The room with its composer fits a phone.
    await a.page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(a.page)).toBe(false);
    await a.page.setViewportSize(LAPTOP);

    // Juan, of Jamaica, opens the alert in the same room and downloads the attachment.
    await openRoom(j.page, "network:tourism");
    const card = j.page.locator("article[data-kind=alert]").filter({ hasText: title });
    await card.waitFor({ timeout: 60_000 });
    expect(await card.locator(".tlp").first().textContent()).toBe("TLP:AMBER");
    const got = await download(j.page, card.getByRole("button", { name: "Download drone-photos.bin" }));
    expect(got.name).toBe("drone-photos.bin");
    expect(got.bytes.equals(attachment)).toBe(true);
    await card.getByText("drone-photos.bin downloaded: decrypted on this device and its integrity verified.").waitFor();

    expect([...a.errors, ...j.errors]).toEqual([]);

    // Juan's browser loses the homeserver (the control plane still answers): a banner says so, within
    // the sync's long poll; Ana's document, shared meanwhile, reaches him once the homeserver is back.
    await j.context.route(/\/_matrix\//, (route) => route.abort("connectionrefused"));
    const lost = j.page.getByTestId("homeserver-lost");
    await lost.getByText("Secure messaging cannot reach its server.", { exact: false }).waitFor({ timeout: 60_000 });

    // A lessons-learned document, shared with a visible upload, found by Juan in the Library.
    const lessons = randomBytes(1_500_000);
    await composer.getByRole("button", { name: "New lessons-learned document" }).click();
    await composer.getByLabel("File", { exact: true }).setInputFiles({ name: "lecciones-final.pdf", mimeType: "application/pdf", buffer: lessons });
    await composer.getByLabel("Title").fill("Staggered entry at the final");
    await composer.getByLabel("Event", { exact: true }).fill("Copa América 2024 final");
    await composer.getByLabel("Date").fill("2024-07-14");
    await composer.getByLabel("Topics").fill("crowd management, stadium entry");
    await composer.getByLabel("Language of the document").selectOption("es");
    await composer.getByLabel("Summary").fill("Opening the gates in waves halved the queues.");
    // A slow uplink (Chromium's network emulation) so the upload's progress bar can be watched.
    const cdp = await a.context.newCDPSession(a.page);
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400_000 });
    await composer.getByRole("button", { name: "Share document" }).click();
    const bar = composer.getByRole("progressbar", { name: "Upload progress of lecciones-final.pdf" });
    await bar.waitFor({ timeout: 30_000 });
    await expect.poll(async () => Number(await bar.getAttribute("value")), { timeout: 30_000 }).toBeGreaterThan(0);
    await composer.getByText("lecciones-final.pdf shared, end-to-end encrypted.").waitFor({ timeout: 60_000 });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await j.context.unroute(/\/_matrix\//);
    await lost.getByRole("button", { name: "Retry now" }).click();
    await lost.waitFor({ state: "detached", timeout: 30_000 });
    await go(j.page, "Library");
    await j.page.getByRole("heading", { name: "Library" }).waitFor();
    const doc = j.page.locator('li[data-document="lecciones-final.pdf"]');
    await doc.waitFor({ timeout: 60_000 });
    await j.page.getByLabel("Search").fill("stadium spanish");
    await j.page.getByText("1 document", { exact: true }).waitFor();
    await j.page.getByLabel("Search").fill("cyber");
    await j.page.getByText("No document matches this search.").waitFor();
    await j.page.getByLabel("Search").fill("COPA america");
    const saved = await download(j.page, doc.getByRole("button", { name: "Download lecciones-final.pdf" }));
    expect(saved.bytes.equals(lessons)).toBe(true);

    await j.page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(j.page)).toBe(false);
    await j.page.setViewportSize(LAPTOP);
    expect([...a.errors, ...j.errors]).toEqual([]);
  }, 300_000);

  it("an incident's thread takes status updates; an expertise request gets an offer and is matched; an officer publishes a numbered advisory", async () => {
    // Ana reports an incident; Juan opens its thread from the card and posts an update.
    const composer = await openRoom(a.page, "network:tourism");
    await sendIncident(composer, {
      title: "Unattended bag at the metro station",
      what: "Area cordoned off, bomb squad on site.",
      where: "Estación Baquedano, Santiago",
      when: "2030-06-20T08:30",
    });

    await openRoom(j.page, "network:tourism");
    const card = j.page.locator("article[data-kind=incident]").filter({ hasText: "Unattended bag at the metro station" });
    await card.getByRole("link", { name: "Open the incident thread" }).click({ timeout: 60_000 });
    await j.page.getByRole("heading", { name: /Unattended bag at the metro station/ }).waitFor({ timeout: 30_000 });
    await j.page.getByText("Current status: Ongoing").waitFor();
    await j.page.getByText("No updates yet.").waitFor();
    await j.page.getByLabel("New status").selectOption("contained");
    await j.page.getByLabel("Update", { exact: true }).fill("Controlled explosion; the bag held clothes.");
    await j.page.getByRole("button", { name: "Post update" }).click();
    await j.page.locator("ol.updates li").filter({ hasText: "the bag held clothes" }).waitFor({ timeout: 60_000 });
    await expect.poll(() => j.page.locator(".incident-status").getAttribute("data-status"), { timeout: 60_000 }).toBe("contained");
    // Ana, reading the same thread, sees the new status.
    const incidentUrl = j.page.url();
    await a.page.goto(incidentUrl);
    await expect.poll(() => a.page.locator(".incident-status").getAttribute("data-status"), { timeout: 60_000 }).toBe("contained");

    // A major event of the registry; Ana asks for expertise for it, Juan offers, Ana marks it matched.
    const event = await withTransaction(plane.ctx, (tx) =>
      insertEvent(tx, {
        name: "Juegos Panamericanos 2031",
        hostState: "CL",
        startsOn: "2031-07-01",
        endsOn: "2031-07-20",
        venueType: "multiple",
        supportingStates: ["JM"],
        createdBy: ana.id,
      }),
    );
    await go(a.page, "Major events");
    await a.page.getByRole("link", { name: "Expertise requests: Juegos Panamericanos 2031" }).click();
    await a.page.getByRole("heading", { name: "Expertise requests — Juegos Panamericanos 2031" }).waitFor();
    await a.page.getByLabel("Room").selectOption({ label: "Tourism Security — network" });
    const form = a.page.getByRole("form", { name: "Expertise request" });
    await form.getByLabel("Areas of expertise needed").fill("crowd management, drone countermeasures");
    await form.getByLabel("Form", { exact: true }).selectOption("on_site");
    await form.getByLabel("Reply by").fill("2031-05-01T12:00");
    await form.getByRole("button", { name: "Send request" }).click();
    await form.getByText("Sent, end-to-end encrypted.").waitFor({ timeout: 60_000 });
    const mine = a.page.locator("li.request").filter({ hasText: "crowd management" });
    await mine.getByText("Open", { exact: true }).waitFor({ timeout: 60_000 });

    await j.page.goto(`${plane.url}/#/events/${event.id}/expertise`);
    const theirs = j.page.locator("li.request").filter({ hasText: "crowd management" });
    await theirs.getByRole("button", { name: "Offer expertise" }).click({ timeout: 60_000 });
    await theirs.getByLabel("Areas you offer").fill("drone countermeasures");
    await theirs.getByLabel("Availability").fill("June 2031, two weeks on site");
    await theirs.getByRole("button", { name: "Send offer" }).click();
    await theirs.getByText("1 offer", { exact: true }).waitFor({ timeout: 60_000 });

    await mine.getByText("1 offer", { exact: true }).waitFor({ timeout: 60_000 });
    await mine.getByRole("button", { name: "Mark as matched" }).click();
    await mine.getByText("Matched", { exact: true }).waitFor({ timeout: 60_000 });
    await theirs.getByText("Matched", { exact: true }).waitFor({ timeout: 60_000 });
    expect(await a.page.getByRole("link", { name: "Search the expertise directory" }).getAttribute("href")).toBe("#/directory");
    await a.page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(a.page)).toBe(false);
    await a.page.setViewportSize(LAPTOP);

    // A Secretariat officer publishes an advisory from the composer: numbered and countersigned.
    const oscar = await seedPerson(plane, "Oscar Oficial", [role.officer("tourism")], null);
    const o = await readyToMessage(browser, plane, oscar);
    const advisory = await openRoom(o.page, "advisories:tourism");
    // The only kind offered there, closed until asked for: the timeline comes first.
    expect(await advisory.getByRole("button", { name: /^New / }).allTextContents()).toEqual(["New advisory"]);
    expect(await advisory.getByLabel("Title").count()).toBe(0);
    await advisory.getByRole("button", { name: "New advisory" }).click();
    await advisory.getByLabel("Title").fill("Review barrier placement at fan zones");
    await advisory.getByLabel("Text", { exact: true }).fill("Member states hosting fan zones should review *vehicle barrier* placement.");
    await advisory.getByRole("button", { name: "Publish advisory" }).click();
    await advisory.getByText("An advisory that requires acknowledgement needs a deadline.").waitFor();
    await advisory.getByLabel("Acknowledge by").fill("2030-12-31T18:00");
    await advisory.getByRole("button", { name: "Publish advisory" }).click();
    await advisory.getByText("Advisory tourism #1 published and countersigned by the Secretariat.").waitFor({ timeout: 60_000 });
    // Ana (a focal point) is offered no composer in the advisories room.
    await go(a.page, "Home");
    await a.page.locator('li[data-room-key="advisories:tourism"] a').click({ timeout: 60_000 });
    await a.page.getByText("Only Secretariat officers of this program publish here.", { exact: false }).waitFor();
    const advisoryCard = a.page.locator("article[data-kind=advisory]").filter({ hasText: "Review barrier placement at fan zones" });
    await advisoryCard.waitFor({ timeout: 60_000 });
    // The body's Markdown renders (the composer promises it).
    await expect.poll(() => advisoryCard.locator(".markdown em").textContent(), { timeout: 60_000 }).toBe("vehicle barrier");

    // The composers (with field errors), the library, the expertise page and the incident thread in every language.
    const inEveryLanguage = async (page: Page) => {
      for (const lng of ["es", "pt", "fr", "en"]) {
        await page.locator("header select").selectOption(lng);
        await page.waitForFunction((l) => document.documentElement.lang === l, lng);
        expect(await untranslated(page), lng).toEqual([]);
      }
    };
    await advisory.getByLabel("Acknowledge by").fill("");
    await advisory.getByRole("button", { name: "Publish advisory" }).click();
    await advisory.locator(".field-error").first().waitFor();
    await inEveryLanguage(o.page);
    const composerAgain = await openRoom(a.page, "network:tourism");
    await composerAgain.getByRole("button", { name: "New alert" }).click();
    await composerAgain.getByRole("button", { name: "Send alert" }).click();
    await composerAgain.locator(".field-error").first().waitFor();
    await inEveryLanguage(a.page);
    await a.page.goto(`${plane.url}/#/events/${event.id}/expertise`);
    await a.page.locator("li.request").first().waitFor({ timeout: 60_000 });
    await inEveryLanguage(a.page);
    await go(j.page, "Library");
    await j.page.locator('li[data-document="lecciones-final.pdf"]').waitFor({ timeout: 60_000 });
    await inEveryLanguage(j.page);
    await j.page.goto(incidentUrl);
    await j.page.locator(".incident-status").waitFor({ timeout: 60_000 });
    await inEveryLanguage(j.page);

    expect([...a.errors, ...j.errors, ...o.errors]).toEqual([]);
    await Promise.all([a.context.close(), j.context.close(), o.context.close()]);
  }, 300_000);
});
