import canonicalize from "canonicalize";

/** RFC 8785 (JCS) canonical JSON: the exact bytes that signatures and hashes cover. */
export function canonicalJson(value: unknown): string {
  const out = canonicalize(value);
  if (out === undefined) throw new TypeError("value cannot be canonicalised");
  return out;
}

export const canonicalBytes = (value: unknown): Uint8Array => new TextEncoder().encode(canonicalJson(value));
