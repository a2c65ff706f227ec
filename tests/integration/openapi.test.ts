import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { startTestPlane, actor, api, role, type TestPlane, type Actor } from "../helpers/control-plane.js";
import { makeApp } from "#server/app.js";
import { matrixRoutes } from "#server/http/routes/matrix.js";
import type { RouteDef } from "#server/http/route.js";
import { statusesOf } from "#shared/api/problems.js";
import type { Ctx } from "#server/domain/context.js";

// The published document describes every operation of the route table, as the server really behaves,
// and is a valid OpenAPI 3.1 document according to a maintained validator (works offline: it ships
// the OpenAPI meta-schemas).

type Op = { operationId: string; requestBody?: any; parameters?: any[]; responses: Record<string, any>; security: unknown[] };
const MATRIX_LINK = { serverName: "hs.test", publicUrl: "http://hs.test", jwtSecret: "matrix-jwt-secret-for-tests-only-0123456789" };
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

describe("GET /api/openapi.json", () => {
  let plane: TestPlane, admin: Actor;
  let doc: any;
  let routes: RouteDef[];
  const ops = () =>
    Object.entries(doc.paths as Record<string, Record<string, Op>>).flatMap(([path, m]) => Object.entries(m).map(([method, op]) => ({ path, method, op })));
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
      if (!r.body) {
        expect(body, r.operationId).toBeUndefined();
        continue;
      }
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
      expect(
        params
          .filter((p: any) => p.in === "query")
          .map((p: any) => p.name)
          .sort(),
        r.operationId,
      ).toEqual(queryKeys.sort());
    }
  });

  it("documents success, problem responses and security for every operation", () => {
    for (const r of routes) {
      const { op } = opOf(r);
      const success = op.responses[String(r.successStatus ?? 200)];
      expect(success, r.operationId).toBeTruthy();
      if (r.response) expect(success.content["application/json"].schema, r.operationId).toBeTruthy();
      const problems = [400, ...(r.access === "session" ? [401, 403] : []), ...r.problems.flatMap(statusesOf)];
      for (const code of problems) {
        expect(op.responses[String(code)]?.content?.["application/problem+json"]?.schema, `${r.operationId} ${code}`).toEqual({
          $ref: "#/components/schemas/Problem",
        });
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
      const target = pointer
        .slice(2)
        .split("/")
        .reduce((node: any, key) => node?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
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

// The document is as strict as the validation, value by value: for every parameter of every
// operation, a sample value is valid by the document exactly when the server accepts it, checked
// against the zod schema and over HTTP; and every answer matches the schema the document gives
// for its status.
describe("the OpenAPI document and the server agree (issue 9 item 11)", () => {
  let plane: TestPlane, admin: Actor, doc: any, routes: RouteDef[];
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  const compiled = new Map<string, (v: unknown) => boolean>();
  const check = (schema: object, value: unknown) => {
    const key = JSON.stringify(schema);
    if (!compiled.has(key)) compiled.set(key, ajv.compile(schemaAlone(schema)) as (v: unknown) => boolean);
    return compiled.get(key)!(value);
  };
  // A parameter's text read as its schema's type: integers are written in decimal (the JSON grammar).
  const validByDocument = (schema: any, raw: string) =>
    schema.type === "integer" ? /^-?(0|[1-9][0-9]*)$/.test(raw) && check(schema, Number(raw)) : check(schema, raw);

  const UUID = "6f1c1e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
  const SAMPLES = [
    "",
    " ",
    "0",
    "1",
    "5",
    "05",
    "-1",
    "-0",
    "25",
    "100",
    "101",
    "499",
    "500",
    "501",
    "1000000",
    "1000001",
    "9007199254740991",
    "9007199254740992",
    "99999999999999999999",
    "1e2",
    "0x10",
    " 1",
    "1 ",
    "+1",
    "1.0",
    "1.5",
    "NaN",
    "Infinity",
    "abc",
    "CL",
    "cl",
    "C",
    "CLL",
    "tourism",
    "Tourism",
    "t",
    "t-1",
    "en",
    "EN",
    "eng",
    "active",
    "Active",
    "suspended",
    "@ana.cl:enlace.test",
    "@Ana:enlace.test",
    "@ana:enlace.test:8448",
    "@a/b:hs.test",
    "ana:enlace.test",
    "@ana:",
    "@:enlace.test",
    UUID,
    UUID.toUpperCase(),
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    UUID.slice(0, -1),
    UUID.slice(0, -1) + "g",
    UUID.replace("-4e5f", "-0e5f"),
    UUID.replace("-8a9b", "-7a9b"),
    `urn:uuid:${UUID}`,
    `{${UUID}}`,
    UUID.replace(/-/g, ""),
    "stadium security",
    " stadium security ",
    "a\u0000b",
    "a\nb",
    "\tab\t",
    "\nab",
    "a\u007Fb",
    "\u00A0x\u00A0",
    "a\u2028b",
    "é",
    "日本",
    "x".repeat(80),
    "x".repeat(81),
    "x".repeat(100),
    "x".repeat(101),
    " " + "x".repeat(100) + " ",
    "😀".repeat(80),
    "😀".repeat(81),
    "😀".repeat(100),
    "😀".repeat(101),
  ];
  const samplesFor = (schema: any) => [...SAMPLES, ...(schema.enum ?? []), ...(schema.enum ?? []).map((v: string) => v.toUpperCase())];

  beforeAll(async () => {
    const lazyCtx = new Proxy({} as Ctx, { get: (_t, k) => (plane.ctx as any)[k] });
    const extraRoutes = matrixRoutes(lazyCtx, MATRIX_LINK);
    plane = await startTestPlane({ extraRoutes }); // validateResponses is on: a stray answer is a 500
    admin = await actor(plane, [role.admin()], null);
    routes = makeApp({ ctx: plane.ctx, extraRoutes }).routes;
    doc = (await api(plane, "GET", "/api/openapi.json")).body;
  });
  afterAll(() => plane.close());

  const operation = (r: RouteDef) => doc.paths["/api" + r.path.replace(/:([A-Za-z]+)/g, "{$1}")][r.method];
  const parametersOf = (r: RouteDef) => (operation(r).parameters ?? []) as Array<{ name: string; in: "path" | "query"; required: boolean; schema: any }>;
  // Paths with two parameters (/advisories/:program/:number/…): each sample is tried with the other one valid.
  const VALID_PATH: Record<string, string> = { program: "tourism", number: "12" };
  const zodAccepts = (r: RouteDef, p: { name: string; in: string }, raw: string) => {
    const others = p.in === "path" ? parametersOf(r).filter((o) => o.in === "path" && o.name !== p.name) : [];
    const input = Object.fromEntries([...others.map((o) => [o.name, VALID_PATH[o.name]]), [p.name, raw]]);
    return (p.in === "path" ? r.params! : r.query!).safeParse(input).success;
  };

  it("path parameters keep their patterns: uuid ids and Matrix user IDs, never a bare string", () => {
    const paths = routes.flatMap((r) =>
      parametersOf(r)
        .filter((p) => p.in === "path")
        .map((p) => ({ op: r.operationId, ...p })),
    );
    expect(paths.length).toBeGreaterThanOrEqual(10);
    for (const p of paths) {
      expect(p.schema.pattern, `${p.op} ${p.name}`).toEqual(expect.any(String));
      if (p.name === "id") expect(p.schema.format, p.op).toBe("uuid");
    }
    for (const p of routes.flatMap((r) => parametersOf(r)).filter((p) => p.in === "query" && ["limit", "offset", "after"].includes(p.name))) {
      expect(p.schema).toMatchObject({ type: "integer", minimum: expect.any(Number), maximum: expect.any(Number) });
    }
  });

  it("every parameter of every operation: valid by the document ⇔ accepted by its zod schema, for each sample value", () => {
    let compared = 0;
    const disagreements: string[] = [];
    for (const r of routes) {
      for (const p of parametersOf(r)) {
        if (p.in === "query") expect(p.required, `${r.operationId} ${p.name}`).toBe(false); // samples are sent one parameter at a time
        for (const raw of samplesFor(p.schema)) {
          compared++;
          const doc_ = validByDocument(p.schema, raw),
            server = zodAccepts(r, p, raw);
          if (doc_ !== server)
            disagreements.push(
              `${r.operationId} ${p.in} ${p.name}=${JSON.stringify(raw)}: document ${doc_ ? "valid" : "invalid"}, server ${server ? "accepts" : "refuses"}`,
            );
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });

  it("over HTTP too: a parameter is refused (400, naming it) exactly when the document says it is invalid, and every answer matches its documented schema", async () => {
    const disagreements: string[] = [];
    let sent = 0;
    for (const r of routes) {
      const params = parametersOf(r);
      for (const p of params) {
        for (const raw of samplesFor(p.schema)) {
          if (p.in === "path" && raw === "") continue; // an empty segment is another URL, not a value
          const others = Object.fromEntries(params.filter((q) => q.in === "path" && q.name !== p.name).map((q) => [q.name, UUID]));
          const path =
            "/api" + r.path.replace(/:([A-Za-z]+)/g, (_, name) => encodeURIComponent(name === p.name && p.in === "path" ? raw : (others[name] ?? UUID)));
          const qs = p.in === "query" ? `?${encodeURIComponent(p.name)}=${encodeURIComponent(raw)}` : "";
          const res = await api(plane, r.method.toUpperCase(), path + qs, { token: admin.token, ...(r.body ? { body: {} } : {}) });
          sent++;
          const refusedForIt =
            res.status === 400 && (res.body?.errors ?? []).some((e: { path: string }) => e.path === `${p.in === "path" ? "params" : "query"}.${p.name}`);
          if (refusedForIt === validByDocument(p.schema, raw)) disagreements.push(`${r.operationId} ${p.name}=${JSON.stringify(raw)} → ${res.status}`);
          const problem = answerProblem(r, res);
          if (problem) disagreements.push(problem);
        }
      }
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThan(500);
  }, 120_000);

  it("offset= (empty), limit=05 and after=1e2 are refused by the server and invalid by the document", async () => {
    for (const [path, name] of [
      ["/api/people?offset=", "offset"],
      ["/api/people?limit=05", "limit"],
      ["/api/audit?after=1e2", "after"],
      ["/api/directory?limit=0x10", "limit"],
    ]) {
      const res = await api(plane, "GET", path, { token: admin.token });
      expect(res.status, path).toBe(400);
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        path,
      ).toContain(`query.${name}`);
    }
    const offset = parametersOf(routes.find((r) => r.operationId === "listPeople")!).find((p) => p.name === "offset")!;
    expect(validByDocument(offset.schema, "")).toBe(false);
    expect(validByDocument(offset.schema, "20")).toBe(true);
    expect((await api(plane, "GET", "/api/people?offset=20&limit=5", { token: admin.token })).status).toBe(200);
  });

  it("each GET operation's answer to a valid request matches the document's schema for its status", async () => {
    const realId: Record<string, string> = { getPerson: admin.id };
    const checked: string[] = [];
    for (const r of routes.filter((x) => x.method === "get")) {
      const path =
        "/api" + r.path.replace(/:([A-Za-z]+)/g, (_, name) => encodeURIComponent(name === "userId" ? "@nobody.cl:hs.test" : (realId[r.operationId] ?? UUID)));
      const res = await api(plane, "GET", path, { token: admin.token });
      expect(res.status, `${r.operationId} ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`).toBeLessThan(500);
      expect(answerProblem(r, res)).toBeNull();
      checked.push(`${r.operationId} ${res.status}`);
    }
    expect(checked).toEqual(expect.arrayContaining(["listPeople 200", "getPerson 200", "searchDirectory 200", "listAudit 200", "getSession 200"]));
  });

  /** null when the answer's status is documented and its body matches the schema given for it. */
  function answerProblem(r: RouteDef, res: { status: number; body: any; headers: Headers }): string | null {
    const documented = operation(r).responses[String(res.status)];
    if (!documented) return `${r.operationId} answered ${res.status}, which its document does not declare`;
    if (!documented.content) return res.body === undefined ? null : `${r.operationId} ${res.status} has a body its document does not declare`;
    const [type, { schema }] = Object.entries(documented.content as Record<string, { schema: any }>)[0];
    if (!(res.headers.get("content-type") ?? "").startsWith(type))
      return `${r.operationId} ${res.status}: content-type ${res.headers.get("content-type")}, documented ${type}`;
    const target = schema.$ref === "#/components/schemas/Problem" ? doc.components.schemas.Problem : schema;
    return check(target, res.body)
      ? null
      : `${r.operationId} ${res.status}: body does not match the documented schema: ${JSON.stringify(res.body).slice(0, 200)}`;
  }
});

/** A schema from the document compiled on its own: no $schema of its own (ajv's 2020 dialect is the default). */
function schemaAlone(schema: object): object {
  const { $schema: _, ...rest } = schema as Record<string, unknown>;
  return rest;
}
