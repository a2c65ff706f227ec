import { describe, it, expect, afterEach } from "vitest";
import { createServer, type Server } from "node:http";
import { startTestSynapse } from "../../helpers/synapse.js";
import { startTestPlane, actor, api, role, type TestPlane } from "../../helpers/control-plane.js";
import { freePort } from "../../helpers/ports.js";
import { SynapseAdmin } from "#server/synapse/admin-client.js";
import { publishedMasterKeyVia } from "#server/homeserver-link.js";

// Issue 9 item 11: PUT /api/me/master-key answered 500 when the homeserver failed. It is a gateway
// problem: 503 when the homeserver cannot be reached, 502 when it answers with an error, both
// problem+json with Retry-After, never the homeserver's address or message, and nothing stored.

const PROBLEM = "https://enlace.oas.org/problems/";
const KEY = "K".repeat(43);
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
});

async function registerOn(plane: TestPlane, userId: string) {
  const fp = await actor(plane, [role.focal("CL", "tourism")], "CL", { matrixUserId: userId });
  const r = await api(plane, "PUT", "/api/me/master-key", { token: fp.token, body: { masterKey: KEY } });
  const stored = (await plane.ctx.db.query("SELECT master_key FROM people WHERE id = $1", [fp.id])).rows[0].master_key;
  return { ...r, stored };
}

function expectGatewayProblem(r: Awaited<ReturnType<typeof registerOn>>, status: 502 | 503, hidden: string[]) {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(r.headers.get("retry-after")).toBe("5");
  expect(r.body).toMatchObject({ type: `${PROBLEM}homeserver-unavailable`, status });
  for (const h of hidden) expect(JSON.stringify(r.body), h).not.toContain(h);
  expect(r.stored).toBeNull();
}

describe("PUT /api/me/master-key when the homeserver fails (issue 9 item 11)", () => {
  it("homeserver URL on a closed port: 503 problem+json, nothing stored", async () => {
    const port = await freePort(); // nothing listens there
    const plane = await startTestPlane({ publishedMasterKey: publishedMasterKeyVia(new SynapseAdmin({ baseUrl: `http://127.0.0.1:${port}` })) });
    cleanups.push(() => plane.close());
    expectGatewayProblem(await registerOn(plane, "@fp.cl:hs.test"), 503, ["127.0.0.1", String(port), "_matrix", "ECONNREFUSED"]);
  });

  it("the homeserver answers 500: 502 problem+json, its message not passed on", async () => {
    const broken: Server = createServer((_req, res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errcode: "M_UNKNOWN", error: "secret internal detail" }));
    });
    await new Promise<void>((r) => broken.listen(0, "127.0.0.1", r));
    cleanups.push(() => new Promise((r) => broken.close(() => r())));
    const plane = await startTestPlane({
      publishedMasterKey: publishedMasterKeyVia(new SynapseAdmin({ baseUrl: `http://127.0.0.1:${(broken.address() as { port: number }).port}` })),
    });
    cleanups.push(() => plane.close());
    expectGatewayProblem(await registerOn(plane, "@fp.cl:hs.test"), 502, ["secret internal detail", "M_UNKNOWN", "_matrix"]);
  });

  it("the real Synapse stopped under a linked control plane: 503 problem+json, nothing stored", async () => {
    const hs = await startTestSynapse();
    cleanups.push(() => hs.close());
    const plane = await startTestPlane({ synapse: hs });
    cleanups.push(() => plane.close());
    await hs.kill();
    expectGatewayProblem(await registerOn(plane, `@fp.cl:${hs.serverName}`), 503, [hs.url, "_matrix", "ECONNREFUSED"]);
    // Health says so too, in words only.
    const h = await api(plane, "GET", "/api/health");
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({ status: "degraded", database: "ok", synapse: { status: "down" } });
  });
});
