import { withTransaction, type Tx } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import type { RoleGrant } from "../auth/principal.js";
import { sealSecret, newTotpSecret } from "../auth/totp.js";
import { addMonths } from "./lifecycle.js";
import * as repo from "./repo.js";
import * as authRepo from "../auth/repo.js";
import { assignLocalUserId } from "../matrix-session/service.js";

export interface SeedPerson {
  email: string;
  fullName: string;
  memberState: string | null;
  roles: RoleGrant[];
  password: string;
  totp?: boolean;
  matrixUserId?: string;
  expertise?: { areas: string[]; languages: string[] };
}

/**
 * Creates an already-vetted, active person outside the nomination flow. Only for bootstrapping
 * (the first administrator has nobody to nominate them), demo data, tests and benchmarks; every
 * use is audited as such.
 */
export async function seedActivePerson(ctx: Ctx, p: SeedPerson, tx?: Tx): Promise<{ id: string; totpSecret: string | null }> {
  const run = async (t: Tx) => {
    const matrixUserId =
      p.matrixUserId ?? (ctx.settings.matrixServerName ? await assignLocalUserId(t, ctx.settings.matrixServerName, p.email, p.memberState) : null);
    const id = await repo.insertPerson(t, {
      email: p.email,
      fullName: p.fullName,
      memberState: p.memberState,
      matrixUserId,
      nominatedBy: null,
      status: "active",
    });
    await repo.insertRoles(t, id, p.roles);
    const totpSecret = p.totp ? newTotpSecret() : null;
    await authRepo.setCredentials(t, id, await ctx.hasher.hash(p.password), totpSecret ? await sealSecret(ctx.keys.dataKey, totpSecret) : null, null);
    await repo.setStatus(t, id, "active", { vettedUntil: addMonths(ctx.now(), ctx.settings.vettingMonths) });
    if (p.expertise) await repo.setExpertise(t, id, p.expertise.areas, p.expertise.languages);
    await repo.recordTransition(t, { personId: id, from: null, to: "active", actorId: null, reason: "seeded" });
    await ctx.audit.append(t, { actor: "system", action: "person.seeded", subject: id, details: { roles: p.roles, memberState: p.memberState } });
    await ctx.hooks.personChanged(t, id, "seeded");
    return { id, totpSecret };
  };
  return tx ? run(tx) : withTransaction(ctx, run);
}
