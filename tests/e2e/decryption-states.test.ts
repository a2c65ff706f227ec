// In a real browser against a real control plane and Synapse: a message whose key has not reached the
// reader's device is shown as what it is — waiting for the key from its sender — in the reader's
// language, never as "invalid content", with no raw SDK code in the text and no verdict on the sender;
// and a sender verified before a restore from the key backup is verified after it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Method } from "matrix-js-sdk";
import type { Browser } from "playwright-core";
import { role, type TestPlane } from "../helpers/control-plane.js";
import { openPage, screenshot, type OpenedPage } from "../helpers/browser.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { sendContent } from "#shared/matrix/send.js";
import { EXAMPLES } from "#shared/content/examples.js";
import {
  backupHolds,
  go,
  keySavedAndRoomsShown,
  nodeClient,
  restoreMessaging,
  roomListShown,
  seedPerson,
  setUpMessaging,
  signIn,
  untranslatedStrings,
  useLanguage,
  type Person,
} from "./steps.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";

describe("web client: decryption states", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;
  let ana: Person, juan: Person;
  // Shared by the two steps: Juan's first browser, his recovery key, Ana's Node client and the room.
  let j: OpenedPage, recoveryKey: string, roomId: string;
  let a: Awaited<ReturnType<typeof nodeClient>>;
  let realRequest: typeof a.session.client.http.authedRequest;

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ browser, plane } = stack);
    ana = await seedPerson(plane, "Ana Alerta", [role.focal("CL", "tourism")], "CL");
    juan = await seedPerson(plane, "Juan Par", [role.focal("JM", "tourism")], "JM");
  }, 240_000);
  afterAll(async () => {
    a?.session.stop();
    await j?.context.close();
    await stack?.close();
  });

  it("a message whose key has not arrived says so, in English and in Spanish, without blaming its sender", async () => {
    j = await openPage(browser, plane.url);
    await signIn(j.page, plane, juan);
    recoveryKey = await setUpMessaging(j.page);
    await keySavedAndRoomsShown(j.page);

    a = await nodeClient(plane, ana, ["network:tourism"]);
    roomId = findRoomByKey(a.session.client, "network:tourism")!.roomId;
    // A genuine Megolm alert whose room key never reaches Juan's device: Ana's client loses its
    // outgoing Olm to-device messages (the key's only way to Juan) — exactly what a reader sees
    // while a key is late or lost on its way. Nothing else of Ana's traffic is touched.
    const http = a.session.client.http;
    realRequest = http.authedRequest;
    const real = realRequest.bind(http);
    http.authedRequest = ((method: Method, path: string, ...rest: unknown[]) =>
      path.includes("/sendToDevice/m.room.encrypted/")
        ? Promise.resolve("{}")
        : (real as (...x: unknown[]) => Promise<unknown>)(method, path, ...rest)) as typeof http.authedRequest;
    await sendContent(a.session, roomId, "alert", { ...EXAMPLES.alert, title: "A key lost on its way" });

    await go(j.page, "Home");
    await j.page.locator(`li[data-room-key="network:tourism"] a`).click({ timeout: 60_000 });
    const state = j.page.getByTestId("decryption-state");
    await state.waitFor({ timeout: 90_000 });
    expect(await state.getAttribute("data-state")).toBe("waiting-for-key");
    const card = j.page.locator("article.card-undecrypted");
    await expect.poll(() => state.innerText()).toMatch(/Waiting for the key from /);
    expect(await card.innerText()).not.toMatch(/invalid/i);
    // The raw code is in the collapsed technical details only, never in the visible text.
    expect(await card.innerText()).not.toContain("MEGOLM_UNKNOWN_INBOUND_SESSION_ID");
    // No verdict on the sender when it is the key that is missing.
    expect(await card.getByTestId("trust").count()).toBe(0);
    await screenshot(j.page, "decryption-state-en");

    await useLanguage(j.page, "es");
    await expect.poll(() => state.innerText()).toMatch(/Esperando la clave de /);
    expect(await card.getAttribute("aria-label")).toBe("Mensaje cifrado");
    expect(await card.innerText()).not.toMatch(/waiting|inválid|invalid/i);
    expect(await untranslatedStrings(j.page)).toEqual([]);
    await screenshot(j.page, "decryption-state-es");
    expect(j.errors).toEqual([]);
  }, 300_000);

  it("restored on a second browser with the recovery key, an alert verified before still shows its sender verified", async () => {
    // Ana's keys travel again, in a new Megolm session (the lost one is never sent twice).
    a.session.client.http.authedRequest = realRequest;
    await a.session.client.getCrypto()!.forceDiscardSession(roomId);
    const title = "Verified before the restore";
    await sendContent(a.session, roomId, "alert", { ...EXAMPLES.alert, title });
    await useLanguage(j.page, "en");
    const first = j.page.locator("article[data-kind=alert]").filter({ hasText: title });
    await first.waitFor({ timeout: 60_000 });
    await expect.poll(() => first.getByTestId("trust").innerText(), { timeout: 60_000 }).toMatch(/^✓ verified focal point/);
    await backupHolds(plane, juan, 1);

    const b = await openPage(browser, plane.url);
    try {
      await signIn(b.page, plane, juan);
      await b.page.getByTestId("matrix-needs-restore").waitFor({ timeout: 90_000 });
      await restoreMessaging(b.page, recoveryKey);
      await roomListShown(b.page);
      await b.page.locator(`li[data-room-key="network:tourism"] a`).click({ timeout: 60_000 });
      const restored = b.page.locator("article[data-kind=alert]").filter({ hasText: title });
      await restored.waitFor({ timeout: 60_000 });
      // The key came through Juan's dehydrated device (Olm) or his backup (which proves nothing about the
      // sender, Ana's device signature then does): either way the verdict is the one his first browser showed.
      await expect.poll(() => restored.getByTestId("trust").innerText(), { timeout: 60_000 }).toMatch(/^✓ verified focal point — Chile/);
      expect(await b.page.locator("article[data-kind=invalid]").count()).toBe(0);
      await screenshot(b.page, "decryption-restored-verified-en");
      expect(b.errors).toEqual([]);
    } finally {
      await b.context.close();
    }
  }, 300_000);
});
