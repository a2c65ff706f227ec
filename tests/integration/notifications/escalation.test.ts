import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, TestPlane } from "../../helpers/control-plane.js";
import { startMailSink, startPushService } from "./sinks.js";
import { api, assertNoCanary, CANARY, notifierOf, person, publishAdvisory, role, signInAgain, startTestPlane, subscribe, type Sinks } from "./world.js";

const H = 3600_000;

describe("advisory notifications and escalation until acknowledged (controllable clock)", () => {
  let plane: TestPlane;
  let sinks: Sinks;
  let notifier: ReturnType<typeof notifierOf>;
  let officer: Actor, clFocal: Actor, brFocal: Actor, brAlternate: Actor, clCoord: Actor, brCoord: Actor;
  const subs: Record<string, string> = {};

  beforeAll(async () => {
    sinks = { mail: await startMailSink(), push: await startPushService() };
    plane = await startTestPlane();
    notifier = notifierOf(plane, sinks);
    officer = await person(plane, [role.officer("tourism")], null);
    clFocal = await person(plane, [role.focal("CL", "tourism")], "CL");
    brFocal = await person(plane, [role.focal("BR", "tourism")], "BR");
    brAlternate = await person(plane, [role.alternate("BR", "tourism")], "BR");
    clCoord = await person(plane, [role.coordinator("CL")], "CL");
    brCoord = await person(plane, [role.coordinator("BR")], "BR");
    for (const [name, who] of Object.entries({ clFocal, brFocal, brAlternate, clCoord, brCoord })) subs[name] = await subscribe(plane, sinks, who);
    // Expertise is free text too: it must never reach a notification either.
    await api(plane, "PUT", "/api/me/expertise", { token: brFocal.token, body: { areas: [CANARY], languages: ["pt"] } });
  }, 180_000);
  afterAll(async () => {
    await plane?.close();
    await sinks?.mail.close();
    await sinks?.push.close();
  });

  const pushesTo = (name: string) => sinks.push.receivedBy(subs[name]);
  const mailsTo = (who: Actor) => sinks.mail.mails.filter((m) => m.to === who.email);

  it("tells every focal point and alternate of the program at once, by push and mail, in their language, without content", async () => {
    // The reconciler's record of the program's advisories room: the notification opens it.
    await plane.ctx.db.query(
      "INSERT INTO matrix_rooms (key, room_id, kind) VALUES ('advisories:tourism', '!advisories-tourism:hs.test', 'advisories') ON CONFLICT (key) DO NOTHING",
    );
    const deadline = new Date(plane.clock.now.getTime() + 72 * H);
    const number = await publishAdvisory(plane, officer, "tourism", { ackDeadline: deadline.toISOString(), remindEveryHours: 24 });
    expect(await notifier.run()).toBe(3);
    for (const name of ["clFocal", "brFocal", "brAlternate"]) expect(pushesTo(name)).toHaveLength(1);
    expect(pushesTo("clCoord")).toHaveLength(0);
    const [cl] = pushesTo("clFocal");
    // Chile's first language is Spanish, Brazil's Portuguese.
    expect(cl).toMatchObject({
      kind: "advisory.published",
      urgent: false,
      url: `#/room/${encodeURIComponent("!advisories-tourism:hs.test")}`,
      tag: `advisory:tourism:${number}`,
    });
    expect(cl.title).toMatch(new RegExp(`^Aviso .* #${number}$`));
    expect(pushesTo("brFocal")[0].body).toMatch(/aguarda sua confirmação/);
    // VAPID (RFC 8292): a signed JWT and the control plane's public key, as push services require.
    expect(sinks.push.received[0].headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${plane.ctx.keys.vapid.publicKey}$`));
    expect(mailsTo(clFocal)).toHaveLength(1);
    expect(mailsTo(clFocal)[0].subject).toContain(`#${number}`);
    // Nothing twice: another run sends nothing.
    expect(await notifier.run()).toBe(0);
    assertNoCanary(sinks);

    // 23 h later: no reminder yet. 24 h: each state that has not acknowledged is reminded.
    plane.clock.advance(23 * H);
    expect(await notifier.run()).toBe(0);
    plane.clock.advance(1 * H);
    expect(await notifier.run()).toBe(3);
    expect(pushesTo("clFocal").at(-1)).toMatchObject({ kind: "advisory.reminder" });

    // Chile acknowledges: its reminders stop; Brazil's go on.
    await signInAgain(plane, officer, clFocal);
    const ack = await api(plane, "POST", `/api/advisories/tourism/${number}/acknowledgements`, { token: clFocal.token });
    expect(ack.status).toBe(200);
    expect(ack.body.memberState).toBe("CL");
    plane.clock.advance(24 * H); // 48 h: the last day begins, hourly from now on
    expect(await notifier.run()).toBe(2);
    expect(pushesTo("clFocal")).toHaveLength(2);
    expect(pushesTo("brFocal")).toHaveLength(3);
    expect(pushesTo("brFocal").at(-1).urgent).toBe(true); // the last day's reminders go through quiet hours

    // The Secretariat sees the timeline and chases Brazil now; Chile cannot be chased.
    await signInAgain(plane, officer, clFocal);
    const tl = await api(plane, "GET", `/api/advisories/tourism/${number}/reminders`, { token: officer.token });
    expect(tl.status).toBe(200);
    const br = tl.body.states.find((s: { memberState: string }) => s.memberState === "BR");
    expect(br.acknowledgedAt).toBeNull();
    expect(br.reminders.filter((r: { status: string }) => r.status === "sent")).toHaveLength(2);
    expect(br.reminders.some((r: { kind: string; status: string }) => r.kind === "deadline" && r.status === "pending")).toBe(true);
    expect(tl.body.states.find((s: { memberState: string }) => s.memberState === "CL").acknowledgedAt).not.toBeNull();
    const now = await api(plane, "POST", `/api/advisories/tourism/${number}/reminders`, { token: officer.token, body: { memberState: "BR" } });
    expect(now.status).toBe(202);
    expect(now.body.queued).toBe(2);
    const refused = await api(plane, "POST", `/api/advisories/tourism/${number}/reminders`, { token: officer.token, body: { memberState: "CL" } });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/advisory-acknowledged$/);
    expect((await api(plane, "GET", `/api/advisories/tourism/${number}/reminders`, { token: clFocal.token })).status).toBe(403);
    expect(await notifier.run()).toBe(2);

    // Brazil's alternate is revoked: nothing reaches them after that.
    const admin = await person(plane, [role.admin()], null);
    expect((await api(plane, "POST", `/api/people/${brAlternate.id}/revoke`, { token: admin.token, body: { reason: `${CANARY} reason` } })).status).toBe(200);
    const alternateBefore = pushesTo("brAlternate").length;

    // Hourly through the last day (23 more), then the coordinator at the deadline.
    for (let h = 1; h <= 24; h++) {
      plane.clock.advance(H);
      await notifier.run();
    }
    expect(pushesTo("brAlternate")).toHaveLength(alternateBefore);
    expect(pushesTo("brFocal").filter((p) => p.kind === "advisory.reminder")).toHaveLength(2 + 1 + 23);
    expect(pushesTo("brCoord")).toEqual([expect.objectContaining({ kind: "advisory.deadline", urgent: true })]);
    expect(pushesTo("brCoord")[0].body).toMatch(/BR/);
    expect(pushesTo("clCoord")).toHaveLength(0);
    expect(pushesTo("clFocal")).toHaveLength(2);

    // After the deadline: nothing more.
    const total = sinks.push.received.length;
    plane.clock.advance(48 * H);
    expect(await notifier.run()).toBe(0);
    expect(sinks.push.received.length).toBe(total);
    assertNoCanary(sinks);
  }, 180_000);

  it("an advisory without a deadline is announced once, with no reminders", async () => {
    await signInAgain(plane, officer);
    const before = pushesTo("brFocal").length;
    const number = await publishAdvisory(plane, officer, "tourism");
    await notifier.run();
    expect(pushesTo("brFocal")).toHaveLength(before + 1);
    plane.clock.advance(100 * H);
    expect(await notifier.run()).toBe(0);
    await signInAgain(plane, officer);
    const tl = await api(plane, "GET", `/api/advisories/tourism/${number}/reminders`, { token: officer.token });
    expect(tl.status).toBe(200);
    expect(tl.body.ackDeadline).toBeNull();
    expect(tl.body.states.every((s: { reminders: unknown[] }) => s.reminders.length === 0)).toBe(true);
  });

  it("a reminder scheduled before a restart is sent once, by the control plane that comes back", async () => {
    await signInAgain(plane, officer);
    const deadline = new Date(plane.clock.now.getTime() + 10 * H);
    const number = await publishAdvisory(plane, officer, "tourism", { ackDeadline: deadline.toISOString() });
    await notifier.run();
    const before = pushesTo("brFocal").length;
    const at = plane.clock.now.getTime();
    await plane.close();
    // The same database and keys, a new process's context (its own clock, set to where we were).
    plane = await startTestPlane({ keysFrom: plane });
    plane.clock.now = new Date(at + 1 * H);
    notifier = notifierOf(plane, sinks);
    const other = notifierOf(plane, sinks); // a second replica, running at the same moment
    await Promise.all([notifier.run(), other.run()]);
    expect(pushesTo("brFocal")).toHaveLength(before + 1);
    expect(pushesTo("brFocal").at(-1)).toMatchObject({ kind: "advisory.reminder", tag: `advisory:tourism:${number}` });
    expect(await notifier.run()).toBe(0);
    await other.channels.close();
  });
});
