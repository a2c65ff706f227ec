import { z } from "zod";

// Text fields refuse control characters (PostgreSQL cannot store NUL, and none belong in names).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (to refuse them)
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Single-line text: 1..max characters (code points) once trimmed, no control characters or line
 * breaks inside. Written as one pattern, checked on the text as sent (with the u flag, as JSON
 * Schema validators do) and then trimmed, so the OpenAPI document states exactly what is accepted.
 */
export const line = (max: number) => {
  const edge = String.raw`[^\s\u0000-\u001F\u007F]`;
  const inner = String.raw`[^\u0000-\u001F\u007F]`;
  const core = max === 1 ? edge : `${edge}(?:${inner}{0,${max - 2}}${edge})?`;
  return z
    .string()
    .regex(new RegExp(String.raw`^\s*${core}\s*$`, "u"), `1 to ${max} characters, without control characters or line breaks`)
    .trim();
};

/** JSON Schemas for zod schemas whose own translation would say less than they check (see queryInt). */
export const DOCUMENTED_AS = new WeakMap<object, Record<string, unknown>>();

/**
 * Whole-number query parameters: decimal digits only (no "", " 5", "1e2" or "0x10", which Number()
 * would take), then the range. The OpenAPI document shows them as integers with the same bounds.
 */
export const queryInt = (min: number, max: number, dflt: number) => {
  const s = z
    .string()
    .regex(/^-?(0|[1-9][0-9]*)$/, "a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(dflt);
  DOCUMENTED_AS.set(s, { type: "integer", minimum: min, maximum: max, default: dflt });
  return s;
};

/** Multi-line text (line breaks allowed), 1..max characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), "must not contain control characters");

export const StateCode = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as CL");
export const ProgramCode = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "a program code such as tourism");
export const Uuid = z.uuid();
export const Email = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());
export const MatrixUserId = z
  .string()
  .max(255)
  .regex(/^@[a-z0-9._=\-/+]+:[A-Za-z0-9.-]+(:\d{1,5})?$/, "a Matrix user ID such as @ana:example.org");
export const Reason = z.object({ reason: text(1000) }).strict();
export const IsoDate = z.iso.date();

export const RoleKind = z.enum(["secretariat_admin", "secretariat_officer", "national_coordinator", "focal_point", "alternate"]);
export type RoleKind = z.infer<typeof RoleKind>;
export const VettingStatus = z.enum(["nominated", "approved", "active", "suspended", "revoked", "rejected"]);
export type VettingStatus = z.infer<typeof VettingStatus>;
