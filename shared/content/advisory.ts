import { z } from "zod";
import { Tlp } from "./tlp.js";
import { IsoDateTime, ProgramCode, V1, line, text, uniqueList } from "./fields.js";
import { dotted, escapeHtml, formatInstant, htmlText, tlpHtml, tlpTag, truncate, type Fallback } from "./format.js";

/**
 * The Secretariat's signature over the canonical JSON (RFC 8785) of the advisory without this
 * block. `publicKey` travels with it so a forwarded copy names its key; verification still
 * checks it against the pinned Secretariat key(s), never trusts it alone (advisory-signature.ts).
 */
export const AdvisorySignature = z.strictObject({
  alg: z.literal("ed25519"),
  keyId: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, "must be a key id such as secretariat-2025"),
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}$/, "must be an Ed25519 public key in unpadded base64"),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}$/, "must be an Ed25519 signature in unpadded base64"),
});
export type AdvisorySignature = z.infer<typeof AdvisorySignature>;

const advisoryFields = {
  version: V1,
  tlp: Tlp,
  /** The program whose numbering this advisory belongs to; (programCode, number) is its reference. */
  programCode: ProgramCode,
  number: z.int().min(1).max(999_999),
  title: line(200),
  /** Markdown. Fallbacks show it as escaped text; the client renders it with a sanitising renderer. */
  body: text(8000),
  /** The programs it concerns (may be several for a hemisphere-wide advisory). */
  programs: uniqueList(ProgramCode, 1, 20),
  requiresAck: z.boolean(),
  ackDeadline: IsoDateTime.optional(),
  issuedAt: IsoDateTime,
};

type DeadlineFields = { requiresAck: boolean; ackDeadline?: string | undefined; issuedAt: string };
const deadlineRule = <T extends DeadlineFields>(a: T, ctx: z.core.$RefinementCtx<T>) => {
  if (a.requiresAck && a.ackDeadline === undefined) {
    ctx.addIssue({ code: "custom", path: ["ackDeadline"], message: "an advisory that requires acknowledgement needs a deadline" });
  }
  if (!a.requiresAck && a.ackDeadline !== undefined) {
    ctx.addIssue({ code: "custom", path: ["ackDeadline"], message: "only an advisory that requires acknowledgement has a deadline" });
  }
  if (a.ackDeadline !== undefined && Date.parse(a.ackDeadline) <= Date.parse(a.issuedAt)) {
    ctx.addIssue({ code: "custom", path: ["ackDeadline"], message: "the deadline must be after issuedAt" });
  }
};

/** What the Secretariat composes and signs. */
export const UnsignedAdvisory = z.strictObject(advisoryFields).superRefine(deadlineRule);
export type UnsignedAdvisory = z.infer<typeof UnsignedAdvisory>;

/** What travels: the advisory plus its signature block. */
export const AdvisoryContent = z.strictObject({ ...advisoryFields, signature: AdvisorySignature }).superRefine(deadlineRule);
export type AdvisoryContent = z.infer<typeof AdvisoryContent>;

/** "tourism #12": how people cite an advisory. */
export const advisoryReference = (a: Pick<AdvisoryContent, "programCode" | "number">) => `${a.programCode} #${a.number}`;

export function advisoryFallback(a: AdvisoryContent): Fallback {
  const head = `📢 ADVISORY ${advisoryReference(a)} ${tlpTag(a.tlp)} — ${a.title}`;
  const facts = dotted([
    `issued ${formatInstant(a.issuedAt)}`,
    `programs ${a.programs.join(", ")}`,
    a.requiresAck && a.ackDeadline && `acknowledgement required by ${formatInstant(a.ackDeadline)} (acknowledge in Enlace)`,
    `signed by the Secretariat (key ${a.signature.keyId}; verify in Enlace)`,
  ]);
  return {
    plain: `${head}\n${truncate(a.body)}\n${facts}`,
    html:
      `<p>📢 <strong>ADVISORY ${escapeHtml(advisoryReference(a))}</strong> ${tlpHtml(a.tlp)} — <strong>${escapeHtml(a.title)}</strong></p>` +
      `<p>${htmlText(a.body)}</p><p><em>${escapeHtml(facts)}</em></p>`,
  };
}
