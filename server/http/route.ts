import type { z } from "zod";
import type { Principal } from "../domain/auth/principal.js";
import { OPERATIONS, type Operation, type OperationId, type Operations } from "#shared/api/operations.js";

/**
 * A route is an operation of the table in shared/api/operations.ts (method, path, schemas,
 * problems) with its handler: the Express router and the OpenAPI document are both built from
 * routes, so the document covers every operation by construction. Handlers get parsed input and
 * the caller's principal — never `req`/`res` — and must return what the response schema accepts
 * (checked by the compiler; by zod too when `validateResponses` is on in tests).
 */
export interface RequestMeta {
  ip: string; // the peer address, or the proxy's X-Forwarded-For only when trust proxy is configured
  userAgent: string;
  cli: boolean; // asked for the session token in the body (Enlace-Client: cli)
  browser: boolean; // carries what browsers add (Origin, Sec-Fetch-Site) or a cookie
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Field<O, K extends string> = O extends { [k in K]: infer S } ? S : undefined;

interface HandlerInput<O extends Operation> {
  body: Parsed<Field<O, "body">>;
  query: Parsed<Field<O, "query">>;
  params: Parsed<Field<O, "params">>;
  /** A session route runs only for a signed-in caller (the router answers 401 before), so its principal is never null. */
  principal: O["access"] extends "session" ? Principal : null;
  meta: RequestMeta;
}

/** What a handler returns: a body the response schema accepts (as input: it is validated, then sent). */
type Body<O extends Operation> = Field<O, "response"> extends infer S extends z.ZodType ? z.input<S> : undefined;

const REPLY: unique symbol = Symbol("reply");

/** A reply other than "the body with the success status": another status, or a session to set or clear. */
export interface Reply<T = unknown> {
  readonly [REPLY]: true;
  status: number;
  body: T;
  setSession?: { token: string; expiresAt: Date } | null;
}

export const reply = <T>(status: number, body: T, o: { setSession?: { token: string; expiresAt: Date } | null } = {}): Reply<T> => ({
  [REPLY]: true,
  status,
  body,
  ...o,
});

export const isReply = (v: unknown): v is Reply => typeof v === "object" && v !== null && REPLY in v;

export type TypedRoute<O extends Operation> = O & {
  operationId: string;
  handler: (input: HandlerInput<O>) => Promise<Body<O> | Reply<Body<O>>>;
};

/** A route with its types erased, as the router and the document builder see every route. */
export type RouteDef = Operation & {
  operationId: string;
  // biome-ignore lint/suspicious/noExplicitAny: erased: each route's own handler is checked against its operation in route()
  handler: (input: any) => Promise<unknown>;
};

/** The route of operation `id`: its method, path and schemas come from the table, its handler from here. */
export const route = <K extends OperationId>(id: K, handler: TypedRoute<Operations[K]>["handler"]): RouteDef => ({
  ...OPERATIONS[id],
  operationId: id,
  handler: handler as RouteDef["handler"],
});
