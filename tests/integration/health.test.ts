import { describe, it, expect, afterEach } from "vitest";
import { startTestPlane, actor, api, role, type TestPlane } from "../helpers/control-plane.js";
import { createPool } from "#server/db/pool.js";
import { freePort } from "../helpers/ports.js";

// GET /api/health: status words only, 200 "ok" or 503 "degraded" (same body), degraded whenever a
// part is down or cannot be asked, and it answers while the database is down, session or not.

const planes: TestPlane[] = [];
afterEach(async () => {
  while (planes.length) await planes.pop()!.close();
});
const start = async (o: Parameters<typeof startTestPlane>[0] = {}) => {
  const p = await startTestPlane(o);
  planes.push(p);
  return p;
};

describe("GET /api/health", () => {
  it("ok: 200 with status words and nothing else", async () => {
    const plane = await start();
    const h = await api(plane, "GET", "/api/health");
    expect(h.status).toBe(200);
    expect(h.body).toEqual({ status: "ok", database: "ok" });
    expect(h.headers.get("cache-control")).toBe("no-store");
  });

  it("a part down, or the homeserver side failing to answer at all: 503 degraded", async () => {
    const down = await start({ health: async () => ({ synapse: { status: "ok" }, reconciler: { status: "down" } }) });
    expect(await api(down, "GET", "/api/health").then((r) => [r.status, r.body])).toEqual([
      503,
      { status: "degraded", database: "ok", synapse: { status: "ok" }, reconciler: { status: "down" } },
    ]);
    const throwing = await start({
      health: async () => {
        throw new Error("GET /_synapse/admin/v2/users/@enlace-registry:x: 403 M_USER_LOCKED");
      },
    });
    const r = await api(throwing, "GET", "/api/health");
    expect([r.status, r.body]).toEqual([503, { status: "degraded", database: "ok" }]);
  });

  it("database unreachable, a session cookie sent: still answers 503 degraded (no session lookup)", async () => {
    const plane = await start();
    const who = await actor(plane, [role.focal("CL", "tourism")], "CL");
    const real = plane.ctx.db;
    const dead = createPool(`postgres://enlace:x@127.0.0.1:${await freePort()}/none`, 1);
    plane.ctx.db = dead;
    try {
      const r = await api(plane, "GET", "/api/health", { headers: { cookie: `enlace_session=${who.token}` } });
      expect([r.status, r.body]).toEqual([503, { status: "degraded", database: "down" }]);
    } finally {
      plane.ctx.db = real;
      await dead.end();
    }
  });

  it("the OpenAPI document gives 503 the same body as 200, and says so in the summary (and a referred nomination's 202 its body)", async () => {
    const plane = await start();
    const op = (await api(plane, "GET", "/api/openapi.json")).body.paths["/api/health"].get;
    expect(op.security).toEqual([]);
    expect(op.summary).toMatch(/503.*degraded/);
    expect(op.responses["503"].content["application/json"].schema).toEqual(op.responses["200"].content["application/json"].schema);
    // The same mechanism documents a referred nomination's 202 (issue 9 item 11).
    const nominate = (await api(plane, "GET", "/api/openapi.json")).body.paths["/api/nominations"].post;
    expect(nominate.responses["202"].content["application/json"].schema).toEqual(nominate.responses["201"].content["application/json"].schema);
  });
});
