import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { request } from "node:http";
import { startTestPlane, api, type TestPlane } from "../helpers/control-plane.js";

describe("HTTP edges answer with problem+json too", () => {
  let plane: TestPlane;
  beforeAll(async () => {
    plane = await startTestPlane({ throttle: { failuresPerAccount: 1, attemptsPerIp: 1000, windowSeconds: 60 } });
  });
  afterAll(() => plane.close());

  it("a URL too long for Node's parser gets a 431 problem, not a bare status line", async () => {
    const port = Number(new URL(plane.url).port);
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/api/directory?q=" + "a".repeat(20_000) }, (r) => {
        let body = "";
        r.on("data", (d) => {
          body += d;
        });
        r.on("end", () => resolve({ status: r.statusCode!, type: String(r.headers["content-type"]), body }));
      });
      req.on("error", reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, type: expect.stringMatching(/headers-too-large$/) });
  });

  it("a throttled sign-in says when to retry (Retry-After)", async () => {
    await api(plane, "POST", "/api/auth/login", { body: { email: "someone@x.org", password: "wrong" } });
    const r = await api(plane, "POST", "/api/auth/login", { body: { email: "someone@x.org", password: "wrong" } });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
