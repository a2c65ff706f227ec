import { generateSigningKeyPair, type SigningKeyPair } from "../crypto/sign.js";
import { signAdvisory } from "./advisory-signature.js";
import { EXAMPLES, EXAMPLE_UNSIGNED_ADVISORY } from "./examples.js";
import type { ContentByKind } from "./schemas.js";

/** Test-only: every example, the advisory signed with a fresh key. */
export async function allExamples(): Promise<{ keys: SigningKeyPair; examples: ContentByKind }> {
  const keys = await generateSigningKeyPair();
  const advisory = await signAdvisory(keys.secretKey, EXAMPLE_UNSIGNED_ADVISORY, "secretariat-test");
  return { keys, examples: { ...EXAMPLES, advisory } };
}
