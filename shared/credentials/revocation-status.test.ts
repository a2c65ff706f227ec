import { describe, it, expect, beforeAll } from "vitest";
import { generateSigningKeyPair, type SigningKeyPair } from "../crypto/sign.js";
import {
  signCredential,
  signRevocationList,
  verifyCredential,
  REVOCATIONS_TYPE,
  CREDENTIAL_TYPE,
  type RevocationList,
  type SignedRevocationList,
} from "./credential.js";
import { newerList, currentRevocations, memoryRevocationStore, barredByList, REVOCATION_MAX_AGE_MS, REVOCATION_REFRESH_MS } from "./revocation-status.js";

const PERSON = "00000000-0000-4000-8000-000000000001";
const T0 = Date.parse("2026-12-01T12:00:00.000Z");
const at = (ms: number) => new Date(T0 + ms).toISOString();
const H = 3600_000;

const list = (serial: number, issuedAtMs: number, revoked = false): RevocationList => ({
  v: 1,
  type: REVOCATIONS_TYPE,
  serial,
  issuedAt: at(issuedAtMs),
  entries: revoked ? [{ personId: PERSON, userId: "@ana:hs.test", status: "revoked", since: at(-H) }] : [],
});

describe("newerList: the high-water order (serial first, then issuedAt)", () => {
  it.each([
    { a: [5, 0], b: [4, 0], newer: true, why: "higher serial" },
    { a: [4, 0], b: [5, 0], newer: false, why: "lower serial" },
    { a: [4, 0], b: [5, 10 * H], newer: false, why: "lower serial, even if signed later" },
    { a: [5, -10 * H], b: [4, 0], newer: true, why: "higher serial, even if signed earlier" },
    { a: [5, H], b: [5, 0], newer: true, why: "same serial, re-signed later" },
    { a: [5, 0], b: [5, H], newer: false, why: "same serial, an older signature" },
    { a: [5, 0], b: [5, 0], newer: false, why: "the same list is not newer than itself" },
  ])("$why → $newer", ({ a, b, newer }) => {
    expect(newerList(list(a[0], a[1]), list(b[0], b[1]))).toBe(newer);
  });
});

describe("currentRevocations: high-water mark and maximum age", () => {
  let sec: SigningKeyPair, rogue: SigningKeyPair;
  const signed = (l: RevocationList, k = sec) => signRevocationList(k.secretKey, k.publicKey, l);
  beforeAll(async () => {
    [sec, rogue] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
  });

  it("the refresh period fits many times into the maximum age", () => {
    expect(REVOCATION_MAX_AGE_MS / REVOCATION_REFRESH_MS).toBeGreaterThanOrEqual(12);
  });

  type Row = {
    why: string;
    seen: Array<() => Promise<SignedRevocationList>>;
    inSpace: () => Promise<unknown>;
    nowMs: number;
    known: boolean;
    serial: number | null;
    revoked: boolean;
  };
  const rows: Row[] = [
    { why: "a fresh list in the Space", seen: [], inSpace: () => signed(list(3, 0)), nowMs: H, known: true, serial: 3, revoked: false },
    { why: "nothing in the Space, nothing seen", seen: [], inSpace: async () => null, nowMs: H, known: false, serial: null, revoked: false },
    { why: "emptied state (content {}), nothing seen", seen: [], inSpace: async () => ({}), nowMs: H, known: false, serial: null, revoked: false },
    {
      why: "emptied state after a revocation was seen: still revoked, status unknown only if stale",
      seen: [() => signed(list(4, 0, true))],
      inSpace: async () => ({}),
      nowMs: H,
      known: true,
      serial: 4,
      revoked: true,
    },
    {
      why: "an older list put back after a revocation",
      seen: [() => signed(list(4, 0, true))],
      inSpace: () => signed(list(3, 2 * H)),
      nowMs: 2 * H,
      known: true,
      serial: 4,
      revoked: true,
    },
    {
      why: "an older signature of the same serial put back",
      seen: [() => signed(list(4, 2 * H, true))],
      inSpace: () => signed(list(4, H, true)),
      nowMs: 3 * H,
      known: true,
      serial: 4,
      revoked: true,
    },
    {
      why: "a newer list replaces the one seen (reinstatement)",
      seen: [() => signed(list(4, 0, true))],
      inSpace: () => signed(list(5, H)),
      nowMs: 2 * H,
      known: true,
      serial: 5,
      revoked: false,
    },
    {
      why: "a list 24 h old is still fresh",
      seen: [],
      inSpace: () => signed(list(3, 0)),
      nowMs: REVOCATION_MAX_AGE_MS,
      known: true,
      serial: 3,
      revoked: false,
    },
    { why: "a list older than 24 h", seen: [], inSpace: () => signed(list(3, 0)), nowMs: REVOCATION_MAX_AGE_MS + 1, known: false, serial: 3, revoked: false },
    { why: "a stale list still revokes", seen: [], inSpace: () => signed(list(3, 0, true)), nowMs: 30 * H, known: false, serial: 3, revoked: true },
    {
      why: "a list signed by another key is ignored",
      seen: [],
      inSpace: () => signed(list(99, 0), rogue),
      nowMs: H,
      known: false,
      serial: null,
      revoked: false,
    },
    {
      why: "a tampered list is ignored, the one seen stands",
      seen: [() => signed(list(4, 0, true))],
      inSpace: async () => ({ ...(await signed(list(4, 0, true))), list: list(9, 0) }),
      nowMs: H,
      known: true,
      serial: 4,
      revoked: true,
    },
  ];

  it.each(rows)("$why", async (r) => {
    const store = memoryRevocationStore();
    for (const s of r.seen) await currentRevocations(await s(), { pinnedKeys: [sec.publicKey], store, now: new Date(T0) });
    const check = await currentRevocations(await r.inSpace(), { pinnedKeys: [sec.publicKey], store, now: new Date(T0 + r.nowMs) });
    expect(check.known).toBe(r.known);
    expect(check.list?.serial ?? null).toBe(r.serial);
    // And what a reader concludes about a credential issued before the revocation.
    const credential = await signCredential(sec.secretKey, sec.publicKey, {
      v: 1,
      type: CREDENTIAL_TYPE,
      serial: 1,
      userId: "@ana:hs.test",
      personId: PERSON,
      memberState: "CL",
      programs: ["tourism"],
      roles: [{ role: "focal_point", program: "tourism" }],
      issuedAt: at(-2 * H),
      expiresAt: at(30 * 24 * H),
      masterKey: null,
    });
    const verdict = await verifyCredential(credential, { pinnedKeys: [sec.publicKey], now: new Date(T0 + r.nowMs), revocation: check });
    expect(verdict.status).toBe(r.revoked ? "revoked" : r.known ? "valid" : "revocation-unknown");
  });

  it("keeps the highest list in the store and never lowers it", async () => {
    const store = memoryRevocationStore();
    const o = { pinnedKeys: [sec.publicKey], store, now: new Date(T0 + H) };
    await currentRevocations(await signed(list(4, 0, true)), o);
    await currentRevocations(await signed(list(2, H)), o);
    await currentRevocations(null, o);
    expect(store.get(sec.publicKey)?.list.serial).toBe(4);
    await currentRevocations(await signed(list(4, H)), o);
    expect(store.get(sec.publicKey)?.list.issuedAt).toBe(at(H));
  });

  it("ignores a store whose list was edited (re-verified on every read)", async () => {
    const store = memoryRevocationStore();
    const good = await signed(list(4, 0, true));
    store.put(sec.publicKey, { ...good, list: { ...good.list, entries: [] } });
    const check = await currentRevocations(null, { pinnedKeys: [sec.publicKey], store, now: new Date(T0) });
    expect(check).toMatchObject({ known: false, list: null });
  });
});

describe("currentRevocations under concurrency", () => {
  it("two checks at once never lower the stored list (the newer one is stored whichever finishes last)", async () => {
    const sec = await generateSigningKeyPair();
    const o = { pinnedKeys: [sec.publicKey], now: new Date(T0 + 3600_000) };
    const older = await signRevocationList(sec.secretKey, sec.publicKey, list(3, 0));
    const newer = await signRevocationList(sec.secretKey, sec.publicKey, list(4, 0, true));
    const seen = await signRevocationList(sec.secretKey, sec.publicKey, list(2, 0));
    for (let i = 0; i < 20; i++) {
      const store = memoryRevocationStore();
      store.put(sec.publicKey, seen);
      await Promise.all(
        i % 2
          ? [currentRevocations(newer, { ...o, store }), currentRevocations(older, { ...o, store })]
          : [currentRevocations(older, { ...o, store }), currentRevocations(newer, { ...o, store })],
      );
      expect(store.get(sec.publicKey)?.list.serial).toBe(4);
    }
  });
});

describe("barredByList: the history path's own check of the signed list, by Matrix user", () => {
  const withEntry = (status: "suspended" | "revoked"): RevocationList => ({
    ...list(7, 0),
    entries: [{ personId: PERSON, userId: "@ana:hs.test", status, since: at(-H) }],
  });
  it.each([
    { status: "revoked" as const, issued: null, barred: "revoked", why: "revoked, credential withdrawn" },
    { status: "revoked" as const, issued: at(-2 * H), barred: "revoked", why: "revoked, an old credential put back" },
    { status: "revoked" as const, issued: at(0), barred: "revoked", why: "revoked, even a credential issued later" },
    { status: "suspended" as const, issued: null, barred: "suspended", why: "suspended, credential withdrawn" },
    { status: "suspended" as const, issued: at(-2 * H), barred: "suspended", why: "suspended, a credential from before the suspension" },
    { status: "suspended" as const, issued: at(0), barred: null, why: "reinstated: a credential issued after the suspension, list not yet re-signed" },
    { status: "suspended" as const, issued: "not a date", barred: "suspended", why: "suspended, an unreadable issue date" },
  ])("$why → $barred", ({ status, issued, barred }) => {
    expect(barredByList(withEntry(status), "@ana:hs.test", issued)).toBe(barred);
  });
  it("bars nobody else, and nothing without a list", () => {
    expect(barredByList(withEntry("revoked"), "@bea:hs.test", null)).toBeNull();
    expect(barredByList(list(7, 0), "@ana:hs.test", null)).toBeNull();
    expect(barredByList(null, "@ana:hs.test", null)).toBeNull();
  });
});
