import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, TestPlane } from "../../helpers/control-plane.js";
import { createChannels } from "#server/domain/notifications/channels.js";
import { startNotifier } from "#server/jobs/notifications.js";
import { startMailSink, startPushService } from "./sinks.js";
import { api, person, publishAdvisory, role, startTestPlane, subscribe, type Sinks } from "./world.js";

// The notifier as production runs it, with a tick so far away (ten minutes) that anything delivered
// within this test was delivered because the request that queued it woke the notifier on commit.
const TICK_MS = 10 * 60_000;

async function until(what: string, ok: () => boolean, timeoutMs = 30_000) {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms (the notifier's tick is ${TICK_MS} ms away)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the notifier wakes when a request queues notifications", () => {
  let plane: TestPlane;
  let sinks: Sinks;
  let notifier: ReturnType<typeof startNotifier>;
  let officer: Actor, focal: Actor, coordinator: Actor;
  const subs: Record<string, string> = {};

  beforeAll(async () => {
    sinks = { mail: await startMailSink(), push: await startPushService() };
    plane = await startTestPlane();
    officer = await person(plane, [role.officer("tourism")], null);
    focal = await person(plane, [role.focal("CL", "tourism")], "CL");
    coordinator = await person(plane, [role.coordinator("CL")], "CL");
    for (const [name, who] of Object.entries({ officer, focal })) subs[name] = await subscribe(plane, sinks, who);
    const channels = createChannels({
      vapid: plane.ctx.keys.vapid,
      subject: "mailto:ops@example.org",
      smtpUrl: sinks.mail.url,
      from: "Enlace <enlace@example.org>",
      pushAgent: sinks.push.agent,
    });
    notifier = startNotifier(plane.ctx, channels, TICK_MS);
  }, 120_000);
  afterAll(async () => {
    await notifier?.stop();
    await plane?.close();
    await sinks?.mail.close();
    await sinks?.push.close();
  });

  it("an advisory's focal points get their push and mail without waiting for the tick", async () => {
    const number = await publishAdvisory(plane, officer, "tourism", { ackDeadline: new Date(plane.clock.now.getTime() + 72 * 3600_000).toISOString() });
    await until("advisory push and mail", () => sinks.push.receivedBy(subs.focal).length === 1 && sinks.mail.mails.some((m) => m.to === focal.email));
    expect(sinks.push.receivedBy(subs.focal)[0]).toMatchObject({ kind: "advisory.published", tag: `advisory:tourism:${number}` });
  });

  it("a nomination's officers are told without waiting for the tick", async () => {
    const r = await api(plane, "POST", "/api/nominations", {
      token: coordinator.token,
      body: {
        email: `nominee-${Date.now()}@gob.cl`,
        fullName: "Nominee",
        memberState: "CL",
        roles: [{ role: "focal_point", memberState: "CL", program: "tourism" }],
        reason: "new focal point",
      },
    });
    expect(r.status).toBe(201);
    await until("nomination push", () => sinks.push.receivedBy(subs.officer).some((p) => p.kind === "vetting.nomination"));
  });
});
