import { describe, it, expect } from "vitest";
import { generateSigningKeyPair } from "#shared/crypto/sign.js";
import { signRevocationList, REVOCATIONS_TYPE } from "#shared/credentials/credential.js";
import { currentRevocations } from "#shared/credentials/revocation-status.js";
import { webRevocationStore } from "./revocation-store.js";

const storage = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      m.set(k, v);
    },
    map: m,
  };
};

describe("the web app's revocation high-water mark", () => {
  it("survives a reload (a new store over the same storage), per person and key", async () => {
    const sec = await generateSigningKeyPair();
    const s = storage();
    const now = new Date("2026-12-01T12:00:00.000Z");
    const high = await signRevocationList(sec.secretKey, sec.publicKey, { v: 1, type: REVOCATIONS_TYPE, serial: 7, issuedAt: now.toISOString(), entries: [] });
    await currentRevocations(high, { pinnedKeys: [sec.publicKey], store: webRevocationStore(s, "p1"), now });
    const older = await signRevocationList(sec.secretKey, sec.publicKey, { v: 1, type: REVOCATIONS_TYPE, serial: 6, issuedAt: now.toISOString(), entries: [] });
    const after = await currentRevocations(older, { pinnedKeys: [sec.publicKey], store: webRevocationStore(s, "p1"), now });
    expect(after.list?.serial).toBe(7);
    expect(webRevocationStore(s, "p2").get(sec.publicKey)).toBeNull();
  });

  it("treats unreadable storage as nothing seen, and works without storage", async () => {
    const s = storage();
    s.map.set("enlace.revocations.p1.k", "{not json");
    expect(webRevocationStore(s, "p1").get("k")).toBeNull();
    const none = webRevocationStore(null, "p1");
    expect(none.get("k")).toBeNull();
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    const sec = await generateSigningKeyPair();
    const l = await signRevocationList(sec.secretKey, sec.publicKey, {
      v: 1,
      type: REVOCATIONS_TYPE,
      serial: 1,
      issuedAt: new Date().toISOString(),
      entries: [],
    });
    const st = webRevocationStore(full, "p1");
    st.put(sec.publicKey, l);
    expect(st.get(sec.publicKey)?.list.serial).toBe(1);
  });
});
