// Screenshots of the main screens at laptop (1280px) and phone (390px) widths, under
// test-results/screenshots/; at phone width no screen may scroll sideways and the header stays one line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { actor, api, role, type TestPlane } from "../helpers/control-plane.js";
import { openPage, screenshot, LAPTOP, PHONE } from "../helpers/browser.js";
import { overflowsHorizontally, seedPerson, settled, signIn, type Person } from "./steps.js";
import { seedActivePerson } from "#server/domain/registry/seed.js";
import { startConsoleStack, type ConsoleStack } from "./stack.js";

const VIEWPORTS = { laptop: LAPTOP, phone: PHONE } as const;

describe("web client: screens at laptop and phone widths", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: ConsoleStack | undefined;
  let admin: Person, coordinator: Person, officer: Person;
  let enrollPath: string;
  const taken: string[] = [];

  beforeAll(async () => {
    stack = await startConsoleStack();
    ({ plane, browser } = stack);
    admin = await seedPerson(plane, "Alicia Admin", [role.admin()], null);
    coordinator = await seedPerson(plane, "Camila Coordinadora", [role.coordinator("CL")], "CL");
    officer = await seedPerson(plane, "Oscar Officer", [role.officer("tourism"), role.officer("crowded-spaces")], null);
    for (const [fullName, state, areas, languages] of [
      ["Felipe Focal", "CL", ["stadium security", "crowd management"], ["es", "en"]],
      ["Janelle Focal", "JM", ["cricket venues", "tourist site protection"], ["en"]],
    ] as const) {
      await seedActivePerson(plane.ctx, {
        email: `${fullName.split(" ")[0].toLowerCase()}@e2e.example.org`,
        fullName,
        memberState: state,
        roles: [role.focal(state, "tourism")],
        password: "correct horse battery staple",
        expertise: { areas: [...areas], languages: [...languages] },
      });
    }
    // Two nominations (one approved, for the enrollment screen) and a major event.
    const c = await actor(plane, [role.coordinator("CL")], "CL");
    const o = await actor(plane, [role.officer("tourism")], null);
    const a = await actor(plane, [role.admin()], null);
    const ids: string[] = [];
    for (const [email, fullName] of [
      ["rosa@e2e.example.org", "Rosa Rodríguez"],
      ["tomas@e2e.example.org", "Tomás Torres"],
    ]) {
      const r = await api(plane, "POST", "/api/nominations", {
        token: c.token,
        body: { email, fullName, memberState: "CL", roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }] },
      });
      ids.push(r.body.id);
    }
    const approved = await api(plane, "POST", `/api/people/${ids[1]}/approve`, { token: o.token, body: { reason: "Vetted" } });
    enrollPath = new URL(approved.body.enrollment.url).hash;
    const ev = await api(plane, "POST", "/api/events", {
      token: a.token,
      body: {
        name: "Caribbean Cricket Championship 2027",
        hostState: "JM",
        startsOn: "2027-03-01",
        endsOn: "2027-03-21",
        venueType: "stadium",
        supportingStates: ["BB", "TT", "CL"],
      },
    });
    expect(ev.status).toBe(201);
  });
  afterAll(async () => {
    await stack?.close();
    console.log(`screenshots: ${taken.length} under test-results/screenshots/`);
  });

  async function shoot(page: Page, name: string, width: keyof typeof VIEWPORTS) {
    await settled(page);
    if (width === "phone") {
      expect(await overflowsHorizontally(page), `${name} fits ${PHONE.width}px`).toBe(false);
      // One line with the name and the menu button (ui/Header.tsx), not a screenful of links.
      const header = await page.locator("header.top").evaluate((el) => el.getBoundingClientRect().height);
      expect(header, `${name} header height`).toBeLessThanOrEqual(80);
    }
    taken.push(await screenshot(page, `${name}-${width}`));
  }

  for (const width of ["laptop", "phone"] as const) {
    it(`main screens at ${width} width`, async () => {
      const viewport = VIEWPORTS[width];
      const anon = await openPage(browser, plane.url, { viewport });
      await anon.page.locator("input[name=email]").waitFor();
      await shoot(anon.page, "sign-in", width);
      await anon.page.locator("input[name=email]").fill(admin.email);
      await anon.page.locator("input[name=password]").fill(admin.password);
      await anon.page.locator("main button[type=submit]").click();
      await anon.page.locator("input[name=totp]").waitFor();
      await shoot(anon.page, "sign-in-code", width);
      await anon.context.close();

      const enroll = await openPage(browser, `${plane.url}/${enrollPath}`, { viewport });
      await enroll.page.getByText("This link is for Tomás Torres").waitFor();
      await shoot(enroll.page, "enroll", width);
      await enroll.context.close();

      const adm = await openPage(browser, plane.url, { viewport });
      await signIn(adm.page, plane, admin);
      await shoot(adm.page, "home-admin", width);
      for (const screen of ["people", "revetting", "audit", "directory", "conversations", "events"]) {
        await adm.page.goto(`${plane.url}/#/${screen}`);
        await adm.page.locator("main h1").waitFor();
        await shoot(adm.page, screen, width);
      }
      await adm.context.close();

      const off = await openPage(browser, plane.url, { viewport });
      await signIn(off.page, plane, officer);
      await off.page.goto(`${plane.url}/#/nominations`);
      const row = off.page.locator('tr[data-person="rosa@e2e.example.org"]');
      await row.getByRole("button", { name: "Approve" }).click();
      await shoot(off.page, "nominations", width);
      await off.context.close();

      const co = await openPage(browser, plane.url, { viewport });
      await signIn(co.page, plane, coordinator);
      await shoot(co.page, "home-coordinator", width);
      await co.page.goto(`${plane.url}/#/state`);
      await co.page.locator("main table").waitFor();
      await shoot(co.page, "nominate-roster", width);
      await co.context.close();
      expect([...anon.errors, ...enroll.errors, ...adm.errors, ...off.errors, ...co.errors]).toEqual([]);
    });
  }

  it("a coordinator who nominates an address registered for another state is told it was referred, and learns nobody's name or state (issue 9 item 11)", async () => {
    const co = await openPage(browser, plane.url, { viewport: LAPTOP });
    await signIn(co.page, plane, coordinator);
    await co.page.goto(`${plane.url}/#/state`);
    await co.page.getByLabel("Full name").fill("Someone Else");
    await co.page.getByLabel("Email").fill("janelle@e2e.example.org"); // a focal point of Jamaica
    await co.page.getByRole("checkbox", { name: "Tourism Security" }).check();
    await co.page.getByRole("button", { name: "Nominate", exact: true }).click();
    await co.page.getByText("A nomination for janelle@e2e.example.org was recorded.").waitFor();
    const main = (await co.page.locator("main").textContent()) ?? "";
    expect(main).not.toContain("Janelle");
    expect(main).not.toContain("Jamaica");
    expect(await co.page.locator('tr[data-person="janelle@e2e.example.org"]').count()).toBe(0);
    expect(co.errors).toEqual([]);
    await co.context.close();
  });
});
