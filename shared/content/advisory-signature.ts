import { canonicalJson } from "../crypto/canonical.js";
import { publicKeyOf, signCanonical, verifyCanonical } from "../crypto/sign.js";
import { AdvisoryContent, UnsignedAdvisory, type AdvisorySignature } from "./advisory.js";
import { InvalidContentError } from "./errors.js";

/**
 * The bytes that are signed: RFC 8785 canonical JSON of the advisory WITHOUT `signature`.
 * Key order, whitespace and which client forwarded it do not matter; any changed field does.
 */
export const advisorySigningInput = (advisory: UnsignedAdvisory): string => canonicalJson(advisory);

/** Signs a (validated) advisory with the Secretariat's Ed25519 secret key (base64, libsodium). */
export async function signAdvisory(secretKey: string, advisory: UnsignedAdvisory, keyId = "secretariat"): Promise<AdvisoryContent> {
  const parsed = UnsignedAdvisory.safeParse(advisory);
  if (!parsed.success) throw new InvalidContentError("advisory", parsed.error.issues);
  const publicKey = await publicKeyOf(secretKey);
  const signature: AdvisorySignature = { alg: "ed25519", keyId, publicKey, signature: await signCanonical(secretKey, parsed.data) };
  return { ...parsed.data, signature };
}

/**
 * True only if `content` is a valid advisory signed by one of the pinned Secretariat keys.
 * The key named inside the content is only a hint for key rotation: an attacker can put any
 * key there, so it must equal a pinned one. Never throws.
 */
export async function verifyAdvisory(pinnedPublicKeys: string | readonly string[], content: unknown): Promise<boolean> {
  try {
    const parsed = AdvisoryContent.safeParse(content);
    if (!parsed.success) return false;
    const { signature, ...unsigned } = parsed.data;
    const pinned = typeof pinnedPublicKeys === "string" ? [pinnedPublicKeys] : pinnedPublicKeys;
    if (!pinned.includes(signature.publicKey)) return false;
    return await verifyCanonical(signature.publicKey, unsigned, signature.signature);
  } catch {
    return false;
  }
}
