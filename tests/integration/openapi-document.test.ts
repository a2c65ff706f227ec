import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startTestPlane, api, type TestPlane } from "../helpers/control-plane.js";
import { collectRoutes } from "../../server/app.js";
import { createLoginThrottle } from "../../server/http/throttle.js";

describe("GET /api/openapi.json", () => {
  let plane: TestPlane;
  beforeAll(async () => { plane = await startTestPlane(); });
  afterAll(() => plane.close());

  it("is OpenAPI 3.1 and documents every operation, its body, parameters and problem responses", async () => {
    const doc = (await api(plane, "GET", "/api/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    const routes = collectRoutes(plane.ctx, createLoginThrottle({ failuresPerAccount: 1, attemptsPerIp: 1, windowSeconds: 1 }));
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ path, m, op })));
    expect(ops.map((o) => o.op.operationId).sort()).toEqual(routes.map((r) => r.operationId).sort());
    for (const r of routes) {
      const o = ops.find((x) => x.op.operationId === r.operationId)!;
      expect(o.m).toBe(r.method);
      if (r.body) expect(o.op.requestBody?.content?.["application/json"]?.schema, r.operationId).toBeTruthy();
      for (const p of r.path.matchAll(/:([A-Za-z]+)/g)) expect(o.op.parameters.some((x: any) => x.in === "path" && x.name === p[1]), r.operationId).toBe(true);
      expect(o.op.responses["400"].content["application/problem+json"]).toBeTruthy();
      if (r.access === "session") expect(o.op.security.length).toBeGreaterThan(0);
    }
  });
});
