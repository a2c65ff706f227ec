// Coverage over every expected member state, in a real browser: an officer publishes a Tourism
// advisory with a deadline. Tourism's participating states are those with a vetted focal point of it:
// Chile (active, in the room) and Jamaica (approved, not yet enrolled), not Mexico (only nominated).
// Her coverage view lists those 2, Jamaica as "No focal point"; the map draws the other 33 as not
// expected. She sees Chile's reminder timeline, reminds Chile now (202, a manual reminder appears),
// downloads the coverage as CSV. Then Fernanda sets up her first device and acknowledges: Chile's row
// names her by her registry name (not the Matrix display name she could set) with the time, in the
// table and the CSV; at laptop width in English, in Spanish at phone width. (Hemisphere advisories expect all 35:
// shared/content/expected-states.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import type { Browser } from "playwright-core";
import { matrixFetch } from "#server/synapse/http.js";
import { role, actor, api, type TestPlane } from "../helpers/control-plane.js";
import { screenshot, openPage, PHONE, type OpenedPage } from "../helpers/browser.js";
import {
  seedPerson,
  nodeClient,
  useLanguage,
  untranslatedStrings,
  overflowsHorizontally,
  settled,
  signIn,
  signInRestored,
  publishAdvisory,
  setUpMessaging,
  keySavedAndRoomsShown,
} from "./steps.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";

describe("web client: coverage over every member state, reminders and CSV", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;
  let node: Awaited<ReturnType<typeof nodeClient>> | undefined;
  let f: OpenedPage | undefined;

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ browser, plane } = stack);
  }, 300_000);
  afterAll(async () => {
    node?.session.stop();
    await f?.context.close();
    await stack?.close();
  });

  it("lists the program's participating states, reminds Chile now and exports the rows", async () => {
    const title = "Phishing wave against ticket buyers";
    const officer = await seedPerson(plane, "Sofia Secretariat", [role.officer("tourism")], null);
    // Chile's focal point is vetted before the advisory: Chile is expected by the control plane's reminders too.
    const fernanda = await seedPerson(plane, "Fernanda Focal", [role.focal("CL", "tourism")], "CL");
    // Jamaica's focal point is nominated and approved (participating, nobody in the room yet); Mexico's only nominated.
    const admin = await actor(plane, [role.admin()], null);
    const coordJM = await actor(plane, [role.coordinator("JM")], "JM");
    const nominate = async (token: string, state: string, fullName: string) => {
      const body = {
        email: `${fullName.toLowerCase().replace(/\W+/g, ".")}@gob.${state.toLowerCase()}`,
        fullName,
        memberState: state,
        roles: [role.focal(state, "tourism")],
      };
      const r = await api(plane, "POST", "/api/nominations", { token, body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    const jamal = await nominate(coordJM.token, "JM", "Jamal Focal");
    expect((await api(plane, "POST", `/api/people/${jamal}/approve`, { token: admin.token, body: { reason: "vetted" } })).status).toBe(200);
    await nominate(admin.token, "MX", "Mateo Nominee");
    node = await nodeClient(plane, officer, ["space", "advisories:tourism"]);
    node.session.stop();
    const o = await signInRestored(browser, plane, officer, node.recoveryKey);
    const sent = await publishAdvisory(o.page, { title: title, text: "Do not follow links in unsolicited ticket offers.", tlp: "GREEN" });
    await sent.getByRole("link", { name: "Acknowledgement coverage" }).click({ timeout: 30_000 });

    // Tourism's participating states are expected; only Chile has somebody in the room (who cannot read yet: no device).
    const rows = o.page.locator("table.coverage tbody tr");
    await expect.poll(() => o.page.getByTestId("coverage-summary").textContent(), { timeout: 60_000 }).toContain("of 2 member states");
    expect(await rows.count()).toBe(2);
    expect(await o.page.locator("tr[data-state=MX]").count()).toBe(0);
    expect(await o.page.getByTestId("coverage-scope").textContent()).toContain("The states participating in Tourism Security are expected");
    const chile = o.page.locator("tr[data-state=CL]");
    await expect.poll(() => chile.textContent(), { timeout: 60_000 }).toContain("Nobody can read it");
    expect(await o.page.locator("tr[data-state=JM] [data-col=status]").textContent()).toBe("No focal point");
    expect(await o.page.locator("tr.coverage-no-focal-point").count()).toBe(1);
    expect(await o.page.getByTestId("coverage-summary").textContent()).toBe(
      "0 of 2 member states acknowledged · 1 pending · 0 overdue · 1 with no focal point",
    );

    // The officer sees the reminder timeline: Chile's scheduled reminders, then "remind now".
    const chileReminders = chile.locator("[data-col=reminders]");
    await chileReminders.waitFor({ timeout: 30_000 });
    await expect.poll(() => chileReminders.locator("li[data-kind=scheduled]").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const [answer] = await Promise.all([
      o.page.waitForResponse((r) => r.request().method() === "POST" && /\/advisories\/tourism\/\d+\/reminders$/.test(r.url())),
      chileReminders.getByRole("button", { name: "Remind now: Chile" }).click(),
    ]);
    expect(answer.status()).toBe(202);
    await o.page.getByTestId("remind-outcome").getByText("Chile: a reminder is on its way to 1 person.").waitFor({ timeout: 30_000 });
    await chileReminders.locator("li[data-kind=manual]").first().waitFor({ timeout: 30_000 });
    expect(await chileReminders.locator("li[data-kind=manual]").first().textContent()).toContain("manual · focal points");
    expect(await chileReminders.getByRole("button", { name: "Remind now: Chile" }).isEnabled()).toBe(true);

    // The CSV: one row per state in stable codes.
    const [download] = await Promise.all([o.page.waitForEvent("download"), o.page.getByRole("button", { name: "Download CSV" }).click()]);
    const csv = Papa.parse<Record<string, string>>(await readFile((await download.path())!, "utf8"), { header: true, skipEmptyLines: true }).data;
    expect(csv).toHaveLength(2);
    expect(csv.find((r) => r.state === "CL")).toMatchObject({ status: "unreadable", acknowledged_at: "", in_room: "1", can_read: "0", acknowledged: "0" });
    expect(csv.find((r) => r.state === "CL")?.reminders_sent).toMatch(/^\d+$/);
    expect(csv.find((r) => r.state === "JM")).toMatchObject({ status: "no-focal-point", in_room: "0", reminders_sent: "0" });

    // The map, loaded lazily: every state drawn, coloured by its status or as not expected; Natural Earth's shapes are not in the main bundle.
    const map = o.page.getByTestId("coverage-map");
    await map.waitFor({ timeout: 30_000 });
    expect(await map.locator("g[data-state]").count()).toBe(35);
    expect(await map.locator("g[data-state=CL]").getAttribute("data-status")).toBe("unreadable");
    expect(await map.locator("g[data-state=JM]").getAttribute("data-status")).toBe("no-focal-point");
    expect(await map.locator("g[data-status=not-expected]").count()).toBe(33);
    expect(await map.locator("g[data-state=MX]").getAttribute("data-status")).toBe("not-expected");
    // Small island states get a dot at their centroid.
    expect(await map.locator("g[data-state=GD] circle").count()).toBe(1);
    const index = await readFile(join(stack!.clientDir, "index.html"), "utf8");
    const entry = /<script[^>]+src="\/?([^"]+\.js)"/.exec(index)?.[1];
    expect(entry).toBeTruthy();
    expect(await readFile(join(stack!.clientDir, entry!), "utf8")).not.toContain("Zimbabwe");
    // Nobody has acknowledged yet: no name in any row.
    expect(await o.page.locator("[data-col=acknowledged-by]").allTextContents()).toEqual(["—", "—"]);

    // Fernanda sets up her first device; the officer's browser hands her the room's history.
    f = await openPage(browser, plane.url);
    await signIn(f.page, plane, fernanda);
    await setUpMessaging(f.page);
    await keySavedAndRoomsShown(f.page);
    // She renames herself on Matrix: the coverage names her as the registry does, not as she chose.
    const { rows: fRows } = await plane.ctx.db.query("SELECT matrix_user_id FROM people WHERE id = $1", [fernanda.id]);
    const fernandaId = fRows[0].matrix_user_id as string;
    const hsAdmin = await stack!.hs.admin.register(stack!.hs.registrationSharedSecret, "coverage-test-admin", true);
    await matrixFetch(
      stack!.hs.admin.http,
      "PUT",
      `/_synapse/admin/v2/users/${encodeURIComponent(fernandaId)}`,
      { displayname: "OAS Secretary General" },
      hsAdmin.access_token,
    );
    const awaiting = f.page.getByTestId("awaiting-ack");
    await awaiting.getByRole("link", { name: new RegExp(title) }).click({ timeout: 90_000 });
    const card = f.page.locator("article[data-kind=advisory]").filter({ hasText: title });
    await card.getByRole("button", { name: "Acknowledge" }).click({ timeout: 30_000 });
    await card.getByText("Acknowledged").waitFor();

    // The officer's open view turns: Chile acknowledged, by Fernanda Focal, at a time.
    await expect.poll(() => o.page.locator("tr[data-state=CL] [data-col=status]").textContent(), { timeout: 60_000 }).toBe("Acknowledged");
    const by = chile.locator("[data-col=acknowledged-by] li");
    await expect.poll(() => by.count(), { timeout: 30_000 }).toBe(1);
    expect(await by.locator(".acker-name").textContent()).toBe("Fernanda Focal");
    expect(await by.getAttribute("data-user")).toBe(fernandaId);
    expect(await by.textContent()).toMatch(/^Fernanda Focal \S.*\d{1,2}:\d{2}/);
    expect(await o.page.locator("main").textContent()).not.toContain("OAS Secretary General");
    expect(await o.page.locator("tr[data-state=JM] [data-col=acknowledged-by]").textContent()).toBe("—");
    // An acknowledged state is not reminded any more.
    expect(await chileReminders.getByRole("button", { name: "Remind now: Chile" }).count()).toBe(0);
    const [again] = await Promise.all([o.page.waitForEvent("download"), o.page.getByRole("button", { name: "Download CSV" }).click()]);
    const csvAfter = Papa.parse<Record<string, string>>(await readFile((await again.path())!, "utf8"), { header: true, skipEmptyLines: true }).data;
    const clRow = csvAfter.find((r) => r.state === "CL");
    expect(clRow?.status).toBe("acknowledged");
    expect(clRow?.acknowledged_by).toBe(`Fernanda Focal (${clRow?.acknowledged_at})`);
    expect(clRow?.acknowledged_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(csvAfter.find((r) => r.state === "JM")?.acknowledged_by).toBe("");
    await settled(o.page);
    await screenshot(o.page, "coverage-acknowledged-laptop-en");

    // Spanish, phone width: translated, no page-wide horizontal scroll (the table scrolls in its box).
    await useLanguage(o.page, "es");
    // Chile has acknowledged by now, so its "Recordar ahora" is gone: the status shows the language.
    await expect.poll(() => chile.locator("[data-col=status]").textContent()).toBe("Recibo acusado");
    expect(await o.page.locator("tr[data-state=JM] [data-col=status]").textContent()).toBe("Sin punto focal");
    expect(await o.page.locator("table.coverage thead").textContent()).toContain("Quién acusó recibo");
    expect(await by.locator(".acker-name").textContent()).toBe("Fernanda Focal");
    expect(await untranslatedStrings(o.page)).toEqual([]);
    await o.page.setViewportSize(PHONE);
    await settled(o.page);
    expect(await overflowsHorizontally(o.page)).toBe(false);
    await screenshot(o.page, "coverage-phone-es");
    // The map alone, to look at its shapes (the page-long screenshot shrinks them).
    const shots = join(import.meta.dirname, "..", "..", "test-results", "screenshots");
    await mkdir(shots, { recursive: true });
    await map.screenshot({ path: join(shots, "coverage-map-phone-es.png") });
    await useLanguage(o.page, "en");
  }, 420_000);
});
