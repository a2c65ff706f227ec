import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../errors.js";

/**
 * Sign-in throttling (OWASP's "per account and address" scheme, so guessing is slowed without
 * handing an outsider a way to lock a person out):
 *
 * - per (account, address) pair, strict: `failuresPerPair` failures in `windowSeconds` and that pair
 *   waits until the window has passed. An attacker's guesses lock only the attacker's own address.
 * - per account, loose: once the account has had `failuresPerAccount` failures in the window from
 *   any addresses (a distributed attack), every address that has never signed in to this account
 *   gets an exponential delay from its first failure (1 s, 2 s, 4 s … capped at `maxDelaySeconds`)
 *   on top of the strict pair limit. Addresses with an earlier successful sign-in to the account
 *   (remembered `knownAddressDays`) are never slowed by other addresses' failures; a new address's
 *   first attempt is never delayed either, so the person can always sign in within a bounded delay.
 * - per address, all accounts: every attempt counts (`attemptsPerIp` in the window).
 *
 * Accounts are keyed by the email as typed (lower-cased), whether or not it exists, so the answers
 * reveal nothing about which accounts exist. Enrollment links are keyed by their token's hash.
 */
export interface ThrottleSettings {
  failuresPerAccount: number;
  attemptsPerIp: number;
  windowSeconds: number;
  failuresPerPair?: number; // default: failuresPerAccount
  maxDelaySeconds?: number; // default 60
  knownAddressDays?: number; // default 30
  failuresPerLink?: number; // enrollment; default 5
}

export interface LoginThrottle {
  check(account: string, ip: string): Promise<void>;
  failed(account: string, ip: string): Promise<void>;
  succeeded(account: string, ip: string): Promise<void>;
  /** Enrollment: keyed by the link (its token hash, hex) and the address. */
  checkLink(link: string, ip: string): Promise<void>;
  linkFailed(link: string): Promise<void>;
}

const tooMany = (ms: number) =>
  new AppError("too-many-attempts", "Too many sign-in attempts. Wait a few minutes and try again.", {
    retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
  });

interface Failures {
  count: number;
  last: number;
}
const MAX_KEYS = 100_000; // bounds memory under a flood of made-up accounts; oldest entries go first

/** A map of failure counters that forget a key `windowMs` after its last failure. */
function failureMap(windowMs: number, now: () => number) {
  const m = new Map<string, Failures>();
  const get = (k: string) => {
    const f = m.get(k);
    if (f && now() - f.last >= windowMs) {
      m.delete(k);
      return undefined;
    }
    return f;
  };
  return {
    get,
    add(k: string) {
      const f = get(k) ?? { count: 0, last: 0 };
      m.delete(k); // re-insert: Map order is then least recently failed first
      m.set(k, { count: f.count + 1, last: now() });
      if (m.size > MAX_KEYS) m.delete(m.keys().next().value!);
    },
    delete: (k: string) => m.delete(k),
  };
}

export function createLoginThrottle(s: ThrottleSettings, now: () => number = Date.now): LoginThrottle {
  const windowMs = s.windowSeconds * 1000;
  const perPairLimit = s.failuresPerPair ?? s.failuresPerAccount;
  const maxDelayMs = (s.maxDelaySeconds ?? 60) * 1000;
  const knownMs = (s.knownAddressDays ?? 30) * 86400_000;
  const perIp = new RateLimiterMemory({ points: s.attemptsPerIp, duration: s.windowSeconds, keyPrefix: "ip" });
  const pairs = failureMap(windowMs, now);
  const accounts = failureMap(windowMs, now);
  const links = failureMap(windowMs, now);
  const known = new Map<string, Map<string, number>>(); // account → address → last success
  const acct = (a: string) => a.toLowerCase();
  const pair = (a: string, ip: string) => `${acct(a)}\u0000${ip}`;

  const isKnown = (account: string, ip: string) => {
    const at = known.get(acct(account))?.get(ip);
    return at !== undefined && now() - at < knownMs;
  };
  async function countAttempt(ip: string) {
    try {
      await perIp.consume(ip);
    } catch (r) {
      if (r instanceof RateLimiterRes) throw tooMany(r.msBeforeNext);
      throw r;
    }
  }

  return {
    async check(account, ip) {
      await countAttempt(ip);
      const p = pairs.get(pair(account, ip));
      if (!p) return;
      if (p.count >= perPairLimit) throw tooMany(p.last + windowMs - now());
      const a = accounts.get(acct(account));
      if (a && a.count >= s.failuresPerAccount && !isKnown(account, ip)) {
        const delay = Math.min(maxDelayMs, 1000 * 2 ** (p.count - 1));
        if (now() < p.last + delay) throw tooMany(p.last + delay - now());
      }
    },
    async failed(account, ip) {
      pairs.add(pair(account, ip));
      accounts.add(acct(account));
    },
    async succeeded(account, ip) {
      pairs.delete(pair(account, ip));
      const k = acct(account);
      const mine = known.get(k) ?? new Map<string, number>();
      mine.delete(ip);
      mine.set(ip, now());
      if (mine.size > 20) mine.delete(mine.keys().next().value!); // a person uses a handful of places
      known.delete(k);
      known.set(k, mine);
      if (known.size > MAX_KEYS) known.delete(known.keys().next().value!);
    },
    async checkLink(link, ip) {
      await countAttempt(ip);
      const l = links.get(link);
      if (l && l.count >= (s.failuresPerLink ?? 5)) throw tooMany(l.last + windowMs - now());
    },
    async linkFailed(link) {
      links.add(link);
    },
  };
}
