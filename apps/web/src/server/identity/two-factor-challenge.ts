import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * Between the password (or an emailed link) and the second factor: not a session. A random id (in an
 * httpOnly cookie) names a Redis entry holding the user and where to go next, for 10 minutes; it ends when the
 * second factor is given, and cannot open any page on its own.
 */
export const CHALLENGE_COOKIE = 'vitrine_2fa';
export const CHALLENGE_TTL_SECONDS = 10 * 60;
const key = (prefix: string, id: string) => `${prefix}2fa-challenge:${id}`;
const challengeSchema = z.object({ userId: z.string().min(1), email: z.string(), next: z.string() });
export type Challenge = z.infer<typeof challengeSchema>;

export async function startChallenge(redis: Redis, prefix: string, challenge: Challenge): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await redis.set(key(prefix, id), JSON.stringify(challenge), 'EX', CHALLENGE_TTL_SECONDS);
  return id;
}

export async function readChallenge(redis: Redis, prefix: string, id: string | undefined): Promise<Challenge | null> {
  if (!id || !/^[A-Za-z0-9_-]{20,100}$/.test(id)) return null;
  const raw = await redis.get(key(prefix, id));
  if (!raw) return null;
  const parsed = challengeSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/** Ends the challenge; true for the one caller that ended it (a second submission of the same code gets false). */
export async function endChallenge(redis: Redis, prefix: string, id: string): Promise<boolean> {
  return (await redis.del(key(prefix, id))) === 1;
}
