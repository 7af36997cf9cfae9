import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { Redis } from 'ioredis';

/**
 * Buyer sign-in attempts in fixed Redis windows, per store: per IP (any email), per IP + email, and per email from
 * all addresses together (the ceiling that still holds when addresses are forged or spread).
 */
export const BUYER_SIGN_IN_LIMIT = { perIp: 30, perIpAndEmail: 10, perAccount: 50, windowSeconds: 15 * 60 };
/** Password-reset emails per email address and store (so nobody can flood a buyer's inbox). */
export const BUYER_RESET_LIMIT = { perAccount: 5, windowSeconds: 60 * 60 };

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

interface LimiterScope {
  redis: Redis;
  prefix: string;
  tenantId: string;
}

const keysOf = ({ prefix, tenantId }: LimiterScope, ip: string, email: string) => ({
  ip: `${prefix}buyer-sign-in:${tenantId}:ip:${digest(ip)}`,
  pair: `${prefix}buyer-sign-in:${tenantId}:pair:${digest(`${ip}|${email}`)}`,
  account: `${prefix}buyer-sign-in:${tenantId}:account:${digest(email)}`,
});

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export function tooManyAttempts(retryAfterSeconds: number): TRPCError {
  const n = minutes(retryAfterSeconds);
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many sign-in attempts. Try again in ${n} minute${n === 1 ? '' : 's'}.`,
    cause: { retryAfterSeconds },
  });
}

/** Counts one sign-in attempt; throws TOO_MANY_REQUESTS (with the wait) once an allowance of the window is used up. */
export async function countSignInAttempt(scope: LimiterScope, ip: string, email: string): Promise<void> {
  const k = keysOf(scope, ip, email);
  const w = BUYER_SIGN_IN_LIMIT.windowSeconds;
  const results = await scope.redis
    .multi()
    .incr(k.ip).expire(k.ip, w, 'NX').ttl(k.ip)
    .incr(k.pair).expire(k.pair, w, 'NX').ttl(k.pair)
    .incr(k.account).expire(k.account, w, 'NX').ttl(k.account)
    .exec();
  const value = (i: number) => Number(results?.[i]?.[1] ?? 0);
  const over = [
    [value(0) > BUYER_SIGN_IN_LIMIT.perIp, value(2)],
    [value(3) > BUYER_SIGN_IN_LIMIT.perIpAndEmail, value(5)],
    [value(6) > BUYER_SIGN_IN_LIMIT.perAccount, value(8)],
  ] as const;
  const waits = over.filter(([exceeded]) => exceeded).map(([, ttl]) => (ttl > 0 ? ttl : w));
  if (waits.length) throw tooManyAttempts(Math.max(...waits));
}

/** After a successful sign-in the email's counts start over (the IP's count stays). */
export async function clearSignInAttempts(scope: LimiterScope, ip: string, email: string): Promise<void> {
  const k = keysOf(scope, ip, email);
  await scope.redis.del(k.pair, k.account);
}

/** Counts a reset email for this address; false once the hour's allowance is used (the answer stays the same). */
export async function allowResetEmail(scope: LimiterScope, email: string): Promise<boolean> {
  const key = `${scope.prefix}buyer-reset:${scope.tenantId}:${digest(email)}`;
  const results = await scope.redis.multi().incr(key).expire(key, BUYER_RESET_LIMIT.windowSeconds, 'NX').exec();
  return Number(results?.[0]?.[1] ?? 0) <= BUYER_RESET_LIMIT.perAccount;
}
