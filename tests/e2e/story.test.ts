// The story so far, in a real browser against a real control plane and Synapse: nominate → approve
// (four eyes) → enroll → signed in; a revoked person's open session is thrown out; a new focal point
// sets up secure messaging and saves the recovery key, acknowledges a Secretariat advisory they see
// as verified, and the officer's coverage view shows the state as acknowledged; a second browser
// restores with the recovery key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { randomBytes } from "node:crypto";
import { encodeRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import { role, type TestPlane } from "../helpers/control-plane.js";
import type { TestSynapse } from "../helpers/synapse.js";
import { keptDevices, openPage, screenshot, LAPTOP, PHONE } from "../helpers/browser.js";
import { LANGUAGES } from "../../client/src/i18n/index.js";
import { sendContent } from "#shared/matrix/send.js";
import { shareDocument } from "#shared/matrix/documents.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { buildEventContent } from "#shared/content/event.js";
import { ACK_EVENT_TYPE, buildAckContent } from "#shared/content/ack.js";
import { matrixFetch } from "#server/synapse/http.js";
import {
  seedPerson,
  signIn,
  go,
  settled,
  nodeClient,
  roomListShown,
  setUpMessaging,
  restoreMessaging,
  overflowsHorizontally,
  untranslatedStrings,
  useLanguage,
  backupHolds,
  type Person,
  signInRestored,
  publishAdvisory,
} from "./steps.js";
import { startMessagingStack, type MessagingStack } from "./stack.js";

describe("web client: vetting story", () => {
  let hs: TestSynapse;
  let plane: TestPlane;
  let browser: Browser;
  let stack: MessagingStack | undefined;
  let coordinator: Person, officer: Person, otherOfficer: Person;

  beforeAll(async () => {
    stack = await startMessagingStack();
    ({ hs, browser, plane } = stack);
    coordinator = await seedPerson(plane, "Camila Coordinadora", [role.coordinator("CL")], "CL");
    officer = await seedPerson(plane, "Oscar Officer", [role.officer("tourism")], null);
    otherOfficer = await seedPerson(plane, "Olga Officer", [role.officer("tourism")], null);
  }, 240_000);
  afterAll(async () => {
    secretariatNode?.session.stop();
    await second?.context.close();
    await stack?.close();
  });

  it("a coordinator nominates, an officer approves, the nominee enrolls and lands signed in", async () => {
    // The national coordinator (TOTP) nominates a focal point of Chile.
    const c = await openPage(browser, plane.url);
    await signIn(c.page, plane, coordinator);
    await go(c.page, "Nominate");
    await c.page.getByLabel("Full name").fill("Nadia Nominee");
    await c.page.getByLabel("Email").fill("nadia.nominee@e2e.example.org");
    await expect.poll(() => c.page.getByLabel("Member state").inputValue()).toBe("Chile"); // a coordinator's own state, fixed
    await c.page.getByRole("checkbox", { name: "Tourism Security" }).check();
    await c.page.getByRole("button", { name: "Nominate", exact: true }).click();
    await c.page.getByText("Nadia Nominee is nominated").waitFor();
    const row = c.page.locator('tr[data-person="nadia.nominee@e2e.example.org"]');
    await expect.poll(() => row.textContent()).toContain("Nominated");

    // Another person, a Secretariat officer of the program, approves with a reason.
    const o = await openPage(browser, plane.url);
    await signIn(o.page, plane, officer);
    await go(o.page, "Nomination queue");
    const queued = o.page.locator('tr[data-person="nadia.nominee@e2e.example.org"]');
    // Four eyes cover the Matrix account too: the officer sees the ID the server assigned, before and while approving.
    await expect.poll(() => queued.getByTestId("matrix-id").textContent()).toBe("Matrix account: @nadia.nominee.cl:enlace.test");
    await queued.getByRole("button", { name: "Approve" }).click();
    expect(await queued.getByTestId("approving-matrix-id").textContent()).toContain("with the Matrix account @nadia.nominee.cl:enlace.test");
    await queued.getByLabel("Reason").fill("Vetted by the Chilean ministry");
    await queued.getByRole("button", { name: "Confirm: Approve" }).click();
    const link = await o.page.getByLabel("Enrollment link", { exact: true }).inputValue();
    expect(link).toMatch(/\/#\/enroll\/[A-Za-z0-9_-]{32,64}$/);

    // The nominee opens the link (on the test plane's address), sets a password and is signed in.
    const n = await openPage(browser, plane.url + link.slice(link.indexOf("/#/")));
    await n.page.getByText("This link is for Nadia Nominee (nadia.nominee@e2e.example.org).").waitFor();
    await n.page.getByLabel("New password").fill("a long enough passphrase");
    await n.page.getByLabel("Repeat the password").fill("a long enough passphrase");
    await n.page.getByRole("button", { name: "Activate my account" }).click();
    await n.page.getByRole("heading", { name: "Welcome, Nadia Nominee" }).waitFor();
    // Program names arrive with the reference lists (the code shows until then).
    await expect.poll(() => n.page.locator("main").textContent()).toContain("Focal point · Chile · Tourism Security");

    // The new member fills in their expertise and finds themself in the directory.
    await go(n.page, "Expertise directory");
    await n.page.getByLabel("My areas of expertise").fill("Port security, cruise terminals");
    await n.page.getByRole("checkbox", { name: "Spanish" }).check();
    await n.page.getByRole("button", { name: "Save my expertise" }).click();
    await n.page.getByText("Your expertise is saved.").waitFor();
    await n.page.getByLabel("Area of expertise").fill("cruise terminals");
    await n.page.getByRole("button", { name: "Search", exact: true }).click();
    await n.page.getByText("1 person found").waitFor();
    expect(await n.page.locator("main .cards").textContent()).toContain("Nadia Nominee");

    // Signing out ends the session; the link cannot be used twice.
    await n.page.getByRole("button", { name: "Sign out" }).click();
    await n.page.getByText("You have signed out.").waitFor();
    await n.page.goto(plane.url + link.slice(link.indexOf("/#/")));
    await n.page.getByText("This enrollment link has expired or was already used.").waitFor();

    // Back at the coordinator's roster the nominee is now active.
    await c.page.reload();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("Active");
    // The coordinator is offered what they may do — suspend — and not revoke, a Secretariat decision.
    await row.getByRole("button", { name: "Suspend" }).waitFor();
    expect(await row.getByRole("button", { name: "Revoke" }).count()).toBe(0);
    expect([...c.errors, ...o.errors, ...n.errors]).toEqual([]);
    await Promise.all([c.context.close(), o.context.close(), n.context.close()]);
  });

  it("four eyes: the officer who nominated sees approve disabled, with the reason", async () => {
    const o = await openPage(browser, plane.url);
    await signIn(o.page, plane, otherOfficer);
    await go(o.page, "Nominate");
    await o.page.getByLabel("Full name").fill("Pedro Propio");
    await o.page.getByLabel("Email").fill("pedro.propio@e2e.example.org");
    await o.page.getByLabel("Member state").selectOption("CL");
    await o.page.getByRole("checkbox", { name: "Tourism Security" }).check();
    await o.page.getByRole("button", { name: "Nominate", exact: true }).click();
    await o.page.getByText("Pedro Propio is nominated").waitFor();

    await go(o.page, "Nomination queue");
    const row = o.page.locator('tr[data-person="pedro.propio@e2e.example.org"]');
    const approve = row.getByRole("button", { name: "Approve" });
    await approve.waitFor();
    expect(await approve.isDisabled()).toBe(true);
    const why = row.getByTestId("cannot-approve");
    expect(await why.textContent()).toContain("four eyes");
    // The queue says who nominated and who may approve instead: another officer or an administrator.
    expect(await row.getByTestId("nominated-by").textContent()).toContain("Nominated by Olga Officer");
    expect(await row.getByTestId("approval-rule").textContent()).toContain("or an administrator");
    // The explanation is the button's description for assistive technology.
    expect(await approve.getAttribute("aria-describedby")).toBe(await why.getAttribute("id"));
    await o.context.close();
  });

  it("revocation: the focal point's open session is thrown out and cannot sign in again", async () => {
    const focal = await seedPerson(plane, "Felipe Focal", [role.focal("CL", "tourism")], "CL");
    const f = await openPage(browser, plane.url);
    await signIn(f.page, plane, focal);
    await f.page.getByRole("heading", { name: "Welcome, Felipe Focal" }).waitFor();

    const o = await openPage(browser, plane.url);
    await signIn(o.page, plane, officer);
    await go(o.page, "People");
    const row = o.page.locator(`tr[data-person="${focal.email}"]`);
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByLabel("Reason").fill("Left the ministry");
    await row.getByRole("button", { name: "Confirm: Revoke" }).click();
    await o.page.getByText("Felipe Focal: Revoked.").waitFor();

    // The focal point's next API call finds the session gone: the app shows sign-in with a message.
    await go(f.page, "Major events");
    await f.page.getByTestId("session-notice").waitFor();
    expect(await f.page.getByTestId("session-notice").textContent()).toContain("Your session has ended");
    expect(await f.page.locator("header nav").count()).toBe(0);

    await f.page.locator("input[name=email]").fill(focal.email);
    await f.page.locator("input[name=password]").fill(focal.password);
    await f.page.locator("main button[type=submit]").click();
    // A revoked person's right password gets the same answer as a wrong one (no password oracle).
    await f.page.getByRole("alert").filter({ hasText: "Not signed in" }).waitFor();
    await settled(f.page);
    expect(f.errors).toEqual([]);
    await Promise.all([f.context.close(), o.context.close()]);
  });

  let fernanda: Person;
  let secretariatNode: Awaited<ReturnType<typeof nodeClient>> | undefined;
  let second: Awaited<ReturnType<typeof openPage>> | undefined;
  let recoveryKey = "";
  const advisoryTitle = "Heightened threat to fan zones";

  it("a new focal point sets up secure messaging, acknowledges a verified advisory, and the officer sees Chile covered", async () => {
    fernanda = await seedPerson(plane, "Fernanda Focal", [role.focal("CL", "tourism")], "CL");
    const secretariat = await seedPerson(plane, "Sofia Secretariat", [role.officer("tourism")], null);

    // Step 3: first sign-in; secure messaging needs setting up; the recovery key is shown once.
    const f = await openPage(browser, plane.url);
    await f.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: plane.url });
    await signIn(f.page, plane, fernanda);
    await f.page.getByRole("heading", { name: "Welcome, Fernanda Focal" }).waitFor();
    recoveryKey = await setUpMessaging(f.page);
    // Enlace's case-insensitive encoding (shared/matrix/recovery-key.ts), not the SDK's base58.
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){13}$/);
    expect(await f.page.locator("main").textContent()).toContain("Nobody can recover it for you");
    await screenshot(f.page, "messaging-recovery-key-laptop");
    await f.page.getByRole("button", { name: "Copy the key" }).click();
    await f.page.getByText("Copied.").waitFor();
    expect(await f.page.evaluate(() => navigator.clipboard.readText())).toBe(recoveryKey);
    const proceed = f.page.getByRole("button", { name: "Continue" });
    expect(await proceed.isDisabled()).toBe(true);
    await f.page.getByLabel("I have saved my recovery key in a safe place").check();
    await proceed.click();
    await roomListShown(f.page);
    const advisoriesRow = f.page.locator('li[data-room-key="advisories:tourism"]');
    await advisoriesRow.waitFor();

    // A reload keeps the device: no setup or restore again, same device id.
    const device = await keptDevices(f.page);
    expect(device).toHaveLength(1);
    await f.page.reload();
    await roomListShown(f.page);
    expect(await f.page.getByTestId("matrix-needs-restore").count()).toBe(0);
    expect(await keptDevices(f.page)).toEqual(device);

    // Step 4: the Secretariat officer publishes an advisory that requires acknowledgement, from the
    // composer in the browser. Her first device is a Node Enlace client (the later tests send through
    // it); the browser restores with its recovery key.
    secretariatNode = await nodeClient(plane, secretariat, ["space", "advisories:tourism", "network:tourism"]);
    const node = secretariatNode;
    const o = await signInRestored(browser, plane, secretariat, node.recoveryKey);
    const sent = await publishAdvisory(o.page, { title: advisoryTitle, text: "Review barrier placement at fan zones.", tlp: "AMBER" });
    // The first advisory number of the program.
    await o.page.locator("section.composer").getByText("Advisory tourism #1 published and countersigned by the Secretariat.").waitFor();
    await go(o.page, "Home");

    const watched = o.page.getByTestId("watched-advisories").locator("li").filter({ hasText: advisoryTitle });
    await expect.poll(() => watched.textContent(), { timeout: 30_000 }).toContain("acknowledged by 0 member states");
    await o.page.locator('li[data-room-key="advisories:tourism"] a').click();
    const coverageLink = sent.getByRole("link", { name: "Acknowledgement coverage" });
    await coverageLink.waitFor({ timeout: 60_000 });
    const advisoryEventId = (await sent.getAttribute("data-event-id"))!;
    await coverageLink.click();
    const chile = o.page.locator("tr[data-state=CL]");
    await expect.poll(() => chile.textContent(), { timeout: 30_000 }).toContain("Pending");

    // The homeserver operator acknowledges in Fernanda's name (admin-API token: no device, no device
    // signature). It is listed as not counting, Chile stays pending, and Fernanda is still asked (issue 9 item 2).
    const fernandaMxid = (await plane.ctx.db.query("SELECT matrix_user_id FROM people WHERE id = $1", [fernanda.id])).rows[0].matrix_user_id as string;
    const operator = (await hs.admin.register(hs.registrationSharedSecret, `operator${Date.now()}`, true)).access_token;
    const asFernanda = (
      await matrixFetch<{ access_token: string }>(
        { baseUrl: hs.url },
        "POST",
        `/_synapse/admin/v1/users/${encodeURIComponent(fernandaMxid)}/login`,
        {},
        operator,
      )
    ).access_token;
    await hs.admin.sendEvent(findRoomByKey(node.session.client, "advisories:tourism")!.roomId, ACK_EVENT_TYPE, buildAckContent(advisoryEventId), asFernanda);
    const notCounted = o.page.getByTestId("coverage-not-counted");
    await expect.poll(() => notCounted.textContent().catch(() => ""), { timeout: 30_000 }).toContain("1 acknowledgement cannot be verified and does not count");
    expect(await chile.textContent()).toContain("Pending");
    expect(await o.page.getByTestId("coverage-summary").textContent()).toMatch(/^0 of 1 member states acknowledged/);

    // Step 5: the advisory waits for Fernanda's acknowledgement on Home, urgent; in the room it is verified.
    const awaiting = f.page.getByTestId("awaiting-ack");
    await awaiting.getByText(advisoryTitle).waitFor({ timeout: 60_000 });
    await advisoriesRow.getByTestId("urgent").waitFor();
    expect(await advisoriesRow.getByTestId("urgent").textContent()).toBe("1 urgent");
    await awaiting.getByRole("link", { name: new RegExp(advisoryTitle) }).click();
    const card = f.page.locator("article[data-kind=advisory]").filter({ hasText: advisoryTitle });
    await card.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => card.getByTestId("trust").textContent(), { timeout: 30_000 })
      .toContain("verified Secretariat officer — OAS Secretariat, Tourism Security");
    expect(await card.locator(".tlp").textContent()).toBe("TLP:AMBER");
    await card.getByRole("button", { name: "Acknowledge" }).click();
    await card.getByText("Acknowledged").waitFor();

    // Step 6: the officer's open coverage view turns Chile to acknowledged, live.
    await expect.poll(() => chile.textContent(), { timeout: 30_000 }).toContain("Acknowledged");
    expect(await o.page.getByTestId("coverage-summary").textContent()).toMatch(/^1 of 1 member states acknowledged/);
    await o.page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(o.page)).toBe(false);
    await screenshot(o.page, "messaging-coverage-phone");

    // The room and Home in every language, no untranslated key; the room fits a phone.
    await f.page.setViewportSize(PHONE);
    await settled(f.page);
    expect(await overflowsHorizontally(f.page)).toBe(false);
    await screenshot(f.page, "messaging-room-phone");
    for (const lng of LANGUAGES) {
      await useLanguage(f.page, lng);
      expect(await untranslatedStrings(f.page), `room in ${lng}`).toEqual([]);
    }
    await useLanguage(f.page, "en");
    await f.page.setViewportSize(LAPTOP);
    await go(f.page, "Home");
    await awaiting.getByText("Nothing is waiting for your acknowledgement.").waitFor({ timeout: 30_000 });
    await settled(f.page);
    await screenshot(f.page, "messaging-home-laptop");
    for (const lng of LANGUAGES) {
      await useLanguage(f.page, lng);
      expect(await untranslatedStrings(f.page), `home in ${lng}`).toEqual([]);
    }
    await useLanguage(f.page, "en");
    for (const lng of LANGUAGES) {
      await useLanguage(o.page, lng);
      expect(await untranslatedStrings(o.page), `coverage in ${lng}`).toEqual([]);
    }

    expect([...f.errors, ...o.errors]).toEqual([]);
    await backupHolds(plane, fernanda); // the next test reads this history on a new device
    await Promise.all([f.context.close(), o.context.close()]);
  }, 300_000);

  it("a second browser restores with the recovery key: a wrong key is refused, the right one brings the history back", async () => {
    const b = await openPage(browser, plane.url);
    await signIn(b.page, plane, fernanda);
    await b.page.getByTestId("matrix-needs-restore").waitFor({ timeout: 90_000 });
    await restoreMessaging(b.page, recoveryKey.slice(0, -1) + (recoveryKey.endsWith("A") ? "B" : "A"));
    await b.page.getByText("This is not a valid recovery key. Check it for typing mistakes.").waitFor({ timeout: 30_000 });
    await b.page.getByLabel("Recovery key", { exact: true }).fill(encodeRecoveryKey(randomBytes(32))!);
    await b.page.getByRole("button", { name: "Restore on this device" }).click();
    await b.page.getByText("This recovery key does not match your account.").waitFor({ timeout: 30_000 });
    await b.page.getByLabel("Recovery key", { exact: true }).fill(recoveryKey);
    await b.page.getByRole("button", { name: "Restore on this device" }).click();
    await roomListShown(b.page);
    // History from before this device existed is readable (key backup) and still acknowledged.
    await b.page.locator('li[data-room-key="advisories:tourism"] a').click();
    const card = b.page.locator("article[data-kind=advisory]").filter({ hasText: advisoryTitle });
    await card.waitFor({ timeout: 60_000 });
    await card.getByText("Acknowledged").waitFor({ timeout: 30_000 });
    expect(await b.page.locator("article[data-kind=invalid]").count()).toBe(0);
    expect(b.errors).toEqual([]);
    second = b;
  }, 240_000);

  it("cards per content kind in the network room: a critical alert is urgent, a document decrypts in the browser, invalid content is shown as invalid, an operator's cleartext alert as unencrypted", async () => {
    const b = second!,
      s = secretariatNode!.session;
    const roomId = findRoomByKey(s.client, "network:tourism")!.roomId;
    const bytes = randomBytes(50_000);
    await sendContent(s, roomId, "alert", { ...EXAMPLES.alert, title: "Drone over fan zone", severity: "critical", category: "drone", attachments: undefined });
    await sendContent(s, roomId, "incident", EXAMPLES.incident);
    await shareDocument(
      s,
      roomId,
      { bytes, filename: "lessons.pdf", mimetype: "application/pdf" },
      {
        tlp: "GREEN",
        title: "Lessons learned: fan zones",
        event: "Final 2024",
        date: "2024-07-14",
        topics: ["crowd management"],
        language: "es",
        summary: "Staggered entry works.",
      },
    );
    // An Enlace payload that fails its schema (as a buggy or hostile client would send it).
    await s.client.sendEvent(
      roomId,
      "m.room.message" as never,
      { msgtype: "m.text", body: "broken", "org.oas.enlace.alert": { version: 1, title: "" } } as never,
    );
    // The homeserver operator (admin API: an access token for the officer, no device) posts a valid
    // critical alert in the clear (issue 9 item 2): a warning card, not urgent, never verified.
    const operator = (await hs.admin.register(hs.registrationSharedSecret, `operator${Date.now()}`, true)).access_token;
    const asOfficer = (
      await matrixFetch<{ access_token: string }>({ baseUrl: hs.url }, "POST", `/_synapse/admin/v1/users/${encodeURIComponent(s.userId)}/login`, {}, operator)
    ).access_token;
    await hs.admin.sendEvent(
      roomId,
      "m.room.message",
      buildEventContent(
        "alert",
        { ...EXAMPLES.alert, title: "Forged evacuation order", severity: "critical", location: { text: "Estadio Nacional" }, attachments: undefined },
        { roomCeiling: "AMBER" },
      ),
      asOfficer,
    );

    await go(b.page, "Home");
    const network = b.page.locator('li[data-room-key="network:tourism"]');
    await expect
      .poll(
        () =>
          network
            .getByTestId("urgent")
            .textContent()
            .catch(() => ""),
        { timeout: 60_000 },
      )
      .toBe("1 urgent");
    await expect.poll(() => network.getByTestId("unread").textContent(), { timeout: 30_000 }).toBe("5 unread");
    await b.page.getByRole("region", { name: "Recent alerts by severity" }).getByText("Drone over fan zone").waitFor();

    await network.locator("a").click();
    const alert = b.page.locator("article[data-kind=alert]").filter({ hasText: "Drone over fan zone" });
    await alert.waitFor({ timeout: 30_000 });
    const alertText = await alert.textContent();
    for (const fact of ["Critical", "TLP:AMBER", "B2", "Drone", "verified Secretariat officer"]) expect(alertText).toContain(fact);
    expect(await b.page.locator("article[data-kind=incident]").textContent()).toContain("Ongoing");
    expect(await b.page.locator("[data-testid=invalid]").textContent()).toMatch(/^Invalid: tlp: .*\(\+\d+ more\)$/);
    const forged = b.page.locator("article[data-kind=unencrypted]");
    await forged.waitFor({ timeout: 30_000 });
    expect(await forged.getByTestId("unencrypted").textContent()).toBe("⚠ Sent without encryption — cannot be verified");
    expect(await forged.getByTestId("trust").textContent()).toBe("⚠ sent without encryption");
    expect(await forged.textContent()).not.toContain("Forged evacuation order");
    expect(await b.page.locator("article[data-kind=alert]").filter({ hasText: "Forged evacuation order" }).count()).toBe(0);

    const doc = b.page.locator("article[data-kind=document]");
    // The sender says application/pdf; the browser is handed opaque bytes whatever the sender says (issue 9 item 11).
    await b.page.evaluate(() => {
      const w = window as unknown as { blobTypes: string[] };
      const original = URL.createObjectURL.bind(URL);
      w.blobTypes = [];
      URL.createObjectURL = (o: Blob | MediaSource) => {
        w.blobTypes.push((o as Blob).type);
        return original(o);
      };
    });
    const [download] = await Promise.all([b.page.waitForEvent("download"), doc.getByRole("button", { name: "Download and decrypt" }).click()]);
    expect(download.suggestedFilename()).toBe("lessons.pdf");
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(await b.page.evaluate(() => (window as unknown as { blobTypes: string[] }).blobTypes)).toEqual(["application/octet-stream"]);

    await screenshot(b.page, "messaging-network-room-laptop");
    await b.page.setViewportSize(PHONE);
    await settled(b.page);
    expect(await overflowsHorizontally(b.page)).toBe(false);
    for (const lng of LANGUAGES) {
      await useLanguage(b.page, lng);
      expect(await untranslatedStrings(b.page), `cards in ${lng}`).toEqual([]);
    }
    await useLanguage(b.page, "en");
    await b.page.setViewportSize(LAPTOP);

    // Reading the room clears its unread count on Home.
    await go(b.page, "Home");
    await expect.poll(() => network.getByTestId("unread").count(), { timeout: 30_000 }).toBe(0);
    expect(b.errors).toEqual([]);
  }, 240_000);

  it("signing out logs the Matrix device out and deletes its keys from the browser", async () => {
    const b = second!,
      observer = secretariatNode!.session;
    const [record] = await keptDevices(b.page);
    const deviceKnown = async () => {
      const keys = (await observer.client.downloadKeysForUsers([record.userId])) as { device_keys?: Record<string, Record<string, unknown>> };
      return record.deviceId in (keys.device_keys?.[record.userId] ?? {});
    };
    expect(await deviceKnown()).toBe(true);
    // One Matrix client per browser: a second tab says so instead of sharing the crypto store.
    const tab = await b.context.newPage();
    await tab.goto(plane.url);
    await tab.getByText("Enlace is open in another tab of this browser.", { exact: false }).waitFor({ timeout: 30_000 });
    await tab.close();
    await b.page.getByRole("button", { name: "Sign out" }).click();
    await b.page.getByText("You have signed out.").waitFor();
    await expect.poll(() => keptDevices(b.page), { timeout: 30_000 }).toEqual([]);
    await expect
      .poll(() => b.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.includes("matrix-sdk-crypto"))), {
        timeout: 30_000,
      })
      .toEqual([]);
    await expect.poll(deviceKnown, { timeout: 30_000 }).toBe(false);
    expect(b.errors).toEqual([]);
  }, 120_000);
  it("the homeserver refusing the first Matrix sign-in (429): 'reconnecting', not an error; 'Try now' connects in the same tab, and signing out and in again does too", async () => {
    const person = await seedPerson(plane, "Rita Reintento", [role.focal("CL", "tourism")], "CL");
    const p = await openPage(browser, plane.url);
    let refused = 0;
    await p.page.route("**/_matrix/client/v3/login", async (route) => {
      if (route.request().method() !== "POST" || refused++ > 0) return route.fallback();
      await route.fulfill({ status: 429, contentType: "application/json", body: JSON.stringify({ errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests" }) });
    });
    await signIn(p.page, plane, person);
    // A rate limit is waited out (the device is not given up), and said so: not "could not be opened".
    await p.page.getByText("The messaging server asked Enlace to wait a moment.", { exact: false }).waitFor({ timeout: 60_000 });
    expect(await p.page.getByText("Secure messaging could not be opened.", { exact: false }).count()).toBe(0);
    await p.page.getByRole("button", { name: "Try now" }).click();
    // The waiting attempt let go of the tab's lock: the new one opens messaging, not "open in another tab".
    await p.page.getByText("Set up secure messaging").first().waitFor({ timeout: 60_000 });
    expect(await p.page.getByText("open in another tab", { exact: false }).count()).toBe(0);
    await p.page.getByRole("button", { name: "Sign out" }).click();
    await p.page.getByText("You have signed out.").waitFor();
    await signIn(p.page, plane, person);
    await p.page.getByText("Set up secure messaging").first().waitFor({ timeout: 60_000 });
    expect(await p.page.getByText("open in another tab", { exact: false }).count()).toBe(0);
    expect(refused).toBeGreaterThan(1);
    expect(p.errors).toEqual([]);
    await p.context.close();
  }, 180_000);
});
