// Talking in rooms, in real browsers against a real control plane and Synapse: Ana (Chile, English,
// laptop) finds the room's timeline first with the composer closed, writes a Markdown message with
// hostile parts, and sends an alert; Juan (Jamaica, Spanish, phone) sees both, signed "Ana Alerta ·
// Chile" from her credential even after she renames herself on Matrix, and replies in the alert's
// thread; Ana sees the reply count and Juan's reply.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { matrixFetch } from "#server/synapse/http.js";
import { role, type TestPlane } from "../helpers/control-plane.js";
import type { TestSynapse } from "../helpers/synapse.js";
import { screenshot, PHONE, type OpenedPage } from "../helpers/browser.js";
import { seedPerson, overflowsHorizontally, untranslatedStrings, useLanguage, type Person, readyToMessage, openRoom } from "./steps.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";

describe("web client: talking in a room", () => {
  let hs: TestSynapse;
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;
  let ana: Person, juan: Person;
  let a: OpenedPage, j: OpenedPage;

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ hs, browser, plane } = stack);
    ana = await seedPerson(plane, "Ana Alerta", [role.focal("CL", "tourism")], "CL");
    juan = await seedPerson(plane, "Juan Par", [role.focal("JM", "tourism")], "JM");
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("messages and thread replies, signed with the registry name, Markdown rendered safely, in English and Spanish", async () => {
    [a, j] = await Promise.all([readyToMessage(browser, plane, ana), readyToMessage(browser, plane, juan, PHONE)]);
    await openRoom(a.page, "network:tourism");
    const composer = a.page.locator("section.composer");

    // The composer is closed until asked for; a new room has nothing earlier to load.
    expect(await composer.getByRole("button", { name: /^New / }).allTextContents()).toEqual([
      "New alert",
      "New incident notice",
      "New lessons-learned document",
      "New expertise request",
    ]);
    expect(await composer.getByLabel("Title").count()).toBe(0);
    expect(await a.page.getByRole("button", { name: "Load earlier messages" }).count()).toBe(0);

    // Ana renames herself on Matrix: the name readers see comes from her credential, not from this.
    const { rows } = await plane.ctx.db.query("SELECT matrix_user_id FROM people WHERE id = $1", [ana.id]);
    const anaId = rows[0].matrix_user_id as string;
    const admin = await hs.admin.register(hs.registrationSharedSecret, "talk-test-admin", true);
    await matrixFetch(
      hs.admin.http,
      "PUT",
      `/_synapse/admin/v2/users/${encodeURIComponent(anaId)}`,
      { displayname: "OAS Secretary General" },
      admin.access_token,
    );

    // A plain message, with Markdown and hostile parts.
    const box = a.page.getByTestId("message-box");
    await box
      .getByLabel("Message")
      .fill(
        "**Port closed** at 06:00 <script>window.pwned=1</script> [bad](javascript:alert(1)) ![](http://tracker.example/p.gif) [CSIRT](https://csirt.example.org)",
      );
    await box.getByRole("button", { name: "Send" }).click();
    await box.getByText("Sent, end-to-end encrypted.").waitFor({ timeout: 60_000 });
    expect(await box.getByLabel("Message").inputValue()).toBe("");

    // And an alert, through the composer opened for it.
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
    expect(await composer.getByLabel("Title").count()).toBe(0);

    // Juan, in Spanish on a phone.
    await useLanguage(j.page, "es");
    await openRoom(j.page, "network:tourism", "Inicio");
    const message = j.page.locator("article[data-kind=message]").filter({ hasText: "Port closed" });
    await message.waitFor({ timeout: 60_000 });
    await expect.poll(() => message.getByTestId("trust").textContent(), { timeout: 60_000 }).toContain("verificado");
    expect(await message.getByTestId("sender-name").textContent()).toBe("Ana Alerta · Chile");
    expect(await message.locator("strong").textContent()).toBe("Port closed");
    expect(await message.locator("script, img").count()).toBe(0);
    expect(await message.textContent()).toContain("<script>window.pwned=1</script>");
    expect(await j.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const links = await message
      .locator(".markdown a")
      .evaluateAll((as) => as.map((x) => [x.getAttribute("href"), x.getAttribute("rel"), x.getAttribute("target")]));
    expect(links).toEqual([["https://csirt.example.org", "noopener noreferrer", "_blank"]]);
    expect(await j.page.getByText("OAS Secretary General").count()).toBe(0);

    // Juan replies in the alert's thread.
    const alert = j.page.locator("li").filter({ has: j.page.locator("article[data-kind=alert]", { hasText: title }) });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.getByTestId("sender-name").first().textContent()).toBe("Ana Alerta · Chile");
    await alert.getByRole("button", { name: "Responder" }).click();
    await alert.getByText("Aún no hay respuestas.").waitFor();
    const reply = alert.getByTestId("reply-box");
    await reply.getByLabel("Su respuesta").fill("Seen here too: *two* ships in Montego Bay.");
    await reply.getByRole("button", { name: "Enviar" }).click();
    await reply.getByText("Enviado, cifrado de extremo a extremo.").waitFor({ timeout: 60_000 });
    const juanReply = alert.locator("li.reply").filter({ hasText: "Seen here too" });
    await juanReply.waitFor({ timeout: 60_000 });
    expect(await juanReply.locator("em").textContent()).toBe("two");
    // The reply stays in its thread, not in the room's timeline.
    expect(await j.page.locator("ol.timeline > li > article").filter({ hasText: "Seen here too" }).count()).toBe(0);
    expect(await untranslatedStrings(j.page)).toEqual([]);
    expect(await overflowsHorizontally(j.page)).toBe(false);
    await screenshot(j.page, "talk-thread-es-phone");

    // Ana sees the count on her alert, opens the thread, and reads Juan's reply signed from his credential.
    const mine = a.page.locator("li").filter({ has: a.page.locator("article[data-kind=alert]", { hasText: title }) });
    await mine.getByRole("button", { name: "1 reply" }).click({ timeout: 60_000 });
    const seen = mine.locator("li.reply").filter({ hasText: "Seen here too" });
    await seen.waitFor();
    await expect.poll(() => seen.getByTestId("trust").textContent(), { timeout: 60_000 }).toContain("verified");
    expect(await seen.getByTestId("sender-name").textContent()).toBe("Juan Par · Jamaica");
    expect(await untranslatedStrings(a.page)).toEqual([]);
    await screenshot(a.page, "talk-thread-en-laptop");
    await a.page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(a.page)).toBe(false);
    await screenshot(a.page, "talk-thread-en-phone");

    expect([...a.errors, ...j.errors]).toEqual([]);
  }, 600_000);
});
