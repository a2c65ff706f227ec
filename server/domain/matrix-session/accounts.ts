import type { Queryable } from "../../db/pool.js";
import { AppError } from "../../errors.js";
import * as repo from "./repo.js";

/**
 * What the registry may ask the Secretariat's homeserver about an account, through the admin API.
 * `null` from lookup: no such account. Part of the Ctx when a homeserver is linked (buildCtx).
 */
export interface MatrixAccountDirectory {
  readonly serverName: string;
  readonly botUserId: string;
  lookup(userId: string): Promise<{ admin: boolean; deactivated: boolean } | null>;
}

const matrixIdNotAllowed = (detail: string) => new AppError("matrix-id-not-allowed", detail);
export const matrixIdReserved = () =>
  new AppError("matrix-id-reserved", "This Matrix ID belongs to the homeserver's own administration and is never given to a person.");
export const matrixIdTaken = () => new AppError("matrix-id-taken", "This Matrix ID is already bound to another person in the registry.");
const homeserverUnavailable = () =>
  new AppError("homeserver-unavailable", "The homeserver could not be asked about this Matrix account; try again shortly.", {
    retryAfterSeconds: 5,
  });

/** The part after the first colon, lower-cased (server names compare case-insensitively). */
const serverOf = (userId: string) => userId.slice(userId.indexOf(":") + 1).toLowerCase();
const localpartOf = (userId: string) => userId.slice(1, userId.indexOf(":"));

// The bot's localpart is reserved even before the bot has connected (and on every homeserver we run).
const RESERVED_LOCALPARTS = /^(enlace-registry|admin|administrator|root|synapse|server|system|support|security|abuse|postmaster|mxid|bot)$/;

/**
 * Reserved: the registry bot, a localpart kept for the homeserver's administration, or a server
 * admin on Synapse. An account the homeserver cannot tell us about counts as unknown, so callers
 * refuse (homeserver-unavailable) rather than guess.
 */
export async function isReservedLocal(dir: MatrixAccountDirectory | undefined, serverName: string, userId: string): Promise<boolean> {
  if (RESERVED_LOCALPARTS.test(localpartOf(userId))) return true;
  if (!dir) return false;
  if (userId === dir.botUserId) return true;
  if (serverOf(userId) !== serverName.toLowerCase()) return false;
  const account = await lookupOrUnavailable(dir, userId);
  return account?.admin === true;
}

export async function lookupOrUnavailable(dir: MatrixAccountDirectory, userId: string) {
  try {
    return await dir.lookup(userId);
  } catch {
    throw homeserverUnavailable();
  }
}

/**
 * A Matrix ID a nominator proposed. Local IDs are the server's to assign (never the nominator's);
 * a remote ID must be on an active homeserver registered for the nominee's own member state, and
 * not already bound to someone else.
 */
export async function checkProposedMatrixId(
  db: Queryable,
  o: { userId: string; memberState: string | null; localServerName: string | null | undefined; dir?: MatrixAccountDirectory },
) {
  const server = serverOf(o.userId);
  if (o.localServerName && server === o.localServerName.toLowerCase()) {
    // Said before "reserved" on purpose: a nominator learns nothing about which local accounts exist.
    throw matrixIdNotAllowed(`Matrix IDs on ${o.localServerName} are assigned by the Secretariat; leave matrixUserId out.`);
  }
  if (RESERVED_LOCALPARTS.test(localpartOf(o.userId))) throw matrixIdReserved();
  // Exactly as registered (Matrix compares user IDs as strings): "@ana:HS.GOB.CL" is not an account of
  // hs.gob.cl, and accepting it would let one account sit in the registry under two spellings.
  if (!(await repo.activeHomeserverFor(db, o.userId.slice(o.userId.indexOf(":") + 1), o.memberState))) {
    throw matrixIdNotAllowed(`${server} is not an active homeserver registered for ${o.memberState ?? "the Secretariat"}.`);
  }
  if (await repo.matrixIdBound(db, o.userId)) throw matrixIdTaken();
}
