import NextAuth, { type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import type { SessionUser } from '@vitrine/api';
import { getDb } from './db.ts';
import { redeemGrant } from './identity/signin-grants.ts';
import { getRedis } from './redis.ts';
import { redisPrefix } from './tenant-resolver.ts';
import { clientIp } from './request.ts';
import { closeSession, liveSessionUser, openSession, SESSION_MAX_AGE_SECONDS } from './sessions.ts';

declare module 'next-auth' {
  interface Session {
    user: { id: string; sessionId: string } & DefaultSession['user'];
  }
  interface User {
    sessionId?: string;
  }
}

const grantSchema = z.object({ grant: z.string().min(1).max(200) });

/**
 * Sign-in ends here for every method (password, password + second factor, emailed link): the server action
 * that checked the person hands over a one-time grant (signin-grants.ts), and this provider redeems it and writes
 * a `sessions` row whose id travels in the JWT. `currentUser()` honours the token only while that row exists and
 * is unexpired, so deleting the row signs the person out. Auth.js's own callback endpoint signs nobody in without
 * a grant, so it cannot skip a step.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  logger: {
    // A refused grant is an expected answer shown beside the form, not a server error worth a stack trace.
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      id: 'grant',
      credentials: { grant: {} },
      async authorize(raw, request) {
        const parsed = grantSchema.safeParse(raw);
        if (!parsed.success) return null;
        const userId = await redeemGrant(getRedis(), redisPrefix, parsed.data.grant);
        if (!userId) return null;
        const user = await getDb().platform.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
        if (!user) return null;
        const sessionId = await openSession(getDb().platform, user.id, {
          userAgent: request.headers.get('user-agent'),
          ip: clientIp(request.headers),
        });
        return { id: user.id, email: user.email, name: user.name, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.user.sessionId = typeof token.sid === 'string' ? token.sid : '';
      return session;
    },
  },
});

export type CurrentUser = SessionUser & { sessionId: string; name: string | null; emailVerified: Date | null };

/** The signed-in person, or null when signed out or when their session row was revoked or expired. */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  if (!session?.user) return null;
  return liveSessionUser(getDb().platform, { sessionId: session.user.sessionId, userId: session.user.id });
}

/** Deletes the session row (revoking the JWT everywhere) before clearing the cookie. */
export async function endSession(): Promise<void> {
  const session = await auth();
  if (session?.user?.sessionId) await closeSession(getDb().platform, session.user.sessionId);
}
