// Issue 14, "signed out": a focal point signs out in the browser, an alert is sent to her room while
// no device of hers runs, and she signs in on another browser with her recovery key: the alert is
// readable and verified, because its key waited for her on her dehydrated device (MSC3814).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { role, type TestPlane } from "../helpers/control-plane.js";
import { eventually } from "../helpers/matrix-wait.js";
import { keptDevices, openPage } from "../helpers/browser.js";
import { sendContent } from "#shared/matrix/send.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import type { EnlaceSession } from "#shared/matrix/session.js";
import { seedPerson, signIn, go, nodeClient, roomListShown, setUpMessaging, keySavedAndRoomsShown, restoreMessaging, type Person } from "./steps.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";

/** The devices of a user as the sender's Rust crypto knows them (fresh from the homeserver). */
async function devicesOf(observer: EnlaceSession, userId: string) {
  return [...((await observer.client.getCrypto()!.getUserDeviceInfo([userId], true)).get(userId)?.values() ?? [])];
}

describe("web client: away while an alert is sent", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;
  let jana: Person, sender: Awaited<ReturnType<typeof nodeClient>>;

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ browser, plane } = stack);
    jana = await seedPerson(plane, "Jana Jamaica", [role.focal("JM", "tourism")], "JM");
    const ana = await seedPerson(plane, "Ana Alerta", [role.focal("CL", "tourism")], "CL");
    sender = await nodeClient(plane, ana, ["space", "network:tourism"]);
  }, 240_000);
  afterAll(async () => {
    sender?.session.stop();
    await stack?.close();
  });

  it("signed out, alert sent, signed in on another browser: readable, and verified", async () => {
    const first = await openPage(browser, plane.url);
    await signIn(first.page, plane, jana);
    const recoveryKey = await setUpMessaging(first.page);
    await keySavedAndRoomsShown(first.page);
    const [record] = await keptDevices(first.page);
    // Setting up left a dehydrated device on the homeserver, signed by Jana's self-signing key.
    const dehydrated = await eventually(
      () => devicesOf(sender.session, record.userId),
      (ds) => ds.some((d) => d.dehydrated),
      30_000,
      250,
    ).then((r) => r.value.find((d) => d.dehydrated)!);
    expect((await sender.session.client.getCrypto()!.getDeviceVerificationStatus(record.userId, dehydrated.deviceId))?.signedByOwner).toBe(true);

    await first.page.getByRole("button", { name: "Sign out" }).click();
    await first.page.getByText("You have signed out.").waitFor();
    // Her browser device is gone from the homeserver; the dehydrated one stays.
    const after = await eventually(
      () => devicesOf(sender.session, record.userId),
      (ds) => !ds.some((d) => d.deviceId === record.deviceId),
      30_000,
      250,
    );
    expect(after.value.map((d) => d.deviceId)).toContain(dehydrated.deviceId);
    await first.context.close();

    const title = "Sent while Jana was signed out";
    const roomId = findRoomByKey(sender.session.client, "network:tourism")!.roomId;
    await sendContent(sender.session, roomId, "alert", { ...EXAMPLES.alert, title });

    // Another browser (its own storage): a new device, restored with the recovery key.
    const second = await openPage(browser, plane.url);
    await signIn(second.page, plane, jana);
    await second.page.getByTestId("matrix-needs-restore").waitFor({ timeout: 90_000 });
    await restoreMessaging(second.page, recoveryKey);
    await roomListShown(second.page);
    await go(second.page, "Home");
    await second.page.locator('li[data-room-key="network:tourism"] a').click({ timeout: 60_000 });
    const card = second.page.locator("article[data-kind=alert]").filter({ hasText: title });
    await card.waitFor({ timeout: 60_000 });
    // Verified: the key came through Olm to her dehydrated device, not from a backup.
    await expect.poll(() => card.getByTestId("trust").textContent(), { timeout: 30_000 }).toMatch(/^✓ verified focal point — Chile/);
    expect(await second.page.locator("article[data-kind=invalid]").count()).toBe(0);

    // The restore left a new dehydrated device; each later start of this browser device replaces it
    // (connect.ts), so the one left behind at the next absence is fresh.
    const dehydratedNow = async () => (await devicesOf(sender.session, record.userId)).find((d) => d.dehydrated)?.deviceId;
    const afterRestore = (await eventually(dehydratedNow, (id) => id !== undefined && id !== dehydrated.deviceId, 30_000, 250)).value;
    await second.page.reload();
    await second.page.locator("header nav").waitFor({ timeout: 60_000 });
    await go(second.page, "Home");
    await roomListShown(second.page);
    await eventually(dehydratedNow, (id) => id !== undefined && id !== afterRestore, 30_000, 250);
    expect([...first.errors, ...second.errors]).toEqual([]);
    await second.context.close();
  }, 300_000);
});
