import { randomBytes } from 'node:crypto';
import type { PlatformDb, PlatformRole } from '@vitrine/db';

/**
 * Revocable sign-ins. Auth.js keeps credentials sign-ins in a JWT; each one also gets a `sessions` row whose id
 * rides in the token. A token is honoured only while its row exists, belongs to the token's user and has not
 * expired, so deleting the row (sign-out, "sign out everywhere", an admin action) ends the session at once.
 */
export const SESSION_DAYS = 30;
export const SESSION_MAX_AGE_SECONDS = SESSION_DAYS * 24 * 3600;

export interface SessionClient {
  userAgent?: string | null;
  ip?: string | null;
}

export interface LiveSessionUser {
  id: string;
  email: string;
  name: string | null;
  platformRole: PlatformRole;
  emailVerified: Date | null;
  sessionId: string;
}

/** A session's last_seen_at is written at most this often (not on every request). */
const LAST_SEEN_RESOLUTION_MS = 60_000;

const clip = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : null);

/** Writes the row for a new sign-in and returns its id (the only session reference the JWT carries). */
export async function openSession(db: PlatformDb, userId: string, client: SessionClient, now = new Date()): Promise<string> {
  const row = await db.session.create({
    data: {
      userId,
      sessionToken: randomBytes(32).toString('hex'),
      expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: clip(client.userAgent, 500),
      ip: clip(client.ip, 64),
    },
    select: { id: true },
  });
  return row.id;
}

/** The user behind a token's session reference, or null when the row is gone, expired or someone else's. */
export async function liveSessionUser(
  db: PlatformDb,
  ref: { sessionId: string; userId: string },
  now = new Date(),
): Promise<LiveSessionUser | null> {
  if (!ref.sessionId || !ref.userId) return null;
  const row = await db.session.findUnique({
    where: { id: ref.sessionId },
    select: {
      userId: true,
      expires: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, platformRole: true, emailVerified: true } },
    },
  });
  if (!row || row.userId !== ref.userId || row.expires.getTime() <= now.getTime()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.session.updateMany({ where: { id: ref.sessionId }, data: { lastSeenAt: now } });
  }
  return { ...row.user, sessionId: ref.sessionId };
}

/** Deletes the row, which revokes every copy of the token. */
export async function closeSession(db: PlatformDb, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Closes every session of the user, or every one but `keepSessionId`; returns how many were closed. */
export async function closeUserSessions(db: PlatformDb, userId: string, keepSessionId?: string): Promise<number> {
  const closed = await db.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  return closed.count;
}

/** Closes one of the user's sessions (another person's id closes nothing); true when it was open. */
export async function closeOwnSession(db: PlatformDb, userId: string, sessionId: string): Promise<boolean> {
  return (await db.session.deleteMany({ where: { id: sessionId, userId } })).count === 1;
}

/** The user's live sessions, most recently seen first. */
export async function listSessions(db: PlatformDb, userId: string, now = new Date()) {
  return db.session.findMany({
    where: { userId, expires: { gt: now } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
  });
}
