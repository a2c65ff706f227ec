import { z } from "zod";
import type { RouteDef } from "./route.js";

const jsonSchema = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" });

const problemRef = { $ref: "#/components/schemas/Problem" };

/** OpenAPI 3.1 from the same zod schemas that validate requests. */
export function buildOpenApi(routes: RouteDef[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = "/api" + r.path.replace(/:([A-Za-z]+)/g, "{$1}");
    const parameters: unknown[] = [];
    for (const m of r.path.matchAll(/:([A-Za-z]+)/g)) parameters.push({ name: m[1], in: "path", required: true, schema: { type: "string" } });
    if (r.query) {
      const qs = jsonSchema(r.query, "input") as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(qs.properties ?? {})) {
        parameters.push({ name, in: "query", required: qs.required?.includes(name) ?? false, schema });
      }
    }
    const responses: Record<string, unknown> = {
      [String(r.successStatus ?? 200)]: {
        description: "Success",
        ...(r.response ? { content: { "application/json": { schema: jsonSchema(r.response, "output") } } } : {}),
      },
    };
    for (const code of r.sameBodyStatuses ?? []) responses[String(code)] = { ...(responses[String(r.successStatus ?? 200)] as object), description: `Same body as ${r.successStatus ?? 200}` };
    const errs = new Set([400, ...(r.access === "session" ? [401, 403] : []), ...(r.body ? [413, 415] : []), ...(r.errors ?? [])]); // 413/415: body too large, not JSON
    for (const code of errs) responses[String(code)] = { description: "Problem", content: { "application/problem+json": { schema: problemRef } } };
    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      ...(r.access === "session" ? { security: [{ session: [] }, { bearer: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(r.body, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Enlace control plane", version, description: "Registry, vetting, sign-in and audit for the Enlace network." },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "enlace_session" },
        bearer: { type: "http", scheme: "bearer" },
      },
      schemas: {
        Problem: {
          type: "object", required: ["type", "title", "status"],
          properties: { type: { type: "string", format: "uri" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" } },
        },
      },
    },
  };
}
