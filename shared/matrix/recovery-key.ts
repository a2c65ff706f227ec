import { decodeRecoveryKey as decodeMatrixRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";

/**
 * How Enlace writes a recovery key (the 32-byte secret-storage key) for people: Crockford base32
 * of the key followed by a 3-byte CRC-24, 56 symbols in 14 groups of 4. The Matrix encoding the
 * SDK produces is base58, where "a" and "A" are different digits, so a key copied by hand or
 * lower-cased by a phone was refused; base32 has one digit per letter whatever its case, and
 * Crockford's alphabet leaves out I, L, O and U (read as 1, 1, 0 and refused) so a key read
 * aloud or from paper survives. Keys shown before this encoding (base58, "EsXX …") are still
 * accepted, exactly as typed apart from spaces: their case cannot be recovered.
 */

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const KEY_BYTES = 32;
const CHECK_BYTES = 3;
const SYMBOLS = ((KEY_BYTES + CHECK_BYTES) * 8) / 5; // 56

/** The text is not a recovery key at all (a typo, a missing group), as opposed to a key that does not open this account. */
export class MalformedRecoveryKey extends Error {
  constructor(reason: string) {
    super(`malformed recovery key: ${reason}`);
    this.name = "MalformedRecoveryKey";
  }
}

/** CRC-24 (the OpenPGP one, RFC 4880 §6.1): catches any one or two wrong symbols and swapped neighbours. */
function crc24(bytes: Uint8Array): number {
  let crc = 0xb704ce;
  for (const b of bytes) {
    crc ^= b << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

export function encodeRecoveryKey(key: Uint8Array): string {
  if (key.length !== KEY_BYTES) throw new Error(`a recovery key has ${KEY_BYTES} bytes`);
  const crc = crc24(key);
  const bytes = new Uint8Array([...key, (crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff]);
  let out = "";
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join(" ");
}

/** Crockford's reading of what people type: any case, O for 0, I and L for 1; separators dropped. */
function normalise(text: string): string {
  return text.replace(/[\s-]/g, "").toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");
}

function decodeBase32(symbols: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(KEY_BYTES + CHECK_BYTES);
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (const c of symbols) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new MalformedRecoveryKey(`"${c}" is not a recovery-key symbol`);
    acc = ((acc << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[n++] = (acc >> bits) & 0xff;
    }
  }
  const key = bytes.slice(0, KEY_BYTES);
  const crc = crc24(key);
  if (bytes[KEY_BYTES] !== crc >> 16 || bytes[KEY_BYTES + 1] !== ((crc >> 8) & 0xff) || bytes[KEY_BYTES + 2] !== (crc & 0xff)) {
    throw new MalformedRecoveryKey("checksum does not match");
  }
  return key;
}

/** The key's 32 bytes from either encoding, or MalformedRecoveryKey. */
export function decodeRecoveryKey(text: string): Uint8Array<ArrayBuffer> {
  const symbols = normalise(text);
  if (symbols.length === SYMBOLS && /^[0-9A-Z]+$/.test(symbols)) return decodeBase32(symbols);
  // The SDK's base58 form, as shown before: 48 symbols starting with "Es" (its prefix bytes).
  const compact = text.replace(/\s/g, "");
  if (/^Es[1-9A-HJ-NP-Za-km-z]+$/.test(compact)) {
    try {
      return decodeMatrixRecoveryKey(compact);
    } catch (e) {
      throw new MalformedRecoveryKey(e instanceof Error ? e.message : "not a base58 recovery key");
    }
  }
  throw new MalformedRecoveryKey(symbols.length === SYMBOLS ? "unexpected symbols" : `expected ${SYMBOLS} symbols, got ${symbols.length}`);
}
