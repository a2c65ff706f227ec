import type { z } from "zod";
import type { Principal } from "../domain/auth/principal.js";

/**
 * One declaration per operation: the Express router and the OpenAPI document are both built
 * from these, so the document covers every operation by construction. Handlers get parsed
 * input and the caller's principal — never `req`/`res`.
 */
type Access = "public" | "session";

export interface RequestMeta {
  ip: string; // the peer address, or the proxy's X-Forwarded-For only when trust proxy is configured
  userAgent: string;
  cli: boolean; // asked for the session token in the body (Enlace-Client: cli)
  browser: boolean; // carries what browsers add (Origin, Sec-Fetch-Site) or a cookie
}

interface HandlerInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  principal: Principal | null;
  meta: RequestMeta;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  setSession?: { token: string; expiresAt: Date } | null;
}

// biome-ignore lint/suspicious/noExplicitAny: a route without a schema sees its input untyped; Part 3 of issue 13 types routes end to end
export interface RouteDef<B = any, Q = any, P = any> {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string; // express style: /people/:id
  operationId: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  response?: z.ZodType;
  successStatus?: number;
  errors?: number[];
  /** Other statuses answered with the success schema (not a problem): health's 503, a referred nomination's 202. */
  sameBodyStatuses?: number[];
  /** Public and session-blind: no session lookup at all (health must answer while the database is down). */
  anonymous?: boolean;
  handler: (input: HandlerInput<B, Q, P>) => Promise<Reply | unknown>;
}

export const route = <B = undefined, Q = undefined, P = undefined>(def: RouteDef<B, Q, P>): RouteDef<B, Q, P> => def;

export const isReply = (v: unknown): v is Reply => typeof v === "object" && v !== null && ("status" in v || "setSession" in v) && "body" in v;
