import type { NextFunction, Request, Response } from "express";
import type { Queryable } from "../db/pool.js";

/** How stale the page's list of homeservers may be: a newly registered one is reachable within this. */
const TTL_MS = 10_000;

/**
 * The origins of member states' homeservers the registry lists as active with a client URL: the web
 * client signs a person in on their own state's homeserver (the control plane's grant says which),
 * so the page's connect-src must allow it. Read at most every TTL_MS; a suspended homeserver drops
 * out within that. The middleware puts them on res.locals for the CSP directive.
 */
export function homeserverOrigins(db: Queryable) {
  let cached: { at: number; origins: string[] } | null = null;
  let pending: Promise<string[]> | null = null;
  const load = async () => {
    const r = await db.query<{ client_url: string }>("SELECT client_url FROM homeservers WHERE status = 'active' AND client_url IS NOT NULL");
    return [...new Set(r.rows.map((row) => new URL(row.client_url).origin))];
  };
  return async (_req: Request, res: Response, next: NextFunction) => {
    if (!cached || Date.now() - cached.at > TTL_MS) {
      pending ??= load().finally(() => {
        pending = null;
      });
      try {
        cached = { at: Date.now(), origins: await pending };
      } catch {
        // The database being away must not take the page down: keep the last list (or none).
        cached ??= { at: 0, origins: [] };
      }
    }
    res.locals.homeserverOrigins = cached.origins;
    next();
  };
}

/**
 * The CSP connect-src directive (helmet calls it per response): the fixed sources, then the member
 * states' homeservers the middleware found, each once.
 */
export const homeserverConnectSrc =
  (fixed: string[]) =>
  (_req: unknown, res: unknown): string =>
    [...new Set([...fixed, ...(((res as Response).locals.homeserverOrigins as string[] | undefined) ?? [])])].join(" ");
