// Major events in a real browser: Olga, a Crowded Spaces officer (English, laptop), is told what is
// missing, then registers an event hosted by Chile with Peru supporting; in Spanish at phone width
// she edits it (new name, a later last day, Argentina added), with the dates typed in Spanish order
// (day/month/year) and read back in words. Carla, a Crowded Spaces focal point of Chile, finds the planning cell room under
// the event's new name, and the events screen offers her neither "new" nor "edit". A refusal from the
// API (the event removed meanwhile) is said in Spanish from its problem type.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator } from "playwright-core";
import { role, type TestPlane } from "../helpers/control-plane.js";
import { openPage, screenshot, PHONE, LAPTOP } from "../helpers/browser.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";
import { seedPerson, signIn, go, setUpMessaging, keySavedAndRoomsShown, useLanguage, untranslatedStrings, overflowsHorizontally, settled } from "./steps.js";

/** The date field's box (input, pattern hint, read-back, error) by its label. */
const dateBox = (form: Locator, label: string) => form.locator("div.field").filter({ has: form.page().getByLabel(label, { exact: true }) });

describe("web client: registering and editing a major event, and its planning cell", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ browser, plane } = stack);
  }, 300_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("an officer registers and edits an event; a member of its cell finds the room and no create button", async () => {
    const olga = await seedPerson(plane, "Olga Oficial", [role.officer("crowded-spaces")], null);
    const carla = await seedPerson(plane, "Carla Celula", [role.focal("CL", "crowded-spaces")], "CL");
    const o = await openPage(browser, plane.url);
    await signIn(o.page, plane, olga);
    await go(o.page, "Major events");
    await o.page.getByRole("button", { name: "New major event" }).click();
    const form = o.page.getByRole("form", { name: "Register a major event" });

    // The date field follows the interface's language: English writes month, day, year.
    expect(await form.getByLabel("First day", { exact: true }).getAttribute("placeholder")).toBe("mm/dd/yyyy");

    // Nothing filled: each field says what it needs, in the composers' wording; nothing is sent.
    await form.getByRole("button", { name: "Register event" }).click();
    await form.getByText("Not saved: check the marked fields.").waitFor();
    expect(await form.locator(".field-error").allTextContents()).toEqual([
      "Required.",
      "Choose one of the options.",
      "Required.",
      "Required.",
      "Choose one of the options.",
    ]);
    expect((await plane.ctx.db.query("SELECT count(*)::int AS n FROM major_events")).rows[0].n).toBe(0);

    await form.getByLabel("Name", { exact: true }).fill("Copa del Pacífico 2027");
    await form.getByLabel("Host state", { exact: true }).selectOption("CL");
    await form.getByLabel("First day", { exact: true }).fill("06/12/2027");
    await form.getByLabel("Last day", { exact: true }).fill("06/31/2027"); // June has 30 days
    expect(await dateBox(form, "First day").getByTestId("date-read-back").textContent()).toBe("Saturday, June 12, 2027");
    await form.getByLabel("Venue", { exact: true }).selectOption("stadium");
    await form.getByRole("checkbox", { name: "Peru" }).check();
    expect(await form.getByTestId("cell-who").textContent()).toBe(
      "The planning cell brings together the Secretariat officers of Crowded Spaces and Major Events Security and Large-scale Meetings, and the national coordinators, focal points and alternates of those programs in Chile and Peru.",
    );
    await form.getByRole("button", { name: "Register event" }).click();
    expect(await dateBox(form, "Last day").locator(".field-error").textContent()).toBe("Enter a valid date.");
    await form.getByLabel("Last day", { exact: true }).fill("07/04/2027");
    await form.getByRole("button", { name: "Register event" }).click();
    await o.page.getByText("Copa del Pacífico 2027 is registered. Its planning cell room is being set up for its members.").waitFor({ timeout: 30_000 });
    const card = o.page.locator("li[data-event]").filter({ hasText: "Copa del Pacífico 2027" });
    const eventId = (await card.getAttribute("data-event"))!;
    expect(await card.locator("dd").allTextContents()).toEqual(["Chile", "Jun 12 – Jul 4, 2027", "Stadium", "Peru"]);
    const row = (await plane.ctx.db.query("SELECT name, host_state, supporting_states, created_by FROM major_events WHERE id = $1", [eventId])).rows[0];
    expect(row).toMatchObject({ name: "Copa del Pacífico 2027", host_state: "CL", supporting_states: ["PE"], created_by: olga.id });
    await screenshot(o.page, "events-laptop-en");

    // Spanish, phone width: she edits it; day, month, year in Spanish order and names.
    await useLanguage(o.page, "es");
    await o.page.setViewportSize(PHONE);
    await o.page.getByRole("button", { name: "Editar Copa del Pacífico 2027" }).click();
    const edit = o.page.getByRole("form", { name: "Editar: Copa del Pacífico 2027" });
    const end = edit.getByLabel("Último día", { exact: true });
    expect(await end.inputValue()).toBe("04/07/2027");
    expect(await end.getAttribute("placeholder")).toBe("dd/mm/aaaa");
    expect(await edit.getByLabel("Nombre", { exact: true }).inputValue()).toBe("Copa del Pacífico 2027");
    await edit.getByLabel("Nombre", { exact: true }).fill("Copa del Pacífico 2027 (final)");
    await end.fill("11/07/2027");
    expect(await dateBox(edit, "Último día").getByTestId("date-read-back").textContent()).toBe("domingo, 11 de julio de 2027");
    await edit.getByLabel("Buscar un Estado").fill("argen");
    await edit.getByRole("checkbox", { name: "Argentina" }).check();
    expect(await edit.getByTestId("cell-who").textContent()).toContain("en Chile, Argentina y Perú.");
    await settled(o.page);
    expect(await untranslatedStrings(o.page)).toEqual([]);
    expect(await overflowsHorizontally(o.page)).toBe(false);
    await screenshot(o.page, "events-edit-phone-es");
    await edit.getByRole("button", { name: "Guardar cambios" }).click();
    await o.page.getByText("Se guardaron los cambios de Copa del Pacífico 2027 (final). Su célula de planificación los sigue.").waitFor({ timeout: 30_000 });
    expect(await card.locator("dd").nth(1).textContent()).toBe("12 jun – 11 jul 2027");
    expect(await card.locator("dd").nth(3).textContent()).toBe("Argentina y Perú");
    await screenshot(o.page, "events-phone-es");
    await o.page.setViewportSize(LAPTOP);

    // A refusal from the API is said in the reader's language, from its problem type: here the event
    // was removed while she edited it (straight in the database: the API has no removal).
    await o.page.getByRole("button", { name: "Editar Copa del Pacífico 2027 (final)" }).click();
    const again = o.page.getByRole("form", { name: "Editar: Copa del Pacífico 2027 (final)" });
    const kept = (await plane.ctx.db.query("SELECT * FROM major_events WHERE id = $1", [eventId])).rows[0];
    await plane.ctx.db.query("DELETE FROM major_events WHERE id = $1", [eventId]);
    await again.getByRole("button", { name: "Guardar cambios" }).click();
    await again.getByRole("alert").getByText("No se encontró: puede haber sido eliminado.").waitFor({ timeout: 30_000 });
    await plane.ctx.db.query(
      "INSERT INTO major_events (id, name, host_state, starts_on, ends_on, venue_type, supporting_states, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      [kept.id, kept.name, kept.host_state, kept.starts_on, kept.ends_on, kept.venue_type, kept.supporting_states, kept.created_by, kept.created_at],
    );
    await again.getByRole("button", { name: "Cancelar" }).click();

    // Carla (Chile, Crowded Spaces) finds the planning cell room, under the event's new name.
    const c = await openPage(browser, plane.url);
    await signIn(c.page, plane, carla);
    await setUpMessaging(c.page);
    await keySavedAndRoomsShown(c.page);
    const cell = c.page.locator(`li[data-room-key="cell:${eventId}"]`);
    await cell.waitFor({ timeout: 90_000 });
    await expect.poll(() => cell.textContent(), { timeout: 90_000 }).toContain("Planning cell — Copa del Pacífico 2027 (final)");
    await screenshot(c.page, "events-cell-room-laptop-en");

    // A focal point is offered neither a new event nor an edit.
    await go(c.page, "Major events");
    const hers = c.page.locator(`li[data-event="${eventId}"]`);
    await hers.waitFor({ timeout: 30_000 });
    expect(await c.page.getByRole("button", { name: "New major event" }).count()).toBe(0);
    expect(await hers.getByRole("button").count()).toBe(0);
    await c.page.setViewportSize(PHONE);
    await settled(c.page);
    expect(await overflowsHorizontally(c.page)).toBe(false);
    await screenshot(c.page, "events-focal-phone-en");
  }, 420_000);
});
