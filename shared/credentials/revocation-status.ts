import { verifyRevocationList, type RevocationCheck, type RevocationList, type SignedRevocationList } from "./credential.js";

/**
 * How fresh a revocation list must be. The control plane re-signs the list at least every
 * REVOCATION_REFRESH_MS (server/jobs/revocation-refresh.ts), so a list older than
 * REVOCATION_MAX_AGE_MS means someone is holding newer lists back: the status is "unknown".
 * The gap between the two (24 refreshes) absorbs a control plane that is down for most of a day.
 */
export const REVOCATION_REFRESH_MS = 60 * 60_000;
export const REVOCATION_MAX_AGE_MS = 24 * 60 * 60_000;

/**
 * Where a client keeps the highest revocation list it has seen, per Secretariat signing key.
 * Node sessions keep it in memory; the web app persists it per user (client/src/matrix). What is
 * stored is the signed list itself, so a reader re-verifies it and a tampered store is ignored.
 */
export interface RevocationStore {
  get(publicKey: string): SignedRevocationList | null;
  put(publicKey: string, list: SignedRevocationList): void;
}

export function memoryRevocationStore(): RevocationStore {
  const lists = new Map<string, SignedRevocationList>();
  return {
    get: (k) => lists.get(k) ?? null,
    put: (k, l) => {
      lists.set(k, l);
    },
  };
}

/**
 * The high-water order: a higher serial wins; at the same serial, the later issuedAt (the hourly
 * re-signature, or a reinstatement, which removes an entry without a new serial). So an operator
 * can neither replay an older list nor an older signature of the current one.
 */
export function newerList(a: RevocationList, b: RevocationList): boolean {
  if (a.serial !== b.serial) return a.serial > b.serial;
  return Date.parse(a.issuedAt) > Date.parse(b.issuedAt);
}

// trustOf runs for every event of a timeline, and each time checks the same one or two signed lists:
// remember the verdict for a list as given (its JSON and the keys asked), so each is verified once.
const verdicts = new Map<string, Promise<Awaited<ReturnType<typeof verifyRevocationList>> | null>>();
function verifiedOnce(raw: unknown, keys: string[]) {
  const k = `${keys.join(",")}\u0000${JSON.stringify(raw)}`;
  let v = verdicts.get(k);
  if (!v) {
    if (verdicts.size >= 64) verdicts.clear(); // a handful of lists are live at a time
    v = verifyRevocationList(raw, keys).catch(() => null);
    verdicts.set(k, v);
  }
  return v;
}

/**
 * The revocation list a reader should use: the one in the Space if it verifies and is not older
 * than the highest seen before (which it then becomes), else that highest one. Missing or older
 * than REVOCATION_MAX_AGE_MS: not known. Never throws.
 */
export async function currentRevocations(
  inSpace: unknown,
  o: { pinnedKeys: string[]; store: RevocationStore; now?: Date; maxAgeMs?: number },
): Promise<RevocationCheck> {
  const now = o.now ?? new Date();
  const candidates: Array<{ key: string; signed: SignedRevocationList }> = [];
  const space = inSpace && typeof inSpace === "object" && Object.keys(inSpace).length > 0 ? await verifiedOnce(inSpace, o.pinnedKeys) : null;
  for (const key of o.pinnedKeys) {
    const stored = o.store.get(key);
    if (stored && (await verifiedOnce(stored, [key]))?.ok) candidates.push({ key, signed: stored });
  }
  if (space?.ok) {
    const signed = inSpace as SignedRevocationList;
    const key = signed.signature.publicKey;
    const hw = candidates.find((c) => c.key === key);
    if (!hw || newerList(space.list, hw.signed.list)) {
      // Checked again just before writing: another check may have stored a newer list while we verified.
      const latest = o.store.get(key);
      if (!latest || newerList(space.list, latest.list)) o.store.put(key, signed);
      if (hw) hw.signed = signed;
      else candidates.push({ key, signed });
    }
  }
  let best: RevocationList | null = null;
  for (const c of candidates) if (!best || newerList(c.signed.list, best)) best = c.signed.list;
  if (!best) return { known: false, reason: "no signed revocation list in the Space", list: null };
  const age = now.getTime() - Date.parse(best.issuedAt);
  if (!(age <= (o.maxAgeMs ?? REVOCATION_MAX_AGE_MS)))
    return { known: false, reason: `the newest revocation list is ${Math.floor(age / 3600_000)} h old`, list: best };
  return { known: true, list: best };
}

/**
 * Whether a signed revocation list bars this Matrix user now, credential or not: "revoked" always;
 * "suspended" unless the credential in hand was issued after the suspension (a reinstatement issues a
 * new one, and the list may lag it by a moment). The same rule verifyCredential applies by personId,
 * here by the list's userId, so a person is refused even once their credential has been withdrawn.
 */
export function barredByList(list: RevocationList | null, userId: string, credentialIssuedAt: string | null): "suspended" | "revoked" | null {
  const hit = list?.entries.find((e) => e.userId === userId);
  if (!hit) return null;
  if (hit.status === "revoked") return "revoked";
  const issued = credentialIssuedAt ? Date.parse(credentialIssuedAt) : Number.NaN;
  return Number.isFinite(issued) && issued > Date.parse(hit.since) ? null : "suspended";
}
