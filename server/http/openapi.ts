import { z } from "zod";
import type { RouteDef } from "./route.js";
import { DOCUMENTED_AS } from "#shared/api/common.js";
import { PROBLEM_BASE, PROBLEM_TYPES, statusesOf, type ProblemType } from "#shared/api/problems.js";

// A schema that registered what it really accepts (a whole-number query parameter) is documented
// as that, not as its first step ("a string"): the document is as strict as the validation.
const jsonSchema = (s: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(s, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
    override: (ctx) => {
      const documented = DOCUMENTED_AS.get(ctx.zodSchema);
      if (!documented) return;
      for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[k];
      Object.assign(ctx.jsonSchema, documented);
    },
  });

const problemRef = { $ref: "#/components/schemas/Problem" };

/** A property's schema on its own (no $schema of the enclosing document). */
const strip = (schema: unknown) => {
  const { $schema: _, ...rest } = schema as Record<string, unknown>;
  return rest;
};

/** OpenAPI 3.1 from the same zod schemas that validate requests. */
export function buildOpenApi(routes: RouteDef[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = "/api" + r.path.replace(/:([A-Za-z]+)/g, "{$1}");
    const parameters: unknown[] = [];
    // Path parameters keep their patterns (uuid, Matrix user ID): one without a schema of its own is
    // a route bug, which the OpenAPI test catches.
    const ps = r.params ? ((jsonSchema(r.params, "input") as { properties?: Record<string, unknown> }).properties ?? {}) : {};
    for (const m of r.path.matchAll(/:([A-Za-z]+)/g))
      parameters.push({ name: m[1], in: "path", required: true, schema: strip(ps[m[1]] ?? { type: "string" }) });
    if (r.query) {
      const qs = jsonSchema(r.query, "input") as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(qs.properties ?? {})) {
        parameters.push({ name, in: "query", required: qs.required?.includes(name) ?? false, schema: strip(schema) });
      }
    }
    const responses: Record<string, unknown> = {
      [String(r.successStatus ?? 200)]: {
        description: "Success",
        ...(r.response ? { content: { "application/json": { schema: jsonSchema(r.response, "output") } } } : {}),
      },
    };
    for (const code of r.sameBodyStatuses ?? [])
      responses[String(code)] = { ...(responses[String(r.successStatus ?? 200)] as object), description: `Same body as ${r.successStatus ?? 200}` };
    // The problem types it may answer with, by status: those of every operation, then the table's own.
    const types: ProblemType[] = [
      "validation-failed",
      ...(r.access === "session" ? (["unauthenticated", "forbidden"] as const) : []),
      ...(r.access === "session" && !r.beforeSecondFactor ? (["totp-setup-required"] as const) : []),
      ...(r.body ? (["malformed-json", "payload-too-large", "unsupported-media-type", "unsupported-encoding"] as const) : []), // body not JSON, too large
      ...r.problems,
    ];
    const byStatus = new Map<number, ProblemType[]>();
    for (const t of types) for (const code of statusesOf(t)) byStatus.set(code, [...(byStatus.get(code) ?? []), t]);
    for (const [code, ts] of byStatus)
      responses[String(code)] = { description: `Problem: ${ts.join(", ")}`, content: { "application/problem+json": { schema: problemRef } } };
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
          type: "object",
          required: ["type", "title", "status"],
          properties: {
            type: { type: "string", format: "uri", enum: PROBLEM_TYPES.map((t) => PROBLEM_BASE + t) },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
          },
        },
      },
    },
  };
}
