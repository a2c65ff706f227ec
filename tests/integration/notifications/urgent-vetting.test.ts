import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, TestPlane } from "../../helpers/control-plane.js";
import { saveRoom } from "#server/domain/rooms/repo.js";
import { COALESCE_WINDOW_MS } from "#server/domain/notifications/enqueue.js";
import { startMailSink, startPushService } from "./sinks.js";
import { api, assertNoCanary, CANARY, notifierOf, person, role, signInAgain, startTestPlane, subscribe, type Sinks } from "./world.js";

const ROOM = "!network-cyber:hs.urgent.test";

describe("urgent alerts, preferences and vetting notices", () => {
  let plane: TestPlane;
  let sinks: Sinks;
  let notifier: ReturnType<typeof notifierOf>;
  let sender: Actor, peer: Actor, officer: Actor, outsider: Actor, coordinator: Actor, admin: Actor;
  const subs: Record<string, string> = {};
  const mx = (name: string) => ({ matrixUserId: `@${name}:hs.urgent.test` });

  beforeAll(async () => {
    sinks = { mail: await startMailSink(), push: await startPushService() };
    plane = await startTestPlane();
    notifier = notifierOf(plane, sinks);
    admin = await person(plane, [role.admin()], null, mx("admin"));
    sender = await person(plane, [role.focal("CL", "cybersecurity")], "CL", mx("sender"));
    peer = await person(plane, [role.focal("AR", "cybersecurity")], "AR", mx("peer"));
    officer = await person(plane, [role.officer("cybersecurity")], null, mx("officer"));
    outsider = await person(plane, [role.focal("AR", "tourism")], "AR", mx("outsider"));
    coordinator = await person(plane, [role.coordinator("CL")], "CL", mx("coordinator"));
    // The registry's room: the program's network room, on a registered homeserver.
    expect((await api(plane, "POST", "/api/homeservers", { token: admin.token, body: { serverName: "hs.urgent.test", memberState: "CL" } })).status).toBe(201);
    await saveRoom(plane.ctx.db, "network:cybersecurity", ROOM, "network");
    for (const [name, who] of Object.entries({ sender, peer, officer, outsider, coordinator })) subs[name] = await subscribe(plane, sinks, who);
  }, 180_000);
  afterAll(async () => {
    await plane?.close();
    await sinks?.mail.close();
    await sinks?.push.close();
  });
  const pushesTo = (name: string) => sinks.push.receivedBy(subs[name]);
  const urgent = (who: Actor, eventId: string, severity = "critical", roomId = ROOM) =>
    api(plane, "POST", "/api/notifications/urgent", { token: who.token, body: { roomId, eventId, severity } });

  it("tells the room's other members, opens the room, and turns a burst into one notification", async () => {
    const r = await urgent(sender, "$alert1");
    expect(r.status).toBe(202);
    expect(r.body.queued).toBe(2); // the AR focal point and the officer; not the sender, not the other program
    await notifier.run();
    expect(pushesTo("peer")).toEqual([expect.objectContaining({ kind: "urgent.alert", urgent: true, url: `#/room/${encodeURIComponent(ROOM)}` })]);
    expect(pushesTo("sender")).toHaveLength(0);
    expect(pushesTo("outsider")).toHaveLength(0);
    // The same event again: nothing new. Three more right away: held, then one notification saying three.
    expect((await urgent(sender, "$alert1")).body.queued).toBe(0);
    for (const e of ["$alert2", "$alert3", "$alert4"]) expect((await urgent(peer, e, "high")).status).toBe(202);
    // The sender had heard nothing from this room: the first goes at once with the two after it merged in;
    // the officer heard of $alert1 a moment ago: held to the end of the window.
    expect(await notifier.run()).toBe(1);
    expect(pushesTo("sender")[0].body).toMatch(/3/);
    plane.clock.advance(COALESCE_WINDOW_MS);
    await notifier.run();
    expect(pushesTo("officer")).toHaveLength(2);
    expect(pushesTo("officer")[1].body).toMatch(/3/);
    expect(pushesTo("sender")).toHaveLength(1); // the peer's alerts reached the sender, as one
  });

  it("refuses non-members and unknown rooms alike, and rate-limits a sender", async () => {
    expect((await urgent(outsider, "$x")).status).toBe(403);
    expect((await urgent(sender, "$x", "high", "!unknown:hs.urgent.test")).status).toBe(403);
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await urgent(officer, `$burst${i}`, "high")).status;
    const limited = await urgent(officer, "$one-more", "high");
    expect(last).toBe(429);
    expect(limited.body.type).toMatch(/urgent-rate-limited$/);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("keeps quiet hours for high alerts but not for critical ones, in the person's language; off channels stay off", async () => {
    const night = { start: "00:00", end: "23:59", timeZone: "UTC" };
    const put = await api(plane, "PUT", "/api/me/notification-preferences", {
      token: peer.token,
      body: { channels: { push: true, email: false }, quietHours: night, language: "fr" },
    });
    expect(put.status).toBe(200);
    expect((await api(plane, "GET", "/api/me/notification-preferences", { token: peer.token })).body).toEqual(put.body);
    expect(
      (
        await api(plane, "PUT", "/api/me/notification-preferences", {
          token: peer.token,
          body: { ...put.body, quietHours: { ...night, timeZone: "Mars/Base" } },
        })
      ).status,
    ).toBe(400);
    plane.clock.advance(COALESCE_WINDOW_MS * 2);
    const before = pushesTo("peer").length;
    const mailsBefore = sinks.mail.mails.filter((m) => m.to === peer.email).length;
    await urgent(sender, "$quiet-high", "high");
    await notifier.run();
    expect(pushesTo("peer")).toHaveLength(before); // held until morning
    plane.clock.advance(COALESCE_WINDOW_MS * 2);
    await urgent(sender, "$quiet-critical", "critical");
    await notifier.run();
    expect(pushesTo("peer").length).toBe(before + 1);
    expect(pushesTo("peer").at(-1).title).toBe("Alerte critique");
    expect(sinks.mail.mails.filter((m) => m.to === peer.email)).toHaveLength(mailsBefore);
  });

  it("a push service that says the subscription is gone: it is removed, not retried", async () => {
    sinks.push.answer(subs.officer, 410);
    await urgent(sender, "$gone", "critical");
    plane.clock.advance(COALESCE_WINDOW_MS); // past the window of the officer's last alert
    await notifier.run();
    const left = await plane.ctx.db.query("SELECT count(*)::int AS n FROM push_subscriptions WHERE person_id = $1", [officer.id]);
    expect(left.rows[0].n).toBe(0);
    expect(await notifier.run()).toBe(0);
  });

  it("vetting: officers hear of a nomination; the nominee is mailed a working enrollment link and the coordinator told; a suspension tells the person and the coordinator", async () => {
    await signInAgain(plane, coordinator, officer, admin);
    subs.officer = await subscribe(plane, sinks, officer, "DEVICE2");
    const email = `nominee-${Date.now()}@gob.cl`;
    const nominated = await api(plane, "POST", "/api/nominations", {
      token: coordinator.token,
      body: {
        email,
        fullName: `${CANARY} Nominee`,
        memberState: "CL",
        roles: [{ role: "focal_point", memberState: "CL", program: "cybersecurity" }],
        reason: `${CANARY} why`,
      },
    });
    expect(nominated.status).toBe(201);
    await notifier.run();
    expect(pushesTo("officer").at(-1)).toMatchObject({ kind: "vetting.nomination", url: "#/nominations" });
    const approved = await api(plane, "POST", `/api/people/${nominated.body.id}/approve`, { token: officer.token, body: { reason: `${CANARY} approved` } });
    expect(approved.status).toBe(200);
    await notifier.run();
    const enrollment = sinks.mail.mails.filter((m) => m.to === email);
    expect(enrollment).toHaveLength(1);
    expect(enrollment[0].subject).toMatch(/inscripción/); // Chile: Spanish
    const link = enrollment[0].text.match(/#\/enroll\/([A-Za-z0-9_-]+)/)?.[1];
    expect(link).toBe(approved.body.enrollment.token);
    expect((await api(plane, "POST", "/api/auth/enroll/start", { body: { token: link } })).status).toBe(200);
    expect(pushesTo("coordinator").at(-1)).toMatchObject({ kind: "vetting.approved" });
    // The sealed link leaves the outbox once mailed.
    const left = await plane.ctx.db.query("SELECT count(*)::int AS n FROM notification_outbox WHERE params ? 'sealed'");
    expect(left.rows[0].n).toBe(0);

    // A suspension: the person by mail (their devices are unsubscribed at once, and mail is how an account notice
    // reaches someone who can no longer sign in), their coordinator as usual.
    const suspended = await api(plane, "POST", `/api/people/${sender.id}/suspend`, { token: admin.token, body: { reason: `${CANARY} suspended` } });
    expect(suspended.status).toBe(200);
    const before = pushesTo("sender").length;
    await notifier.run();
    expect(sinks.mail.mails.filter((m) => m.to === sender.email).at(-1)?.subject).toMatch(/suspendido/);
    expect(pushesTo("sender")).toHaveLength(before);
    expect(pushesTo("coordinator").at(-1)).toMatchObject({ kind: "vetting.member-suspended" });
    assertNoCanary(sinks);
  });
});
