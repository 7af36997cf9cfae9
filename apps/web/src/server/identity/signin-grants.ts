import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The last step of every sign-in (password, password + second factor, emailed link): once the person has proved
 * who they are, a one-time grant (60 s, in Redis) is handed to Auth.js's `grant` provider, which redeems it and
 * opens the session row. Auth.js's own callback endpoint therefore cannot skip the second factor: without a
 * grant it signs nobody in.
 */
const GRANT_TTL_SECONDS = 60;
const key = (prefix: string, id: string) => `${prefix}signin-grant:${id}`;

export async function issueGrant(redis: Redis, prefix: string, userId: string): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await redis.set(key(prefix, id), userId, 'EX', GRANT_TTL_SECONDS);
  return id;
}

/** The user id of a live grant, deleting it (a grant works once); null when unknown or expired. */
export async function redeemGrant(redis: Redis, prefix: string, id: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(id)) return null;
  return redis.getdel(key(prefix, id));
}
