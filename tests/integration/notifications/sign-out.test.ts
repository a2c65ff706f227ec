import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, TestPlane } from "../../helpers/control-plane.js";
import { startMailSink, startPushService } from "./sinks.js";
import { api, notifierOf, person, publishAdvisory, role, startTestPlane, subscribe, type Sinks } from "./world.js";

describe("signing out on the server removes that session's push subscriptions", () => {
  let plane: TestPlane;
  let sinks: Sinks;
  let officer: Actor, focal: Actor;

  beforeAll(async () => {
    sinks = { mail: await startMailSink(), push: await startPushService() };
    plane = await startTestPlane();
    officer = await person(plane, [role.officer("tourism")], null);
    focal = await person(plane, [role.focal("CL", "tourism")], "CL");
  }, 120_000);
  afterAll(async () => {
    await plane?.close();
    await sinks?.mail.close();
    await sinks?.push.close();
  });

  const subscriptions = async () =>
    (await plane.ctx.db.query("SELECT matrix_device_id FROM push_subscriptions WHERE person_id = $1 ORDER BY matrix_device_id", [focal.id])).rows.map(
      (r) => r.matrix_device_id,
    );

  it("a logout without unsubscribing: the device's subscription is gone and the next advisory pushes nothing to it; the person's other session keeps its own", async () => {
    // The same person on a second device, signed in with a session of its own.
    const second = await api(plane, "POST", "/api/auth/login", { body: { email: focal.email, password: focal.password } });
    expect(second.status).toBe(200);
    const laptop = await subscribe(plane, sinks, focal, "LAPTOP");
    const phone = await subscribe(plane, sinks, { ...focal, token: second.body.token }, "PHONE");
    expect(await subscriptions()).toEqual(["LAPTOP", "PHONE"]);

    // The laptop signs out the way a client that could not unsubscribe first would: logout only.
    expect((await api(plane, "POST", "/api/auth/logout", { token: focal.token })).status).toBe(204);
    expect(await subscriptions()).toEqual(["PHONE"]);
    expect((await api(plane, "GET", "/api/me/notification-preferences", { token: focal.token })).status).toBe(401);

    await publishAdvisory(plane, officer, "tourism", { ackDeadline: new Date(plane.clock.now.getTime() + 72 * 3600_000).toISOString() });
    const notifier = notifierOf(plane, sinks);
    expect(await notifier.run()).toBe(1);
    await notifier.channels.close();
    expect(sinks.push.receivedBy(phone)).toEqual([expect.objectContaining({ kind: "advisory.published" })]);
    expect(sinks.push.receivedBy(laptop)).toEqual([]);
  });
});
