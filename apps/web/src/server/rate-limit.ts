import { createHash } from 'node:crypto';
import { redis } from './redis.ts';
import { redisPrefix } from './tenant-resolver.ts';

export const LOGIN_LIMIT = { attempts: 10, windowSeconds: 15 * 60 } as const;

function key(ip: string, email: string) {
  const digest = createHash('sha256').update(`${ip}|${email.trim().toLowerCase()}`).digest('hex').slice(0, 32);
  return `${redisPrefix}login-attempts:${digest}`;
}

/** Counts a sign-in attempt for this IP and email; false once the window's allowance is used up. */
export async function allowLoginAttempt(ip: string, email: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const k = key(ip, email);
  const [[, count], [, ttl]] = (await redis.multi().incr(k).ttl(k).exec()) as [[null, number], [null, number]];
  if (ttl < 0) await redis.expire(k, LOGIN_LIMIT.windowSeconds);
  return { allowed: count <= LOGIN_LIMIT.attempts, retryAfterSeconds: ttl > 0 ? ttl : LOGIN_LIMIT.windowSeconds };
}

export async function clearLoginAttempts(ip: string, email: string): Promise<void> {
  await redis.del(key(ip, email));
}
