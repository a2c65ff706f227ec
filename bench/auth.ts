import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startTestPlane, actor, role } from "../tests/helpers/control-plane.js";
import { load, type LoadJob } from "./lib/http-load.js";
import { round } from "./lib/stats.js";

/**
 * Issue 9 item 5: sign-ins must not stall the server. /api/health is sampled at a fixed rate while
 * idle and while 20 connections hammer /api/auth/login (right password, wrong password, unknown
 * account: each one Argon2id at the production cost, "interactive"). The floor is the same
 * sampling against a bare node:http server answering the same bytes, in the same run.
 */
export async function benchAuth(pgAdminUrl: string, log: (s: string) => void, seconds = 8) {
  const plane = await startTestPlane({
    pgAdminUrl,
    validateResponses: false,
    passwordCost: "interactive",
    // The throttle stays out of the way: every login attempt must reach the password check.
    throttle: { failuresPerAccount: 1_000_000, failuresPerPair: 1_000_000, attemptsPerIp: 1_000_000, windowSeconds: 60 },
  });
  try {
    const me = await actor(plane, [role.focal("CL", "tourism")], "CL");
    const url = plane.url;
    const healthBody = JSON.stringify(await (await fetch(`${url}/api/health`)).json());
    const floor = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(healthBody);
    });
    await new Promise<void>((r) => floor.listen(0, "127.0.0.1", r));
    const floorUrl = `http://127.0.0.1:${(floor.address() as { port: number }).port}`;

    // One connection at 25 req/s: an open-loop probe, so a stalled event loop shows as latency.
    const probe = (target: string): LoadJob => ({ url: target, paths: ["/api/health"], connections: 1, durationS: seconds, rate: 25 });
    const cli = { "content-type": "application/json", "enlace-client": "cli" };
    const logins: LoadJob = {
      url,
      connections: 20,
      durationS: seconds + 2,
      allowNon2xx: true,
      headers: cli,
      requests: [
        { method: "POST", path: "/api/auth/login", body: JSON.stringify({ email: me.email, password: me.password }) },
        { method: "POST", path: "/api/auth/login", body: JSON.stringify({ email: me.email, password: "not the password at all" }) },
        { method: "POST", path: "/api/auth/login", body: JSON.stringify({ email: "nobody@example.org", password: "not the password at all" }) },
      ],
    };

    // The control plane runs in this process: its event-loop delay tells a blocked loop (hashing on
    // it) apart from a loaded machine (every process waits for a core).
    const loopDelay = async <T>(run: () => Promise<T>) => {
      const h = monitorEventLoopDelay({ resolution: 5 });
      h.enable();
      try {
        return { result: await run(), p99: h.percentile(99) / 1e6 };
      } finally {
        h.disable();
      }
    };
    await load({ ...probe(url), durationS: 1 }); // warm-up
    const floorIdle = await load(probe(floorUrl));
    const { result: idle, p99: loopIdle } = await loopDelay(() => load(probe(url)));
    // The probe starts once the logins are in full swing, and ends before they do.
    const hammer = load(logins);
    await new Promise((r) => setTimeout(r, 1000));
    const { result: during, p99: loopDuring } = await loopDelay(() => load(probe(url)));
    const storm = await hammer;
    floor.close();
    log(
      `auth: /api/health p99 idle ${idle.p99} ms (floor ${floorIdle.p99} ms), during 20 concurrent logins ${during.p99} ms (max ${during.max} ms); ` +
        `logins ${round(storm.rps, 1)}/s, ${storm.total} answered (${storm.non2xx} refused as wrong); event-loop delay p99 idle ${round(loopIdle, 1)} ms, during ${round(loopDuring, 1)} ms`,
    );
    return {
      health_p99_ms_idle: idle.p99,
      health_p99_ms_during_logins: during.p99,
      health_p99_during_logins_ratio: round(during.p99 / Math.max(idle.p99, 1)),
      health_p99_ms_floor: floorIdle.p99,
      health_max_ms_during_logins: during.max,
      logins_per_second_during: round(storm.rps, 1),
      event_loop_delay_p99_ms_idle: round(loopIdle, 1),
      event_loop_delay_p99_ms_during_logins: round(loopDuring, 1),
    };
  } finally {
    await plane.close();
  }
}
