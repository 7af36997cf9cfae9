import { createLoginLimiter, type LoginLimit } from './login-limiter.ts';
import { getRedis } from './redis.ts';
import { redisPrefix } from './tenant-resolver.ts';

/** The second step of a sign-in (a TOTP or recovery code): fewer tries than passwords, per IP + account and per account. */
export const TWO_FACTOR_LIMIT: LoginLimit = { attempts: 5, accountAttempts: 20, windowSeconds: 15 * 60 };
/** Emailed links (sign-in, password reset, verification): a few per address, so nobody floods an inbox. */
export const EMAIL_LINK_LIMIT: LoginLimit = { attempts: 5, accountAttempts: 10, windowSeconds: 15 * 60 };

const limiters = new Map<string, ReturnType<typeof createLoginLimiter>>();
const get = (kind: string, limit?: LoginLimit) => {
  let limiter = limiters.get(kind);
  if (!limiter) limiters.set(kind, (limiter = createLoginLimiter(getRedis(), `${redisPrefix}${kind}`, limit)));
  return limiter;
};

export const allowLoginAttempt = (ip: string, email: string) => get('').attempt(ip, email);
export const clearLoginAttempts = (ip: string, email: string) => get('').clear(ip, email);
export const allowTwoFactorAttempt = (ip: string, email: string) => get('2fa-', TWO_FACTOR_LIMIT).attempt(ip, email);
export const clearTwoFactorAttempts = (ip: string, email: string) => get('2fa-', TWO_FACTOR_LIMIT).clear(ip, email);
export const allowEmailLink = (ip: string, email: string) => get('email-link-', EMAIL_LINK_LIMIT).attempt(ip, email);

/** "Please wait 3 minutes" from a limiter's answer. */
export function waitSentence(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}
