// In real browsers against a real control plane and Synapse:
// 1. an officer publishes an advisory written in English with a Spanish version (one countersignature
//    over both); a focal point of Chile reading Enlace in Spanish sees the Spanish version first, is
//    told it is a translation, and switches to the English original; at laptop and phone width.
// 2. the same focal point exports an alert and an incident from their cards as STIX 2.1: the
//    downloaded bundle holds the alert's report with its TLP marking and passes the OASIS validator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { role } from "../helpers/control-plane.js";
import { validateStix } from "../helpers/stix-validator.js";
import { screenshot, LAPTOP, PHONE, type OpenedPage } from "../helpers/browser.js";
import { TLP2_MARKING_IDS } from "#shared/content/stix/markings.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";
import {
  seedPerson,
  go,
  readyToMessage,
  openRoom,
  download,
  useLanguage,
  untranslatedStrings,
  overflowsHorizontally,
  settled,
  sendIncident,
  type Person,
} from "./steps.js";

/** Clicks the card's export button and returns the file the browser saved, parsed. */
async function exportStix(page: Page, card: Locator) {
  const d = await download(page, card.getByRole("button", { name: "Export STIX" }));
  return { name: d.name, bundle: JSON.parse(d.bytes.toString("utf8")) };
}

type StixObject = { type: string; id: string; [k: string]: unknown };

describe("web client: advisories in several languages, STIX export", () => {
  let stack: MessagingStack;
  let officer: Person, fernanda: Person;
  let o: OpenedPage, f: OpenedPage;

  beforeAll(async () => {
    stack = await startMessagingStack();
    const { plane } = stack;
    officer = await seedPerson(plane, "Sofia Secretariat", [role.officer("tourism")], null);
    fernanda = await seedPerson(plane, "Fernanda Focal", [role.focal("CL", "tourism")], "CL");
  }, 300_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("an advisory in English and Spanish: a Spanish reader sees the Spanish first and switches to the English original", async () => {
    const title = "Heightened threat to fan zones";
    const titulo = "Amenaza elevada en las zonas de aficionados";
    // Both have a device before the advisory is sent (signing in uses expect.poll: inside a test).
    [o, f] = await Promise.all([readyToMessage(stack.browser, stack.plane, officer), readyToMessage(stack.browser, stack.plane, fernanda)]);
    const composer = await openRoom(o.page, "advisories:tourism");
    await composer.getByRole("button", { name: "New advisory" }).click({ timeout: 30_000 });
    // The original is in the interface's language unless the officer says otherwise.
    expect(await composer.getByLabel("Language of the original").inputValue()).toBe("en");
    await composer.getByLabel("Title", { exact: true }).fill(title);
    await composer.getByLabel("Text", { exact: true }).fill("Review **vehicle barrier** placement before the final.");
    await composer.getByLabel("Traffic Light Protocol (TLP)").selectOption("GREEN");
    await composer.getByLabel("Acknowledge by").fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16));
    await composer.getByRole("button", { name: "Add a version in Spanish" }).click();
    expect(await composer.getByRole("button", { name: "Add a version in Spanish" }).count()).toBe(0);
    // An empty version is refused beside its own field, before any number is reserved.
    await composer.getByRole("button", { name: "Publish advisory" }).click();
    await composer.getByLabel("Title (Spanish)").and(o.page.locator("[aria-invalid=true]")).waitFor();
    await composer.getByLabel("Title (Spanish)").fill(titulo);
    await composer.getByLabel("Text (Spanish)").fill("Revisen la ubicación de las **barreras para vehículos** antes de la final.");
    await settled(o.page);
    await screenshot(o.page, "advisory-languages-composer-laptop-en");
    await o.page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(o.page)).toBe(false);
    await screenshot(o.page, "advisory-languages-composer-phone-en");
    await o.page.setViewportSize(LAPTOP);
    await composer.getByRole("button", { name: "Publish advisory" }).click();
    await composer.getByText(/Advisory tourism #\d+ published/).waitFor({ timeout: 60_000 });

    // The officer reads in English: the English original comes first.
    const mine = o.page.locator("article[data-kind=advisory]").filter({ hasText: title });
    await mine.waitFor({ timeout: 30_000 });
    await mine.getByRole("button", { name: "English · Original" }).and(o.page.locator("[aria-pressed=true]")).waitFor();
    await mine.getByText("Original version, in English.").waitFor();
    await mine.getByText("Signed by the Secretariat (verified), all 2 language versions").waitFor();

    // Fernanda reads Enlace in Spanish.
    await go(f.page, "Home");
    await f.page.locator('li[data-room-key="advisories:tourism"] a').click({ timeout: 60_000 });
    await useLanguage(f.page, "es");
    const shownInSpanish = f.page.locator("article[data-kind=advisory]").filter({ hasText: titulo });
    await shownInSpanish.waitFor({ timeout: 60_000 });
    // The same card whichever version it shows.
    const card = f.page.locator(`article[data-event-id="${await shownInSpanish.getAttribute("data-event-id")}"]`);
    const heading = card.locator("h3.card-title");
    expect(await heading.textContent()).toContain(titulo);
    expect(await heading.textContent()).not.toContain(title);
    expect(await card.locator("strong").first().textContent()).toBe("barreras para vehículos"); // the Markdown renders
    const espanol = card.getByRole("button", { name: "Español" });
    const english = card.getByRole("button", { name: "English · Original" });
    expect(await espanol.getAttribute("aria-pressed")).toBe("true");
    expect(await english.getAttribute("aria-pressed")).toBe("false");
    expect(await card.getByRole("group", { name: "Versiones por idioma" }).count()).toBe(1);
    await card.getByText("Traducción; el original está en inglés.").waitFor();
    await card.getByText("Firmado por la Secretaría (verificado), las 2 versiones").waitFor();
    expect(await untranslatedStrings(f.page)).toEqual([]);
    await screenshot(f.page, "advisory-languages-laptop-es");

    // She switches to the English original, and back.
    await english.click();
    await card.getByText("Versión original, en inglés.").waitFor();
    expect(await heading.textContent()).toContain(title);
    expect(await card.locator("[lang=en] strong").first().textContent()).toBe("vehicle barrier");
    expect(await english.getAttribute("aria-pressed")).toBe("true");
    expect(await espanol.getAttribute("aria-pressed")).toBe("false");

    await f.page.setViewportSize(PHONE);
    await settled(f.page);
    expect(await overflowsHorizontally(f.page)).toBe(false);
    await screenshot(f.page, "advisory-languages-phone-es-original");
    await espanol.click();
    await card.getByText("Traducción; el original está en inglés.").waitFor();
    await screenshot(f.page, "advisory-languages-phone-es");
    await f.page.setViewportSize(LAPTOP);
    // Home's list of advisories awaiting her acknowledgement names it in Spanish too.
    await go(f.page, "Inicio");
    await f.page.getByTestId("awaiting-ack").getByText(titulo, { exact: false }).waitFor({ timeout: 30_000 });
    expect(await f.page.getByTestId("awaiting-ack").textContent()).not.toContain(title);
    await useLanguage(f.page, "en");
    expect(o.errors).toEqual([]);
    expect(f.errors).toEqual([]);
  }, 480_000);

  it("an alert and an incident exported from their cards as STIX 2.1 bundles, with their TLP marking", async () => {
    const title = "Drone flights over the fan zone";
    const composer = await openRoom(f.page, "network:tourism");
    await composer.getByRole("button", { name: "New alert" }).click();
    await composer.getByLabel("Traffic Light Protocol (TLP)").selectOption("AMBER");
    await composer.getByLabel("Title").fill(title);
    await composer.getByLabel("Summary").fill("Two small drones were seen over the fan zone on two evenings.");
    await composer.getByLabel("Severity").selectOption("high");
    await composer.getByLabel("Category").selectOption("drone");
    await composer.getByRole("checkbox", { name: "Jamaica" }).check();
    await composer.getByLabel("Valid until").fill("2030-06-30T18:00");
    await composer.getByLabel("Source reliability").selectOption("B");
    await composer.getByLabel("Information credibility").selectOption("2");
    await composer.getByRole("button", { name: "Send alert" }).click();
    await composer.getByText("Sent, end-to-end encrypted.").waitFor({ timeout: 60_000 });

    const card = f.page.locator("article[data-kind=alert]").filter({ hasText: title });
    await card.getByRole("button", { name: "Export STIX" }).waitFor({ timeout: 60_000 });
    const alert = await exportStix(f.page, card);
    expect(alert.name).toMatch(/^enlace-alert-\d{4}-\d{2}-\d{2}-cl-[a-z0-9]{8}\.stix\.json$/);
    await card.getByText(`Saved ${alert.name} (STIX 2.1, marked TLP:AMBER). Share it only as its marking allows.`).waitFor();
    expect(alert.bundle.type).toBe("bundle");
    const objects = alert.bundle.objects as StixObject[];
    const report = objects.find((x) => x.type === "report");
    expect(report).toMatchObject({ name: title, report_types: ["threat-report"], object_marking_refs: [TLP2_MARKING_IDS.AMBER], confidence: 70 });
    expect(report?.labels).toEqual(["severity:high", "category:drone", "admiralty:B2"]);
    expect(objects.filter((x) => x.type === "marking-definition").map((x) => x.id)).toEqual(
      expect.arrayContaining([TLP2_MARKING_IDS.AMBER, TLP2_MARKING_IDS.CLEAR]),
    );
    expect(objects.find((x) => x.type === "identity")?.name).toBe("Enlace focal points of member state CL");
    expect(objects.some((x) => x.type === "location" && x.country === "JM")).toBe(true);
    expect(JSON.stringify(alert.bundle)).not.toContain(fernanda.email.split("@")[0]); // people are not exported
    const checked = validateStix(alert.bundle);
    expect(checked.errors).toEqual([]);
    expect(checked.valid).toBe(true);

    await sendIncident(composer, {
      title: "Crowd crush at gate 4",
      what: "Gate 4 closed after a crowd surge.",
      where: "Stadium gate 4",
      when: "2027-06-01T18:30",
    });
    const incidentCard = f.page.locator("article[data-kind=incident]").filter({ hasText: "Crowd crush at gate 4" });
    const incident = await exportStix(f.page, incidentCard);
    expect(incident.name).toMatch(/^enlace-incident-\d{4}-\d{2}-\d{2}-cl-[a-z0-9]{8}\.stix\.json$/);
    const inc = (incident.bundle.objects as StixObject[]).find((x) => x.type === "incident");
    expect(inc).toMatchObject({ name: "Crowd crush at gate 4", object_marking_refs: [expect.stringMatching(/^marking-definition--/)] });
    expect(validateStix(incident.bundle).errors).toEqual([]);

    // In Spanish at phone width the button is translated and the room still fits.
    await useLanguage(f.page, "es");
    await card.getByRole("button", { name: "Exportar STIX" }).waitFor();
    expect(await untranslatedStrings(f.page)).toEqual([]);
    await f.page.setViewportSize(PHONE);
    await settled(f.page);
    expect(await overflowsHorizontally(f.page)).toBe(false);
    await screenshot(f.page, "stix-export-phone-es");
    await f.page.setViewportSize(LAPTOP);
    await screenshot(f.page, "stix-export-laptop-es");
    expect(f.errors).toEqual([]);
  }, 600_000);
});
