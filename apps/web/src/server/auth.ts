import { randomBytes } from 'node:crypto';
import NextAuth, { type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import type { SessionUser } from '@vitrine/api';
import { getDb } from './db.ts';
import { verifyPassword } from './passwords.ts';

const SESSION_DAYS = 30;

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
  session: { strategy: 'jwt', maxAge: SESSION_DAYS * 24 * 3600 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        const user = await getDb().platform.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
        if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
        const session = await getDb().platform.session.create({
          data: {
            userId: user.id,
            sessionToken: randomBytes(32).toString('hex'),
            expires: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
          },
          select: { id: true },
        });
        return { id: user.id, email: user.email, name: user.name, sessionId: session.id };
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
  const sessionId = session?.user?.sessionId;
  if (!session?.user?.id || !sessionId) return null;
  const row = await getDb().platform.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, expires: true, user: { select: { id: true, email: true, name: true, platformRole: true } } },
  });
  if (!row || row.userId !== session.user.id || row.expires.getTime() <= Date.now()) return null;
  return { id: row.user.id, email: row.user.email, name: row.user.name, platformRole: row.user.platformRole, sessionId };
}

/** Deletes the session row (revoking the JWT everywhere) before clearing the cookie. */
export async function endSession(): Promise<void> {
  const session = await auth();
  const sessionId = session?.user?.sessionId;
  if (sessionId) await getDb().platform.session.deleteMany({ where: { id: sessionId } });
}
