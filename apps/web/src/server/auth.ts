import NextAuth, { type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import type { SessionUser } from '@vitrine/api';
import { getDb } from './db.ts';
import { verifyPasswordOrDummy } from './passwords.ts';
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

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

/**
 * Email + password sign-in. Every sign-in writes a `sessions` row whose id travels in the JWT; `currentUser()`
 * honours the token only while that row exists and is unexpired, so deleting the row signs the person out.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  logger: {
    // A wrong password is an expected answer shown beside the form, not a server error worth a stack trace.
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        const user = await getDb().platform.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
        if (!(await verifyPasswordOrDummy(user?.passwordHash, parsed.data.password)) || !user) return null;
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

export type CurrentUser = SessionUser & { sessionId: string; name: string | null };

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
