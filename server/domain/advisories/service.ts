import { withTransaction } from "../../db/pool.js";
import type { Ctx } from "../context.js";
import { officerPrograms, type Principal } from "../auth/principal.js";
import { conflict, forbidden, notFound } from "../../errors.js";
import { signCanonical } from "#shared/crypto/sign.js";
import { advisoryStatement } from "#shared/content/advisory-signature.js";
import * as repo from "./repo.js";
import { advisoryCountersigned } from "../notifications/advisories.js";

const mustBeOfficer = (p: Principal, program: string) => {
  if (!officerPrograms(p).has(program)) throw forbidden("Only a Secretariat officer of this program issues its advisories.");
};

/** The next advisory number of a program, reserved for the officer composing it. */
export async function reserveNumber(ctx: Ctx, p: Principal, program: string) {
  mustBeOfficer(p, program);
  return withTransaction(ctx, async (tx) => {
    const number = await repo.reserveNextNumber(tx, program, p.personId);
    await ctx.audit.append(tx, {
      actor: p.personId,
      action: "advisory.number_reserved",
      subject: `${program}#${number}`,
      details: { program, number },
    });
    return { programCode: program, number };
  });
}

/**
 * Countersigns the digest of an advisory with the Secretariat key: once per number, only for the
 * officer who reserved it, so no two different advisories can carry the same reference.
 */
export async function countersign(
  ctx: Ctx,
  p: Principal,
  program: string,
  number: number,
  digest: string,
  ack: { ackDeadline?: string; remindEveryHours?: number } = {},
) {
  mustBeOfficer(p, program);
  return withTransaction(ctx, async (tx) => {
    const row = await repo.lockNumber(tx, program, number);
    if (!row) throw notFound("This advisory number");
    if (row.reservedBy !== p.personId) throw forbidden("This number was reserved by another officer.");
    if (row.digest && row.digest !== digest) throw conflict("advisory-number-used", `${program} #${number} was already signed for another advisory.`);
    await repo.setDigest(tx, program, number, digest);
    const signature = await signCanonical(ctx.keys.secretariat.secretKey, advisoryStatement(program, number, digest));
    await ctx.audit.append(tx, { actor: p.personId, action: "advisory.countersigned", subject: `${program}#${number}`, details: { program, number, digest } });
    // The first signature announces it (a repeated request for the same digest signs again, quietly).
    if (!row.digest) await advisoryCountersigned(ctx, tx, p.personId, { program, number, ...ack });
    return { alg: "ed25519" as const, keyId: "secretariat", publicKey: ctx.keys.secretariat.publicKey, signature };
  });
}
