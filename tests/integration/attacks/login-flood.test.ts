import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../../helpers/control-plane.js";

// An anonymous outsider floods sign-in to freeze the server for everyone: each login is an
// Argon2id run at the production cost ("interactive"). The hashing runs in worker threads, so the
// event loop keeps answering. Not a timing test: it checks the order in which answers arrive
// (the timed figure is `health_p99_ms_during_logins` in `npm run bench`).

describe("attack: an outsider stalls the server with concurrent sign-ins (issue 9 item 5)", () => {
  let plane: TestPlane, me: Actor;
  beforeAll(async () => {
    plane = await startTestPlane({
      passwordCost: "interactive",
      throttle: { failuresPerAccount: 100_000, failuresPerPair: 100_000, attemptsPerIp: 100_000, windowSeconds: 60 },
    });
    me = await actor(plane, [role.focal("CL", "tourism")], "CL");
  }, 60_000);
  afterAll(() => plane.close());

  it("while 20 logins (right and wrong passwords) are in flight, health checks answer before the last login does", async () => {
    let loginsDone = 0;
    const statuses: number[] = [];
    const logins = Array.from({ length: 20 }, (_, i) =>
      api(plane, "POST", "/api/auth/login", {
        body: { email: i % 3 === 2 ? "nobody@example.org" : me.email, password: i % 3 === 0 ? me.password : `wrong ${i}` },
      }).then((r) => {
        loginsDone++;
        statuses.push(r.status);
        return r;
      }),
    );
    // Let the logins reach the server and the hashing queue first.
    await new Promise((r) => setTimeout(r, 50));
    expect(loginsDone).toBeLessThan(20);

    // Ten health checks one after another. If a hash ran on the event loop, each check would wait
    // for at least one hash, and ten checks for at least ten: half the logins would be done first.
    const doneAtEachCheck: number[] = [];
    for (let k = 0; k < 10; k++) {
      const h = await api(plane, "GET", "/api/health");
      expect(h.status).toBe(200);
      doneAtEachCheck.push(loginsDone);
    }
    await Promise.all(logins);

    expect(doneAtEachCheck.at(-1)!).toBeLessThan(20); // the ordering asked for: health before the last login
    expect(doneAtEachCheck.at(-1)!).toBeLessThan(10); // and well before: ten checks before half the logins
    expect(statuses.sort()).toEqual([...Array(7).fill(200), ...Array(13).fill(401)]);
  }, 60_000);
});
