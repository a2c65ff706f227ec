import { describe, it, expect, afterAll } from "vitest";
import { getSodium } from "#shared/crypto/sodium.js";
import { createPasswordHasher } from "./passwords.js";

describe("password hashing in worker threads", () => {
  const made: { close?(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const h of made) await h.close?.();
  });

  it("hashes in libsodium's crypto_pwhash_str format, so hashes made on the main thread still verify and vice versa", async () => {
    const h = await createPasswordHasher("min");
    made.push(h);
    const s = await getSodium();
    const onMain = s.crypto_pwhash_str("correct horse", s.crypto_pwhash_OPSLIMIT_MIN, 8 * 1024 * 1024);
    expect(await h.verify(onMain, "correct horse")).toBe(true);
    expect(await h.verify(onMain, "wrong horse")).toBe(false);
    const inWorker = await h.hash("battery staple");
    expect(inWorker).toMatch(/^\$argon2id\$/);
    expect(s.crypto_pwhash_str_verify(inWorker, "battery staple")).toBe(true);
    expect(await h.verify(null, "decoy password that matches nothing")).toBe(false); // the decoy never matches
    expect(await h.verify("not a hash", "x")).toBe(false);
  });

  it("refuses work past its bounded queue with a 503 server-busy problem", async () => {
    const h = await createPasswordHasher("min", { size: 1, maxQueue: 2 });
    made.push(h);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => h.hash("p")));
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(3); // one running, two queued
    expect(refused.map((e) => [e.type, e.status])).toEqual([
      ["server-busy", 503],
      ["server-busy", 503],
      ["server-busy", 503],
    ]);
  });
});
