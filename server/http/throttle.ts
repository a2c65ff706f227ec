import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../errors.js";

export interface ThrottleSettings { failuresPerAccount: number; attemptsPerIp: number; windowSeconds: number }
export interface LoginThrottle {
  check(account: string, ip: string): Promise<void>;
  failed(account: string, ip: string): Promise<void>;
  succeeded(account: string, ip: string): Promise<void>;
}

const tooMany = (res: RateLimiterRes) => new AppError("too-many-attempts", 429, "Too many attempts",
  "Too many sign-in attempts. Wait a few minutes and try again.", { retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) });

/**
 * Throttles by the account named (whether or not it exists, so it reveals nothing) and by address.
 * Failures count per account; every attempt counts per address.
 */
export function createLoginThrottle(s: ThrottleSettings): LoginThrottle {
  const perAccount = new RateLimiterMemory({ points: s.failuresPerAccount, duration: s.windowSeconds, keyPrefix: "acct" });
  const perIp = new RateLimiterMemory({ points: s.attemptsPerIp, duration: s.windowSeconds, keyPrefix: "ip" });
  const key = (a: string) => a.toLowerCase();
  return {
    async check(account, ip) {
      try {
        await perIp.consume(ip);
      } catch (r) {
        if (r instanceof RateLimiterRes) throw tooMany(r);
        throw r;
      }
      const a = await perAccount.get(key(account));
      if (a && a.consumedPoints >= s.failuresPerAccount) throw tooMany(a);
    },
    async failed(account) { await perAccount.penalty(key(account), 1); },
    async succeeded(account) { await perAccount.delete(key(account)); },
  };
}
