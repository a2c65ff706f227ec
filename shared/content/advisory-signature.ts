import { canonicalJson, canonicalBytes } from "../crypto/canonical.js";
import { getSodium, toBase64 } from "../crypto/sodium.js";
import { publicKeyOf, signCanonical, verifyCanonical } from "../crypto/sign.js";
import { AdvisoryContent, UnsignedAdvisory, type AdvisorySignature } from "./advisory.js";
import { InvalidContentError } from "./errors.js";

/**
 * What the Secretariat signs is a statement about a digest, never the advisory itself: the
 * control plane countersigns without seeing plaintext (the server side holds none), and anyone
 * holding a copy can recompute the digest and check the signature with the pinned key.
 *   digest    = BLAKE2b-256(JCS(advisory without signature))
 *   statement = JCS({ type, programCode, number, digest })
 */
const ADVISORY_STATEMENT_TYPE = "org.oas.enlace.advisory.countersignature";
export const advisorySigningInput = (advisory: UnsignedAdvisory): string => canonicalJson(advisory);

export async function advisoryDigest(advisory: UnsignedAdvisory): Promise<string> {
  const s = await getSodium();
  return toBase64(s, s.crypto_generichash(32, canonicalBytes(advisory), null));
}

export const advisoryStatement = (programCode: string, number: number, digest: string) => ({ type: ADVISORY_STATEMENT_TYPE, programCode, number, digest });

/** Signs a (validated) advisory with the Secretariat's Ed25519 secret key, exactly as the control plane does. */
export async function signAdvisory(secretKey: string, advisory: UnsignedAdvisory, keyId = "secretariat"): Promise<AdvisoryContent> {
  const parsed = UnsignedAdvisory.safeParse(advisory);
  if (!parsed.success) throw new InvalidContentError("advisory", parsed.error.issues);
  const publicKey = await publicKeyOf(secretKey);
  const statement = advisoryStatement(parsed.data.programCode, parsed.data.number, await advisoryDigest(parsed.data));
  const signature: AdvisorySignature = { alg: "ed25519", keyId, publicKey, signature: await signCanonical(secretKey, statement) };
  return { ...parsed.data, signature };
}

/** Attaches a countersignature obtained from the control plane. */
export const withSignature = (advisory: UnsignedAdvisory, signature: AdvisorySignature): AdvisoryContent => ({ ...advisory, signature });

/**
 * True only if `content` is a valid advisory whose statement is signed by one of the pinned
 * Secretariat keys. The key named inside the content is only a hint for key rotation: an
 * attacker can put any key there, so it must equal a pinned one. Never throws.
 */
export async function verifyAdvisory(pinnedPublicKeys: string | readonly string[], content: unknown): Promise<boolean> {
  try {
    const parsed = AdvisoryContent.safeParse(content);
    if (!parsed.success) return false;
    const { signature, ...unsigned } = parsed.data;
    const pinned = typeof pinnedPublicKeys === "string" ? [pinnedPublicKeys] : pinnedPublicKeys;
    if (!pinned.includes(signature.publicKey)) return false;
    const statement = advisoryStatement(unsigned.programCode, unsigned.number, await advisoryDigest(unsigned as UnsignedAdvisory));
    return await verifyCanonical(signature.publicKey, statement, signature.signature);
  } catch {
    return false;
  }
}
