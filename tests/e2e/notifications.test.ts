// The installable web app in a real Chromium against a real control plane and Synapse: the service
// worker registers and serves the shell offline; a push delivered through the Chrome DevTools
// Protocol (ServiceWorker.deliverPushMessage, as a push service would wake the worker) shows a
// notification that opens the room; an urgent alert arriving while the person is on another
// screen shows in the tab title and the badge; the settings screen fits a laptop and a phone.
//
// What is real and what is not: the push event, showNotification and getNotifications are the
// browser's own. Headless Chromium has no notification centre to click, so the click is a
// NotificationEvent dispatched in the worker on the notification the browser returned; the
// worker's own handler runs (the page moves to the room), only focus() is refused without a user's click.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, CDPSession, Worker } from "playwright-core";
import { sendContent } from "#shared/matrix/send.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { role, type TestPlane } from "../helpers/control-plane.js";
import { openPage, screenshot, LAPTOP, PHONE, type OpenedPage } from "../helpers/browser.js";
import {
  seedPerson,
  signIn,
  setUpMessaging,
  keySavedAndRoomsShown,
  nodeClient,
  overflowsHorizontally,
  untranslatedStrings,
  useLanguage,
  settled,
  type Person,
} from "./steps.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";

interface Registration {
  registrationId: string;
  scopeURL: string;
  isDeleted: boolean;
}

/** The worker's registration id as DevTools knows it (deliverPushMessage needs it). */
async function registrationId(cdp: CDPSession, scope: string): Promise<string> {
  const seen: Registration[] = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (e: { registrations: Registration[] }) => seen.push(...e.registrations));
  await cdp.send("ServiceWorker.enable");
  await expect.poll(() => seen.some((r) => r.scopeURL === scope && !r.isDeleted), { timeout: 30_000 }).toBe(true);
  return seen.find((r) => r.scopeURL === scope && !r.isDeleted)!.registrationId;
}

describe("web client: installable app, push notifications, counts in the title", () => {
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;
  let ana: Person, juan: Person;
  let j: OpenedPage;
  let roomId: string; // Juan's Tourism network room

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ browser, plane } = stack);
    ana = await seedPerson(plane, "Ana Urgente", [role.focal("CL", "tourism")], "CL");
    juan = await seedPerson(plane, "Juan Avisado", [role.focal("JM", "tourism")], "JM");
  }, 240_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("registers the worker, serves the manifest and icons, shows a pushed notification and opens its room", async () => {
    j = await openPage(browser, plane.url);
    const origin = new URL(plane.url).origin;
    await j.context.grantPermissions(["notifications"], { origin });
    // Record what the app asks the badge to show (headless Chromium has no icon to draw it on).
    await j.context.addInitScript(() => {
      const w = window as unknown as { __badges: (number | undefined)[] };
      w.__badges = [];
      navigator.setAppBadge = async (n?: number) => {
        w.__badges.push(n);
      };
      navigator.clearAppBadge = async () => {
        w.__badges.push(0);
      };
    });
    await j.page.reload(); // openPage loaded the app before the script was added
    await signIn(j.page, plane, juan);
    await setUpMessaging(j.page);
    await keySavedAndRoomsShown(j.page);

    // The worker is active and controls the page; the manifest names the icons, which are real PNGs.
    const scriptURL = await j.page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(scriptURL).toBe(`${origin}/sw.js`);
    expect(await j.page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");
    const manifest = (await (await j.page.request.get(`${origin}/manifest.webmanifest`)).json()) as {
      icons: { src: string; sizes: string }[];
      start_url: string;
    };
    expect(manifest.start_url).toBe("/#/");
    for (const icon of manifest.icons) {
      const res = await j.page.request.get(`${origin}${icon.src}`);
      expect(res.headers()["content-type"]).toBe("image/png");
      expect((await res.body()).subarray(1, 4).toString()).toBe("PNG");
    }

    const href = await j.page.locator('li[data-room-key="network:tourism"] a').getAttribute("href");
    roomId = decodeURIComponent(href!.replace("#/room/", ""));
    expect(roomId).toMatch(/^!/);

    // Juan is on another screen when the push arrives.
    await j.page.goto(`${plane.url}/#/notifications`);
    await j.page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
    const cdp = await j.context.newCDPSession(j.page);
    const id = await registrationId(cdp, `${origin}/`);
    // The payload as the control plane sends it: localised, metadata only (shared/api/notifications.ts).
    const payload = {
      kind: "alert",
      title: "Tourism: urgent alert",
      body: "A critical alert awaits you in a Tourism room.",
      url: href,
      tag: `alert:${roomId}`,
      urgent: true,
    };
    await cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId: id, data: JSON.stringify(payload) });
    const shown = () =>
      j.page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data })),
      );
    await expect.poll(shown, { timeout: 30_000 }).toHaveLength(1);
    expect((await shown())[0]).toEqual({ title: payload.title, body: payload.body, tag: payload.tag, data: { url: `${origin}/${href}` } });

    // The click: the worker's notificationclick handler on the real notification (see the header).
    const worker: Worker = j.context.serviceWorkers().find((w) => w.url().endsWith("/sw.js")) ?? (await j.context.waitForEvent("serviceworker"));
    await worker.evaluate(async () => {
      type Scope = { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean };
      type Ctor = new (type: string, init: { notification: Notification }) => Event;
      const scope = self as unknown as Scope;
      const [n] = await scope.registration.getNotifications();
      const NotificationEventCtor = (self as unknown as { NotificationEvent: Ctor }).NotificationEvent;
      scope.dispatchEvent(new NotificationEventCtor("notificationclick", { notification: n }));
    });
    await expect.poll(() => j.page.evaluate(() => window.location.hash), { timeout: 15_000 }).toBe(href);
    await j.page.locator("section.composer").waitFor({ timeout: 30_000 });
    await expect.poll(shown).toHaveLength(0); // the click closed it
    expect(j.errors).toEqual([]);
  });

  it("an urgent alert arriving while the reader is on another screen shows in the tab title and the badge", async () => {
    await j.page.goto(`${plane.url}/#/notifications`);
    await j.page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
    await expect.poll(() => j.page.title(), { timeout: 30_000 }).toBe("Enlace");

    const sender = await nodeClient(plane, ana, ["network:tourism"]);
    try {
      expect(findRoomByKey(sender.session.client, "network:tourism")?.roomId).toBe(roomId);
      await sendContent(sender.session, roomId, "alert", { ...EXAMPLES.alert, severity: "critical", title: "Gate breach" });
      await expect.poll(() => j.page.title(), { timeout: 60_000 }).toBe("(1) ! Enlace");
      const badges = await j.page.evaluate(() => (window as unknown as { __badges: number[] }).__badges);
      expect(badges.at(-1)).toBe(1);
    } finally {
      sender.session.stop();
    }
    // Opening the room reads the alert: the counts go.
    await j.page.goto(`${plane.url}/#/room/${encodeURIComponent(roomId)}`);
    await expect.poll(() => j.page.title(), { timeout: 30_000 }).toBe("Enlace");
    expect(j.errors).toEqual([]);
  });

  it("the settings screen saves channels, quiet hours and language, and fits a laptop and a phone in every language (screenshots: English, Spanish)", async () => {
    await j.page.goto(`${plane.url}/#/notifications`);
    await settled(j.page);
    const form = j.page.getByRole("form", { name: "Notifications" });
    await form.getByLabel("Email to my work address").uncheck();
    await form.getByLabel("Hold notifications during quiet hours").check();
    await form.getByLabel("From").fill("21:30");
    await form.getByLabel("Until").fill("06:45");
    await form.getByLabel("Language of notifications and emails").selectOption("es");
    await form.getByRole("button", { name: "Save settings" }).click();
    await form.getByText("Settings saved.").waitFor();
    // Kept by the control plane: a reload reads them back.
    await j.page.reload();
    await settled(j.page);
    const again = j.page.getByRole("form", { name: "Notifications" });
    expect(await again.getByLabel("Email to my work address").isChecked()).toBe(false);
    expect(await again.getByLabel("Push notifications to my devices").isChecked()).toBe(true);
    // Written back in the interface's language (English: a 12-hour clock), whatever the browser's locale (i18n/dates.ts).
    expect(await again.getByLabel("From").inputValue()).toBe("9:30 PM");
    expect(await again.getByLabel("Until").inputValue()).toBe("6:45 AM");
    expect(await again.getByLabel("Language of notifications and emails").inputValue()).toBe("es");
    await again.getByText("Times are in your time zone: America/New_York").waitFor();
    // Push follows this Matrix device: the panel offers it once the device has reconnected after the reload.
    await j.page.locator("[data-push-status=off]").waitFor({ timeout: 60_000 });

    // Every language translated and fitting both widths; screenshots of English and Spanish.
    for (const lng of ["en", "es", "pt", "fr"]) {
      if (lng !== "en") await useLanguage(j.page, lng);
      expect(await untranslatedStrings(j.page)).toEqual([]);
      for (const [name, size] of [
        ["laptop", LAPTOP],
        ["phone", PHONE],
      ] as const) {
        await j.page.setViewportSize(size);
        expect(await overflowsHorizontally(j.page)).toBe(false);
        if (lng === "en" || lng === "es") await screenshot(j.page, `notifications-${lng}-${name}`);
      }
    }
    await useLanguage(j.page, "en");
    await j.page.setViewportSize(LAPTOP);

    // Turning push on. The permission is granted to this context, so no prompt; Debian's Chromium
    // has no push service to subscribe with (no network, no vendor keys), so pushManager.subscribe
    // fails: the person is told so, and the control plane holds no subscription for them.
    await j.page.getByRole("button", { name: "Turn on notifications on this device" }).click();
    await j.page
      .getByRole("alert")
      .getByText("Notifications could not be turned on: this browser's push service did not accept the subscription.", { exact: false })
      .waitFor({ timeout: 30_000 });
    const held = await plane.ctx.db.query("SELECT count(*)::int AS n FROM push_subscriptions WHERE person_id = $1", [juan.id]);
    expect(held.rows[0].n).toBe(0);

    // Nothing asks for the permission on load: a new browser that opens the screen still has the
    // question open (headless Chromium denies any request it is not told to grant, which would show).
    const fresh = await openPage(browser, plane.url);
    try {
      await signIn(fresh.page, plane, juan);
      await fresh.page.goto(`${plane.url}/#/notifications`);
      await fresh.page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
      await settled(fresh.page);
      expect(await fresh.page.evaluate(() => Notification.permission)).toBe("default");
    } finally {
      await fresh.context.close();
    }
  });

  it("signing out removes this device's push subscription at the control plane", async () => {
    // Chromium here cannot subscribe (see above), so the page registers a well-formed subscription
    // through the API as subscribeThisDevice does after pushManager.subscribe, and remembers the device.
    // First a settled page (the previous test ends on the settings screen after a failed subscribe).
    await j.page.goto(`${plane.url}/#/`);
    await j.page.getByRole("button", { name: "Sign out" }).waitFor();
    await settled(j.page);
    const status = await j.page.evaluate(async () => {
      const key = (n: number) =>
        btoa(String.fromCharCode(...new Uint8Array(n).map((_, i) => (i * 7 + 1) % 256)))
          .replace(/\+/g, "-")
          .replace(/\//g, "_")
          .replace(/=+$/, "");
      const res = await fetch("/api/me/devices/BROWSERDEV/push-subscription", {
        method: "PUT",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ endpoint: "https://push.invalid/e2e/1", keys: { p256dh: key(65), auth: key(16) } }),
      });
      localStorage.setItem("enlace.push.device", "BROWSERDEV");
      return `${res.status} ${res.status === 204 ? "" : await res.text()}`.trim();
    });
    expect(status).toBe("204");
    const count = async () =>
      (await plane.ctx.db.query("SELECT count(*)::int AS n FROM push_subscriptions WHERE person_id = $1", [juan.id])).rows[0].n as number;
    await expect.poll(count, { timeout: 10_000 }).toBe(1);
    await j.page.getByRole("button", { name: "Sign out" }).click();
    await j.page.locator("input[name=email]").waitFor();
    await expect.poll(count, { timeout: 10_000 }).toBe(0);
    expect(await j.page.evaluate(() => localStorage.getItem("enlace.push.device"))).toBeNull();
  });

  it("serves the app shell from the worker when the control plane cannot be reached", async () => {
    await j.context.setOffline(true);
    try {
      const res = await j.page.reload();
      expect(res?.fromServiceWorker()).toBe(true);
      await j.page.locator("header .brand-name").waitFor();
    } finally {
      await j.context.setOffline(false);
    }
  });
});
