import { z } from "zod";
import { Tlp } from "./tlp.js";
import { IsoDateTime, Language, ProgramCode, V1, line, text, uniqueList } from "./fields.js";
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

/** Every version's body counts against one budget, so a four-language advisory stays well inside a Matrix event. */
export const ADVISORY_TEXT_BUDGET = 16_000;

/**
 * The same advisory in another language: its own title and body, the same facts (number,
 * programs, deadline). Versions travel inside the advisory, so the one signature covers them all.
 */
const AdvisoryTranslation = z.strictObject({ language: Language, title: line(200), body: text(8000) });

const advisoryFields = {
  version: V1,
  tlp: Tlp,
  /** The program whose numbering this advisory belongs to; (programCode, number) is its reference. */
  programCode: ProgramCode,
  number: z.int().min(1).max(999_999),
  title: line(200),
  /** Markdown. Fallbacks show it as escaped text; the client renders it with a sanitising renderer. */
  body: text(8000),
  /**
   * The language of `title` and `body`, which are the original version. Absent in advisories
   * written before versions existed (one version, language not stated): they stay valid.
   */
  language: Language.optional(),
  /** The versions in other languages (each language at most once, never the original's). */
  translations: z.array(AdvisoryTranslation).min(1).max(3).optional(),
  /** The programs it concerns (may be several for a hemisphere-wide advisory). */
  programs: uniqueList(ProgramCode, 1, 20),
  requiresAck: z.boolean(),
  ackDeadline: IsoDateTime.optional(),
  issuedAt: IsoDateTime,
};

type RuleFields = {
  requiresAck: boolean;
  ackDeadline?: string | undefined;
  issuedAt: string;
  body: string;
  language?: string | undefined;
  translations?: ReadonlyArray<{ language: string; body: string }> | undefined;
};
const advisoryRules = <T extends RuleFields>(a: T, ctx: z.core.$RefinementCtx<T>) => {
  deadlineRule(a, ctx);
  versionRule(a, ctx);
};

function versionRule<T extends RuleFields>(a: T, ctx: z.core.$RefinementCtx<T>) {
  if (!a.translations) return;
  if (a.language === undefined) {
    ctx.addIssue({ code: "custom", path: ["language"], message: "an advisory with translations names the language of its original" });
  }
  const seen = new Set(a.language === undefined ? [] : [a.language]);
  a.translations.forEach((v, i) => {
    if (seen.has(v.language)) ctx.addIssue({ code: "custom", path: ["translations", i, "language"], message: "each language has one version" });
    seen.add(v.language);
  });
  const total = a.translations.reduce((n, v) => n + v.body.length, a.body.length);
  if (total > ADVISORY_TEXT_BUDGET) {
    ctx.addIssue({ code: "custom", path: ["translations"], message: `all versions together must not exceed ${ADVISORY_TEXT_BUDGET} characters` });
  }
}

const deadlineRule = <T extends RuleFields>(a: T, ctx: z.core.$RefinementCtx<T>) => {
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
export const UnsignedAdvisory = z.strictObject(advisoryFields).superRefine(advisoryRules);
export type UnsignedAdvisory = z.infer<typeof UnsignedAdvisory>;

/** What travels: the advisory plus its signature block. */
export const AdvisoryContent = z.strictObject({ ...advisoryFields, signature: AdvisorySignature }).superRefine(advisoryRules);
export type AdvisoryContent = z.infer<typeof AdvisoryContent>;

/** "tourism #12": how people cite an advisory. */
export const advisoryReference = (a: Pick<AdvisoryContent, "programCode" | "number">) => `${a.programCode} #${a.number}`;

/** One version of an advisory as a reader sees it; `original` marks the one the Secretariat wrote first. */
export interface AdvisoryVersion {
  /** Undefined only for an advisory written before versions existed. */
  language: Language | undefined;
  title: string;
  body: string;
  original: boolean;
}

/** The original first, then the translations in the order the Secretariat gave them. */
export const advisoryVersions = (a: Pick<UnsignedAdvisory, "language" | "title" | "body" | "translations">): AdvisoryVersion[] => [
  { language: a.language, title: a.title, body: a.body, original: true },
  ...(a.translations ?? []).map((v) => ({ ...v, original: false })),
];

/** The version to show first: the reader's language if there is one, else the original. */
export function preferredVersion(versions: readonly AdvisoryVersion[], readerLanguage: string): AdvisoryVersion {
  const base = readerLanguage.split("-")[0];
  return versions.find((v) => v.language === base) ?? (versions[0] as AdvisoryVersion);
}

/** The title a reader of `readerLanguage` sees in lists (home, coverage): their version's, else the original's. */
export const advisoryTitleFor = (a: Pick<UnsignedAdvisory, "language" | "title" | "body" | "translations">, readerLanguage: string): string =>
  preferredVersion(advisoryVersions(a), readerLanguage).title;

export function advisoryFallback(a: AdvisoryContent): Fallback {
  const head = `📢 ADVISORY ${advisoryReference(a)} ${tlpTag(a.tlp)} — ${a.title}`;
  const facts = dotted([
    `issued ${formatInstant(a.issuedAt)}`,
    `programs ${a.programs.join(", ")}`,
    a.requiresAck && a.ackDeadline && `acknowledgement required by ${formatInstant(a.ackDeadline)} (acknowledge in Enlace)`,
    a.translations && `also in ${a.translations.map((v) => v.language).join(", ")} (read in Enlace)`,
    `signed by the Secretariat (key ${a.signature.keyId}; verify in Enlace)`,
  ]);
  return {
    plain: `${head}\n${truncate(a.body)}\n${facts}`,
    html:
      `<p>📢 <strong>ADVISORY ${escapeHtml(advisoryReference(a))}</strong> ${tlpHtml(a.tlp)} — <strong>${escapeHtml(a.title)}</strong></p>` +
      `<p>${htmlText(a.body)}</p><p><em>${escapeHtml(facts)}</em></p>`,
  };
}
