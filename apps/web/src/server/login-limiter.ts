import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export const LOGIN_LIMIT = { attempts: 10, windowSeconds: 15 * 60 } as const;

/** Sign-in attempts per IP + email in a fixed Redis window (10 per 15 minutes by default). */
export function createLoginLimiter(redis: Redis, prefix: string, limit: { attempts: number; windowSeconds: number } = LOGIN_LIMIT) {
  const key = (ip: string, email: string) =>
    `${prefix}login-attempts:${createHash('sha256').update(`${ip}|${email.trim().toLowerCase()}`).digest('hex').slice(0, 32)}`;
  return {
    /** Counts an attempt; `allowed` is false once the window's allowance is used up. */
    async attempt(ip: string, email: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
      const k = key(ip, email);
      const results = await redis.multi().incr(k).expire(k, limit.windowSeconds, 'NX').ttl(k).exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      const ttl = Number(results?.[2]?.[1] ?? limit.windowSeconds);
      return { allowed: count <= limit.attempts, retryAfterSeconds: ttl > 0 ? ttl : limit.windowSeconds };
    },
    async clear(ip: string, email: string): Promise<void> {
      await redis.del(key(ip, email));
    },
  };
}
