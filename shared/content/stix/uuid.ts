/**
 * RFC 9562 name-based UUIDv5 (SHA-1), via WebCrypto so it works in browsers and Node alike.
 * Used for deterministic STIX ids: exporting the same Matrix event twice gives the same id,
 * so a consumer (MISP, OpenCTI…) updates its object instead of duplicating it.
 */

/** Enlace's own UUIDv5 namespace for STIX ids (a fixed random UUID; never change it). */
const ENLACE_STIX_NAMESPACE = "3f0e5c3a-9b7d-4d8e-a1c6-7e2f5b9d4c10";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

function parseUuid(uuid: string): Uint8Array {
  const h = uuid.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/i.test(h)) throw new TypeError(`not a UUID: ${uuid}`);
  return Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));
}

export async function uuidv5(name: string, namespace = ENLACE_STIX_NAMESPACE): Promise<string> {
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(parseUuid(namespace));
  input.set(nameBytes, 16);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-1", input));
  const b = digest.slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50; // version 5
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
