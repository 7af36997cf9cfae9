import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn } from '../auth.ts';
import { getDb } from '../db.ts';
import { getRedis } from '../redis.ts';
import { TENANT_COOKIE } from '../request.ts';
import { redisPrefix } from '../tenant-resolver.ts';
import { issueGrant } from './signin-grants.ts';
import { CHALLENGE_COOKIE, CHALLENGE_TTL_SECONDS, startChallenge } from './two-factor-challenge.ts';

/** A relative path only, so a sign-in link cannot send people to another site. */
export const safeNext = (value: string | null | undefined) => (value && value.startsWith('/') && !value.startsWith('//') ? value : '/admin');

/** Opens the session (a one-time grant redeemed by Auth.js), remembers the first store, and goes to `next`. */
export async function completeSignIn(userId: string, next: string): Promise<never> {
  const grant = await issueGrant(getRedis(), redisPrefix, userId);
  await signIn('grant', { grant, redirect: false });
  // Remember the first store for the admin and for client-side tRPC calls (the switcher changes it).
  const first = await getDb().forUser(userId).membership.findFirst({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { tenantId: true } });
  if (first) (await cookies()).set(TENANT_COOKIE, first.tenantId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
  redirect(safeNext(next));
}

/**
 * After the first factor: a person with 2FA on goes to the code page (a pending challenge, not a session);
 * everyone else is signed in.
 */
export async function continueSignIn(user: { id: string; email: string; totpEnabledAt: Date | null }, next: string): Promise<never> {
  if (!user.totpEnabledAt) return completeSignIn(user.id, next);
  const id = await startChallenge(getRedis(), redisPrefix, { userId: user.id, email: user.email, next: safeNext(next) });
  (await cookies()).set(CHALLENGE_COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/login', maxAge: CHALLENGE_TTL_SECONDS });
  redirect('/login/two-factor');
}
