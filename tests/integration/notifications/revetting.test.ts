import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, TestPlane } from "../../helpers/control-plane.js";
import { revettingDue } from "#server/domain/notifications/vetting.js";
import { expireDue } from "#server/domain/registry/service.js";
import { startMailSink, startPushService } from "./sinks.js";
import { api, assertNoCanary, CANARY, notifierOf, person, role, signInAgain, startTestPlane, subscribe, type Sinks } from "./world.js";

const DAY = 86400_000;

describe("re-vetting due: the coordinator is told ahead of expiry, once per vetting period (controllable clock)", () => {
  let plane: TestPlane;
  let sinks: Sinks;
  let notifier: ReturnType<typeof notifierOf>;
  let member: Actor, coordinator: Actor, admin: Actor;
  let coordinatorSub: string;

  beforeAll(async () => {
    sinks = { mail: await startMailSink(), push: await startPushService() };
    plane = await startTestPlane();
    notifier = notifierOf(plane, sinks);
    member = await person(plane, [role.focal("CL", "tourism")], "CL");
    coordinator = await person(plane, [role.coordinator("CL")], "CL");
    admin = await person(plane, [role.admin()], null);
    coordinatorSub = await subscribe(plane, sinks, coordinator);
    // Only the member's vetting comes due in this test: everyone else's ends years from now.
    const now = plane.clock.now.getTime();
    await plane.ctx.db.query("UPDATE people SET vetted_until = $2 WHERE id <> $1", [member.id, new Date(now + 3650 * DAY)]);
    await plane.ctx.db.query("UPDATE people SET vetted_until = $2 WHERE id = $1", [member.id, new Date(now + 31 * DAY)]);
  }, 180_000);
  afterAll(async () => {
    await plane?.close();
    await sinks?.mail.close();
    await sinks?.push.close();
  });

  /** What the expiry sweep and the notifier do on their ticks, at the clock's time. */
  const sweep = async () => {
    await expireDue(plane.ctx);
    const queued = await revettingDue(plane.ctx);
    await notifier.run();
    return queued;
  };
  const noticesMailed = () => sinks.mail.mails.filter((m) => m.to === coordinator.email && m.subject.includes("Nueva verificación pendiente"));
  const noticesPushed = () => sinks.push.receivedBy(coordinatorSub).filter((p) => p.kind === "vetting.revetting-due");

  it("31 days ahead nothing; at 29 days one mail and push to the coordinator; later sweeps add none; a renewed vetting is told again", async () => {
    expect(await sweep()).toBe(0);
    expect(noticesMailed()).toHaveLength(0);

    plane.clock.advance(2 * DAY); // 29 days before the end
    expect(await sweep()).toBe(1);
    expect(noticesMailed()).toHaveLength(1);
    // Chile's coordinator reads Spanish; the notice names the state, never the person.
    expect(noticesMailed()[0].text).toMatch(/La verificación de un miembro de CL vence pronto/);
    expect(noticesPushed()).toEqual([expect.objectContaining({ url: "#/revetting", urgent: false })]);
    expect(sinks.mail.mails.filter((m) => m.to === member.email)).toHaveLength(0);

    for (const days of [1, 10, 17]) {
      plane.clock.advance(days * DAY);
      expect(await sweep()).toBe(0);
    }
    expect(noticesMailed()).toHaveLength(1);

    // The vetting lapses (the sweep suspends the member); the Secretariat reinstates, renewing it for a year.
    plane.clock.advance(2 * DAY);
    await sweep();
    await signInAgain(plane, admin);
    const r = await api(plane, "POST", `/api/people/${member.id}/reinstate`, { token: admin.token, body: { reason: `${CANARY} renewed` } });
    expect(r.status).toBe(200);
    const renewedUntil = new Date(r.body.vettedUntil).getTime();
    expect(renewedUntil).toBeGreaterThan(plane.clock.now.getTime() + 300 * DAY);

    plane.clock.now = new Date(renewedUntil - 31 * DAY);
    expect(await sweep()).toBe(0);
    plane.clock.advance(2 * DAY);
    expect(await sweep()).toBe(1);
    expect(noticesMailed()).toHaveLength(2);
    expect(noticesPushed()).toHaveLength(2);
    plane.clock.advance(DAY);
    expect(await sweep()).toBe(0);
    expect(noticesMailed()).toHaveLength(2);
    assertNoCanary(sinks);
  }, 180_000);
});
