import sodiumModule from "libsodium-wrappers-sumo";

export type Sodium = typeof sodiumModule;

let ready: Promise<Sodium> | undefined;
/** libsodium, initialised once (its WASM loads asynchronously, in the browser and in Node). */
export function getSodium(): Promise<Sodium> {
  ready ??= sodiumModule.ready.then(() => sodiumModule);
  return ready;
}

export const toBase64 = (s: Sodium, b: Uint8Array) => s.to_base64(b, s.base64_variants.ORIGINAL_NO_PADDING);
export const fromBase64 = (s: Sodium, t: string) => s.from_base64(t, s.base64_variants.ORIGINAL_NO_PADDING);
