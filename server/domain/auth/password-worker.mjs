// Runs Argon2id (libsodium crypto_pwhash_str / _str_verify) off the main thread. Plain JavaScript so
// it starts the same way under tsx, vitest and node. Messages: { id, op, password, hash?, ops?, mem? }.
import { parentPort } from "node:worker_threads";
import sodiumModule from "libsodium-wrappers-sumo";

await sodiumModule.ready;
const s = sodiumModule;

parentPort.on("message", (m) => {
  try {
    const result = m.op === "hash" ? s.crypto_pwhash_str(m.password, m.ops, m.mem) : s.crypto_pwhash_str_verify(m.hash, m.password);
    parentPort.postMessage({ id: m.id, result });
  } catch (err) {
    // Never echo the password; the message of a libsodium error carries none.
    parentPort.postMessage({ id: m.id, error: err instanceof Error ? err.message : "argon2 failed" });
  }
});
parentPort.postMessage({ ready: true });
