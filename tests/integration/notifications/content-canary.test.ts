import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { startTestSynapse, type TestSynapse } from "../../helpers/synapse.js";
import { api, role, startTestPlane, type TestPlane } from "../../helpers/control-plane.js";
import { acquaintedMembers, roomsReady, type Member } from "../../helpers/e2ee.js";
import { findRoomByKey } from "#shared/matrix/rooms.js";
import { sendContent } from "#shared/matrix/send.js";
import { shareDocument, uploadEncryptedFile } from "#shared/matrix/documents.js";
import { publishAdvisory } from "#shared/matrix/advisories.js";
import { EXAMPLES } from "#shared/content/examples.js";
import { createApi } from "../../../client/src/api/client.js";
import { reportIfUrgent } from "../../../client/src/notify/urgent.js";
import { startMailSink, startPushService } from "./sinks.js";
import { notifierOf, type Sinks } from "./world.js";

// Real E2EE content with a unique canary in every text field, sent the way the web app sends it,
// then announced the way the web app announces it (the urgent report, the countersigned advisory).
// Whatever reaches the mail and push sinks, and the control plane's log, must carry none of it.
describe("no E2EE content leaves the encryption through a notification", () => {
  let hs: TestSynapse, plane: TestPlane, sinks: Sinks;
  let ana: Member, jan: Member, officer: Member;
  const logLines: string[] = [];
  const subs = new Map<Member, string>();
  const emails = new Map<Member, string>();
  const ROOMS = ["space", "network:tourism", "advisories:tourism"];
  const tag = randomBytes(6).toString("hex");
  // One per field, so a failure names the field that leaked.
  const canary = (field: string) => `CANARY-${field}-${tag}`;
  const FIELDS = [
    "alert-title",
    "alert-summary",
    "alert-location",
    "alert-filename",
    "advisory-title",
    "advisory-body",
    "incident-title",
    "incident-what",
    "incident-where",
    "document-title",
    "document-event",
    "document-summary",
    "document-filename",
  ];
  const roomOf = (m: Member, key: string) => findRoomByKey(m.session.client, key)!.roomId;

  beforeAll(async () => {
    sinks = { mail: await startMailSink(), push: await startPushService() };
    hs = await startTestSynapse();
    plane = await startTestPlane({ synapse: hs, logSink: { write: (l) => void logLines.push(l) } });
    await roomsReady(plane);
    [ana, jan, officer] = await acquaintedMembers(
      plane,
      ROOMS,
      { roles: [role.focal("CL", "tourism")], state: "CL" },
      { roles: [role.focal("JM", "tourism")], state: "JM" },
      { roles: [role.officer("tourism")], state: null },
    );
    for (const m of [ana, jan, officer]) {
      // Each member's own Matrix device subscribes, as the app does after the person agrees.
      const sub = sinks.push.subscribe();
      const deviceId = m.session.client.getDeviceId()!;
      const r = await api(plane, "PUT", `/api/me/devices/${encodeURIComponent(deviceId)}/push-subscription`, { token: m.cp.token, body: sub.json });
      expect(r.status).toBe(204);
      subs.set(m, sub.id);
      emails.set(m, (await plane.ctx.db.query("SELECT email FROM people WHERE id = $1", [m.personId])).rows[0].email);
    }
  }, 300_000);
  afterAll(async () => {
    for (const m of [ana, jan, officer]) m?.session.stop();
    await plane?.close();
    await hs?.close();
    await sinks?.mail.close();
    await sinks?.push.close();
  });

  it("a critical alert, an advisory requiring acknowledgement, an incident and a document: notified, and no canary in any mail, push or log line", async () => {
    const network = roomOf(ana, "network:tourism");
    // Content no notification announces: if any of it leaked, it would be through the same paths.
    await sendContent(jan.session, network, "incident", {
      ...EXAMPLES.incident,
      title: canary("incident-title"),
      what: canary("incident-what"),
      where: { ...EXAMPLES.incident.where, text: canary("incident-where") },
    });
    await shareDocument(
      jan.session,
      network,
      { bytes: Buffer.from("attachment"), filename: `${canary("document-filename")}.txt`, mimetype: "text/plain" },
      {
        tlp: "GREEN",
        title: canary("document-title"),
        event: canary("document-event"),
        date: "2024-07-14",
        topics: ["tourism"],
        language: "en",
        summary: canary("document-summary"),
      },
    );

    // The focal point's critical alert, attachment included, as AlertComposer sends it...
    const file = await uploadEncryptedFile(ana.session, {
      bytes: Buffer.from("photo"),
      filename: `${canary("alert-filename")}.zip`,
      mimetype: "application/zip",
    });
    const eventId = await sendContent(ana.session, network, "alert", {
      ...EXAMPLES.alert,
      severity: "critical",
      title: canary("alert-title"),
      summary: canary("alert-summary"),
      location: { ...EXAMPLES.alert.location!, text: canary("alert-location") },
      attachments: [file],
    });
    // ...and reported urgent through the web app's own code and API client (bearer instead of its cookie).
    const anaApi = createApi({
      baseUrl: plane.url,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${ana.cp.token}` } }),
    });
    expect(await reportIfUrgent(anaApi, network, eventId, "critical")).toBe(true);

    // The officer's advisory: the control plane countersigns its digest and learns number and deadline only.
    const { number } = await publishAdvisory(officer.session, officer.cp, roomOf(officer, "advisories:tourism"), {
      tlp: "AMBER",
      programCode: "tourism",
      title: canary("advisory-title"),
      body: canary("advisory-body"),
      programs: ["tourism"],
      requiresAck: true,
      ackDeadline: new Date(Date.now() + 72 * 3600_000).toISOString(),
    });

    // Run the notifier until both notices reached every recipient, by push and by mail.
    const notifier = notifierOf(plane, sinks);
    const pushes = (m: Member, kind: string) => sinks.push.receivedBy(subs.get(m)!).filter((p) => p.kind === kind);
    const mails = (m: Member) => sinks.mail.mails.filter((x) => x.to === emails.get(m));
    const delivered = () =>
      pushes(jan, "urgent.alert").length > 0 &&
      pushes(officer, "urgent.alert").length > 0 &&
      pushes(ana, "advisory.published").length > 0 &&
      pushes(jan, "advisory.published").length > 0 &&
      mails(jan).length >= 2 &&
      mails(officer).length >= 1 &&
      mails(ana).length >= 1;
    const t0 = Date.now();
    while (!delivered()) {
      if (Date.now() - t0 > 60_000)
        throw new Error(`not delivered: ${JSON.stringify({ pushes: sinks.push.received.map((r) => r.payload), mails: sinks.mail.mails.length })}`);
      await notifier.run();
      await new Promise((r) => setTimeout(r, 200));
    }
    await notifier.channels.close();
    // The alert's sender is not told of her own alert; the advisory names its number.
    expect(pushes(ana, "urgent.alert")).toHaveLength(0);
    expect(pushes(jan, "advisory.published")[0].title).toContain(`#${number}`);

    const haystacks = {
      mails: JSON.stringify(sinks.mail.mails),
      pushes: JSON.stringify(sinks.push.received.map((r) => ({ payload: r.payload, headers: r.headers }))),
      log: logLines.join(""),
    };
    expect(sinks.mail.mails.length).toBeGreaterThan(0);
    expect(sinks.mail.mails.every((m) => m.headers.length > 0 && m.text.length > 0)).toBe(true);
    expect(sinks.push.received.length).toBeGreaterThan(0);
    expect(logLines.length).toBeGreaterThan(0);
    const leaks = Object.entries(haystacks).flatMap(([where, text]) =>
      [...FIELDS.map(canary), tag].filter((c) => text.includes(c)).map((c) => `${c} in ${where}`),
    );
    expect(leaks).toEqual([]);
  }, 180_000);
});
