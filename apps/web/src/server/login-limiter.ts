import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface LoginLimit {
  /** Attempts per IP and email in a window. */
  attempts: number;
  /**
   * Attempts per email from all addresses together: the ceiling that still holds when the address is
   * forged (an X-Forwarded-For the client wrote) or spread over many machines.
   */
  accountAttempts: number;
  windowSeconds: number;
}

export const LOGIN_LIMIT: LoginLimit = { attempts: 10, accountAttempts: 50, windowSeconds: 15 * 60 };

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/** Sign-in attempts in fixed Redis windows, per IP + email and per email (10 and 50 per 15 minutes by default). */
export function createLoginLimiter(redis: Redis, prefix: string, limit: LoginLimit = LOGIN_LIMIT) {
  const normal = (email: string) => email.trim().toLowerCase();
  const pairKey = (ip: string, email: string) => `${prefix}login-attempts:${digest(`${ip}|${normal(email)}`)}`;
  const accountKey = (email: string) => `${prefix}login-attempts:account:${digest(normal(email))}`;
  return {
    /** Counts an attempt; `allowed` is false once either allowance of the window is used up. */
    async attempt(ip: string, email: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
      const pair = pairKey(ip, email);
      const account = accountKey(email);
      const results = await redis
        .multi()
        .incr(pair).expire(pair, limit.windowSeconds, 'NX').ttl(pair)
        .incr(account).expire(account, limit.windowSeconds, 'NX').ttl(account)
        .exec();
      const value = (i: number) => Number(results?.[i]?.[1] ?? 0);
      const overPair = value(0) > limit.attempts;
      const overAccount = value(3) > limit.accountAttempts;
      const ttl = Math.max(overPair ? value(2) : 0, overAccount ? value(5) : 0);
      return { allowed: !overPair && !overAccount, retryAfterSeconds: ttl > 0 ? ttl : limit.windowSeconds };
    },
    /** After a successful sign-in: both counts start over. */
    async clear(ip: string, email: string): Promise<void> {
      await redis.del(pairKey(ip, email), accountKey(email));
    },
  };
}
