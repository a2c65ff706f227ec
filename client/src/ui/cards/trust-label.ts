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
  if (v.level !== "verified") return v.level === "invalid" ? t("cards.trust.invalid") : t("cards.trust.unverified");
  const where = [v.memberState ? names.state(v.memberState) : t("cards.trust.secretariat"), ...v.programs.map(names.program)].join(", ");
  return t(`cards.trust.verified.${roleOf(v)}`, { where });
}

/** The hover text: why a verdict is not "verified". Revocation status unknown is explained in the reader's language. */
export function trustHint(t: TFunction, v: TrustVerdict): string | undefined {
  if (v.level === "verified") return undefined;
  return v.level === "unverified" && v.code === "revocation-unknown" ? t("cards.trust.revocationUnknownHint") : v.reason;
}
