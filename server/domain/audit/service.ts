import type { Ctx } from "../context.js";
import type { Principal } from "../auth/principal.js";
import { isAdmin, officerPrograms } from "../auth/principal.js";
import { forbidden } from "../../errors.js";
import { canReadAudit } from "../registry/policy.js";
import { listAudit, type AuditFilter } from "./repo.js";
import { verifyStoredLog } from "./verify.js";

/**
 * Who reads which part of the log. Administrators: all of it. Officers: the entries about the people
 * of their programs (nominations, decisions, sign-ins, 2FA and key events of those people), so they
 * can follow their own network without seeing the rest of the registry. Nobody else.
 */
function scopeOf(p: Principal): { programs?: string[] } {
  if (!canReadAudit(p)) throw forbidden("Only administrators and Secretariat officers read the audit log.");
  return isAdmin(p) ? {} : { programs: [...officerPrograms(p)] };
}

export function list(ctx: Ctx, p: Principal, q: Omit<AuditFilter, "programs">) {
  return listAudit(ctx.db, { ...q, ...scopeOf(p) });
}

/** The verdict covers the whole chain (counts and the first broken sequence number, never contents). */
export function verify(ctx: Ctx, p: Principal) {
  scopeOf(p);
  return verifyStoredLog(ctx.db, ctx.keys.audit.publicKey);
}
