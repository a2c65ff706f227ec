import type { TFunction } from "i18next";
import type { TrustVerdict } from "#shared/matrix/trust.js";

type Verified = Extract<TrustVerdict, { level: "verified" }>;

/** "focal point", "Secretariat officer"…: the sender's strongest role in their credential. */
function roleOf(v: Verified): "secretariat" | "coordinator" | "focal" {
  if (v.roles.some((r) => r.role === "secretariat_officer" || r.role === "secretariat_admin")) return "secretariat";
  if (v.roles.some((r) => r.role === "national_coordinator")) return "coordinator";
  return "focal";
}

/**
 * "verified focal point — Chile, Tourism Security", in the reader's language. shared/matrix's
 * trustOf composes the same in English; the web app builds it from the verdict's facts instead.
 */
export function trustLabel(t: TFunction, v: TrustVerdict, names: { state(code: string): string; program(code: string): string }): string {
  if (v.level === "unencrypted") return t("cards.trust.unencrypted");
  if (v.level === "unverified" && v.code === "revocation-unknown") return t("cards.trust.revocationUnknown");
  // About the key's path (restored from backup, unsigned), not about the sender: never "not verified".
  if (v.level === "unverified" && v.code === "key-origin-unknown") return t("decryption.trust.keyOrigin");
  if (v.level !== "verified") return v.level === "invalid" ? t("cards.trust.invalid") : t("cards.trust.unverified");
  const where = [v.memberState ? names.state(v.memberState) : t("cards.trust.secretariat"), ...v.programs.map(names.program)].join(", ");
  return t(`cards.trust.verified.${roleOf(v)}`, { where });
}

/** The hover text: why a verdict is not "verified". Revocation status unknown is explained in the reader's language. */
export function trustHint(t: TFunction, v: TrustVerdict): string | undefined {
  if (v.level === "verified") return undefined;
  if (v.level === "unverified" && v.code === "key-origin-unknown") return t("decryption.trust.keyOriginHint");
  return v.level === "unverified" && v.code === "revocation-unknown" ? t("cards.trust.revocationUnknownHint") : v.reason;
}

/**
 * "Ana Pérez · Chile" from a verified credential; the account id when nothing vouches for a name
 * (or the credential predates names). Never the Matrix display name, which its owner sets freely.
 */
export function senderName(t: TFunction, v: TrustVerdict, userId: string, region: (code: string) => string): string {
  if (v.level !== "verified") return userId;
  return `${v.name ?? userId} · ${v.memberState ? region(v.memberState) : t("cards.trust.secretariat")}`;
}
