import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../helpers/control-plane.js";
import { makeApp } from "../../server/app.js";
import { matrixRoutes } from "../../server/http/routes/matrix.js";
import type { RouteDef } from "../../server/http/route.js";
import type { Ctx } from "../../server/domain/context.js";

// The published document describes every operation of the route table, as the server really behaves,
// and is a valid OpenAPI 3.1 document according to a maintained validator (works offline: it ships
// the OpenAPI meta-schemas).

type Op = { operationId: string; requestBody?: any; parameters?: any[]; responses: Record<string, any>; security: unknown[] };
const MATRIX_LINK = { serverName: "hs.test", publicUrl: "http://hs.test", jwtSecret: "matrix-jwt-secret-for-tests-only-0123456789" };
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe("GET /api/openapi.json", () => {
  let plane: TestPlane, admin: Actor;
  let doc: any;
  let routes: RouteDef[];
  const ops = () => Object.entries(doc.paths as Record<string, Record<string, Op>>).flatMap(([path, m]) => Object.entries(m).map(([method, op]) => ({ path, method, op })));
  const opOf = (r: RouteDef) => ops().find((o) => o.op.operationId === r.operationId)!;

  beforeAll(async () => {
    const lazyCtx = new Proxy({} as Ctx, { get: (_t, k) => (plane.ctx as any)[k] });
    const extraRoutes = matrixRoutes(lazyCtx, MATRIX_LINK); // linked to a homeserver, as in production
    plane = await startTestPlane({ extraRoutes });
    admin = await actor(plane, [role.admin()], null);
    routes = makeApp({ ctx: plane.ctx, extraRoutes }).routes;
    const res = await api(plane, "GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    doc = res.body;
  });
  afterAll(() => plane.close());

  it("is OpenAPI 3.1.0 with one operation per route, same operationId, method and path", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const ids = ops().map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(routes.map((r) => r.operationId).sort());
    expect(ids).toContain("createMatrixSession");
    for (const r of routes) {
      const o = opOf(r);
      expect({ method: o.method, path: o.path }, r.operationId).toEqual({ method: r.method, path: "/api" + r.path.replace(/:([A-Za-z]+)/g, "{$1}") });
    }
  });

  it("documents the request body of every operation that takes one (strict JSON objects), and none where there is none", () => {
    for (const r of routes) {
      const body = opOf(r).op.requestBody;
      if (!r.body) { expect(body, r.operationId).toBeUndefined(); continue; }
      expect(body?.required, r.operationId).toBe(true);
      const schema = body.content["application/json"].schema;
      expect(schema, r.operationId).toMatchObject({ type: "object", properties: expect.any(Object), additionalProperties: false });
      const shape = Object.keys((r.body as unknown as { shape?: Record<string, unknown>; def?: any }).shape ?? {});
      for (const key of shape) expect(schema.properties, `${r.operationId}.${key}`).toHaveProperty(key);
    }
  });

  it("declares every path parameter (required, in: path) and every query parameter", () => {
    for (const r of routes) {
      const o = opOf(r);
      const params = o.op.parameters ?? [];
      const inPath = [...o.path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]);
      const declared = params.filter((p: any) => p.in === "path");
      expect(declared.map((p: any) => p.name).sort(), r.operationId).toEqual([...inPath].sort());
      for (const p of declared) expect(p, `${r.operationId} ${p.name}`).toMatchObject({ required: true, schema: expect.any(Object) });
      const queryKeys = r.query ? Object.keys((r.query as unknown as { shape: Record<string, unknown> }).shape) : [];
      expect(params.filter((p: any) => p.in === "query").map((p: any) => p.name).sort(), r.operationId).toEqual(queryKeys.sort());
    }
  });

  it("documents success, problem responses and security for every operation", () => {
    for (const r of routes) {
      const { op } = opOf(r);
      const success = op.responses[String(r.successStatus ?? 200)];
      expect(success, r.operationId).toBeTruthy();
      if (r.response) expect(success.content["application/json"].schema, r.operationId).toBeTruthy();
      const problems = [400, ...(r.access === "session" ? [401, 403] : []), ...(r.errors ?? [])];
      for (const code of problems) {
        expect(op.responses[String(code)]?.content?.["application/problem+json"]?.schema, `${r.operationId} ${code}`).toEqual({ $ref: "#/components/schemas/Problem" });
      }
      if (r.access === "session") expect(op.security, r.operationId).toEqual(expect.arrayContaining([{ bearer: [] }, { session: [] }]));
      else expect(op.security, r.operationId).toEqual([]);
    }
    expect(doc.components.schemas.Problem.required).toEqual(["type", "title", "status"]);
  });

  it("documents the statuses the server really answers to a malformed, an oversized and a non-JSON body", async () => {
    for (const r of routes.filter((x) => x.body)) {
      const { op } = opOf(r);
      const path = "/api" + r.path.replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000");
      for (const probe of [{ raw: "{" }, { raw: JSON.stringify({ x: "p".repeat(70_000) }) }, { raw: "{}", headers: { "content-type": "text/plain" } }]) {
        const res = await api(plane, r.method.toUpperCase(), path, { token: admin.token, ...probe });
        expect(res.status, r.operationId).toBeGreaterThanOrEqual(400);
        expect(op.responses, `${r.operationId} answers ${res.status}, which its document does not declare`).toHaveProperty(String(res.status));
      }
    }
  });

  it("has no dangling $ref", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      const pointer = ref.slice(8, -1);
      expect(pointer.startsWith("#/"), pointer).toBe(true);
      const target = pointer.slice(2).split("/").reduce((node: any, key) => node?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
      expect(target, pointer).toBeTruthy();
    }
  });

  it("is valid according to @seriousme/openapi-schema-validator, which does reject a broken copy", async () => {
    const validator = new Validator();
    const result = await validator.validate(clone(doc));
    expect(result.errors ?? [], JSON.stringify(result.errors)?.slice(0, 500)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");

    // Each break alone must be caught: a path parameter that is optional, an http scheme without its scheme.
    const optionalPathParam = clone(doc);
    optionalPathParam.paths["/api/people/{id}"].get.parameters[0].required = false;
    const noScheme = clone(doc);
    noScheme.components.securitySchemes.bearer = { type: "http" };
    for (const broken of [optionalPathParam, noScheme]) expect((await new Validator().validate(broken)).valid).toBe(false);
  });
});
