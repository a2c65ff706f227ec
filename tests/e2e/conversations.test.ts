// Direct conversations in real browsers against a real control plane and Synapse: Ana (Chile,
// English, laptop) finds Juan in the expertise directory and presses "Contact"; the conversation
// opens and she writes to him. Juan (Jamaica, Spanish, phone) finds it under "Conversaciones", reads
// her message signed "Ana Alerta · Chile" from her credential, and answers; Ana reads the answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { role, type TestPlane } from "../helpers/control-plane.js";
import { screenshot, LAPTOP, PHONE, type OpenedPage } from "../helpers/browser.js";
import { seedPerson, go, overflowsHorizontally, readyToMessage, untranslatedStrings, useLanguage, type Person } from "./steps.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";

describe("web client: direct conversations", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;
  let ana: Person, juan: Person;
  let a: OpenedPage, j: OpenedPage;

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ browser, plane } = stack);
    ana = await seedPerson(plane, "Ana Alerta", [role.focal("CL", "tourism")], "CL");
    juan = await seedPerson(plane, "Juan Par", [role.focal("JM", "tourism")], "JM");
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("“Contact” in the directory opens a conversation; the message reaches the other person, in English and Spanish, laptop and phone", async () => {
    [a, j] = await Promise.all([readyToMessage(browser, plane, ana), readyToMessage(browser, plane, juan, PHONE)]);

    // Ana finds Juan in the directory; she is offered no "Contact" for herself.
    await go(a.page, "Expertise directory");
    const results = a.page.locator("ul.cards > li");
    await results.filter({ hasText: "Juan Par" }).waitFor({ timeout: 30_000 });
    expect(await results.filter({ hasText: "Ana Alerta" }).getByText("This is you.").count()).toBe(1);
    expect(await results.filter({ hasText: "Ana Alerta" }).getByRole("button").count()).toBe(0);
    await screenshot(a.page, "conversations-directory-en-laptop");
    await a.page.getByRole("button", { name: "Contact Juan Par in a direct conversation" }).click();

    // The conversation opens once the reconciler has made its room: plain messages only, no alert composer.
    await a.page.getByRole("heading", { name: "Conversation with Juan Par" }).waitFor({ timeout: 90_000 });
    expect(await a.page.locator("section.composer").count()).toBe(0);
    const box = a.page.getByTestId("message-box");
    await box.getByLabel("Message").fill("Hola Juan — **can we talk** about Saturday's match?");
    await box.getByRole("button", { name: "Send" }).click();
    await box.getByText("Sent, end-to-end encrypted.").waitFor({ timeout: 60_000 });
    expect(await untranslatedStrings(a.page)).toEqual([]);
    await screenshot(a.page, "conversations-room-en-laptop");

    // Juan, in Spanish on a phone: the conversation is listed with Ana's registry name.
    await useLanguage(j.page, "es");
    await go(j.page, "Conversaciones");
    await j.page.getByRole("heading", { name: "Conversaciones", level: 1 }).waitFor();
    const item = j.page.getByTestId("conversation-list").locator("li").filter({ hasText: "Ana Alerta" });
    await item.getByRole("link", { name: "Conversación con Ana Alerta" }).waitFor({ timeout: 60_000 });
    expect(await item.textContent()).toContain("Chile");
    expect(await untranslatedStrings(j.page)).toEqual([]);
    expect(await overflowsHorizontally(j.page)).toBe(false);
    await screenshot(j.page, "conversations-list-es-phone");
    await item.getByRole("link", { name: "Conversación con Ana Alerta" }).click();
    await j.page.getByRole("heading", { name: "Conversación con Ana Alerta" }).waitFor({ timeout: 60_000 });
    const message = j.page.locator("article[data-kind=message]").filter({ hasText: "can we talk" });
    await message.waitFor({ timeout: 60_000 });
    await expect.poll(() => message.getByTestId("trust").textContent(), { timeout: 60_000 }).toContain("verificado");
    expect(await message.getByTestId("sender-name").textContent()).toBe("Ana Alerta · Chile");
    expect(await message.locator("strong").textContent()).toBe("can we talk");

    // He answers; Ana reads it, signed from his credential.
    const reply = j.page.getByTestId("message-box");
    await reply.getByLabel("Mensaje").fill("Sí, después de la reunión de coordinación.");
    await reply.getByRole("button", { name: "Enviar" }).click();
    await reply.getByText("Enviado, cifrado de extremo a extremo.").waitFor({ timeout: 60_000 });
    expect(await untranslatedStrings(j.page)).toEqual([]);
    expect(await overflowsHorizontally(j.page)).toBe(false);
    await screenshot(j.page, "conversations-room-es-phone");

    const answer = a.page.locator("article[data-kind=message]").filter({ hasText: "después de la reunión" });
    await answer.waitFor({ timeout: 60_000 });
    await expect.poll(() => answer.getByTestId("trust").textContent(), { timeout: 60_000 }).toContain("verified");
    expect(await answer.getByTestId("sender-name").textContent()).toBe("Juan Par · Jamaica");
    await a.page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(a.page)).toBe(false);
    await screenshot(a.page, "conversations-room-en-phone");
    await j.page.setViewportSize(LAPTOP);
    await screenshot(j.page, "conversations-room-es-laptop");

    // Contacting again from the directory opens the same conversation (one per pair).
    await a.page.setViewportSize(LAPTOP);
    await go(a.page, "Expertise directory");
    await a.page.getByRole("button", { name: "Contact Juan Par in a direct conversation" }).click({ timeout: 30_000 });
    await a.page.getByRole("heading", { name: "Conversation with Juan Par" }).waitFor({ timeout: 60_000 });
    expect(await a.page.locator("article[data-kind=message]").filter({ hasText: "después de la reunión" }).count()).toBe(1);
    expect((await plane.ctx.db.query("SELECT count(*)::int AS n FROM direct_conversations")).rows[0].n).toBe(1);

    expect([...a.errors, ...j.errors]).toEqual([]);
  }, 600_000);
});
