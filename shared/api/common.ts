import { z } from "zod";

// Text fields refuse control characters (PostgreSQL cannot store NUL, and none belong in names).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (to refuse them)
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAKS = /[\n\r\t]/;

/** Single-line text, trimmed, 1..max characters. */
export const line = (max: number) =>
  z.string().trim().min(1).max(max)
    .refine((s) => !CONTROL.test(s) && !LINE_BREAKS.test(s), "must not contain control characters or line breaks");

/** Multi-line text (line breaks allowed), 1..max characters. */
export const text = (max: number) =>
  z.string().trim().min(1).max(max).refine((s) => !CONTROL.test(s), "must not contain control characters");

export const StateCode = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as CL");
export const ProgramCode = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "a program code such as tourism");
export const Uuid = z.uuid();
export const Email = z.email().max(254).transform((s) => s.toLowerCase());
export const MatrixUserId = z.string().max(255).regex(/^@[a-z0-9._=\-/+]+:[A-Za-z0-9.-]+(:\d{1,5})?$/, "a Matrix user ID such as @ana:example.org");
export const Reason = z.object({ reason: text(1000) }).strict();
export const IsoDate = z.iso.date();

export const RoleKind = z.enum(["secretariat_admin", "secretariat_officer", "national_coordinator", "focal_point", "alternate"]);
export type RoleKind = z.infer<typeof RoleKind>;
export const VettingStatus = z.enum(["nominated", "approved", "active", "suspended", "revoked", "rejected"]);
export type VettingStatus = z.infer<typeof VettingStatus>;
