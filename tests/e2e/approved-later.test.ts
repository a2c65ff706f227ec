// Approved later, in a real browser: an officer publishes an advisory and sees on her card to whom
// the key went; a focal point vetted afterwards signs in for the first time, finds the advisory
// awaiting her acknowledgement (history shared by the officer's browser), acknowledges it, and the
// officer's open coverage view turns her state to acknowledged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { role, type TestPlane } from "../helpers/control-plane.js";
import { openPage } from "../helpers/browser.js";
import {
  seedPerson,
  signIn,
  go,
  nodeClient,
  setUpMessaging,
  keySavedAndRoomsShown,
  useLanguage,
  untranslatedStrings,
  signInRestored,
  publishAdvisory,
} from "./steps.js";
import { LANGUAGES } from "../../client/src/i18n/index.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";

describe("web client: a focal point approved after an advisory", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;
  let node: Awaited<ReturnType<typeof nodeClient>> | undefined;

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ browser, plane } = stack);
  }, 300_000);
  afterAll(async () => {
    node?.session.stop();
    await stack?.close();
  });

  it("reads the advisory, acknowledges it, and the officer's coverage turns", async () => {
    const title = "Drone activity near stadiums";
    const officer = await seedPerson(plane, "Sofia Secretariat", [role.officer("tourism")], null);
    // The officer's first device is a Node client (it holds the recovery key); her browser restores with it.
    node = await nodeClient(plane, officer, ["space", "advisories:tourism"]);
    node.session.stop(); // only the browser shares history from here on
    const o = await signInRestored(browser, plane, officer, node.recoveryKey);
    const sent = await publishAdvisory(o.page, { title: title, text: "Report sightings to the venue commander.", tlp: "AMBER" });

    // The sender's card: nobody else is in the room yet, so the key went to nobody, withheld from nobody.
    await expect
      .poll(
        () =>
          sent
            .getByTestId("delivery")
            .textContent()
            .catch(() => ""),
        { timeout: 30_000 },
      )
      .toBe("Key sent to 0 people (0 devices)");
    const coverageLink = sent.getByRole("link", { name: "Acknowledgement coverage" });
    await coverageLink.click();
    await o.page.getByTestId("coverage-summary").waitFor({ timeout: 30_000 });

    // Vetted now: joined by the reconciler before her first sign-in. Until she has a device,
    // her state cannot read the advisory, and the coverage says so instead of "Pending".
    const fernanda = await seedPerson(plane, "Fernanda Focal", [role.focal("CL", "tourism")], "CL");
    const chile = o.page.locator("tr[data-state=CL]");
    await expect.poll(() => chile.textContent().catch(() => ""), { timeout: 60_000 }).toContain("Nobody can read it");

    const f = await openPage(browser, plane.url);
    await signIn(f.page, plane, fernanda);
    await setUpMessaging(f.page);
    await keySavedAndRoomsShown(f.page);

    // The officer's browser shares the room's history with her new cross-signed device: the advisory awaits her.
    const awaiting = f.page.getByTestId("awaiting-ack");
    await awaiting.getByText(title).waitFor({ timeout: 90_000 });
    await awaiting.getByRole("link", { name: new RegExp(title) }).click();
    const card = f.page.locator("article[data-kind=advisory]").filter({ hasText: title });
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole("button", { name: "Acknowledge" }).click();
    await card.getByText("Acknowledged").waitFor();

    await expect.poll(() => chile.textContent(), { timeout: 60_000 }).toContain("Acknowledged");
    expect(await o.page.getByTestId("coverage-summary").textContent()).toMatch(/^1 of 1 member states acknowledged/);
    expect(await chile.locator("[data-col=can-read]").textContent()).toBe("1");

    // The coverage columns and the sender's delivery line in every language, no untranslated key.
    for (const lng of LANGUAGES) {
      await useLanguage(o.page, lng);
      expect(await untranslatedStrings(o.page), `coverage in ${lng}`).toEqual([]);
    }
    await useLanguage(o.page, "es");
    expect(await o.page.locator("table.coverage thead").textContent()).toContain("Pueden leer");
    await o.page.goBack();
    await expect
      .poll(
        () =>
          sent
            .getByTestId("delivery")
            .textContent()
            .catch(() => ""),
        { timeout: 30_000 },
      )
      .toBe("Clave enviada a 0 personas (0 dispositivos)");
    expect(await untranslatedStrings(o.page)).toEqual([]);
    await useLanguage(o.page, "en");
    await go(o.page, "Home");
  }, 420_000);
});
