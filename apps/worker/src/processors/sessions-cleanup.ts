import type { JobProcessor } from './types.ts';

/** Deletes expired sign-in sessions and verification tokens (magic links, password resets, email checks). */
export const cleanupSessions: JobProcessor<'maintenance', 'sessions.cleanup'> = async (_payload, { db, log }) => {
  const now = new Date();
  const [sessions, tokens] = await Promise.all([
    db.platform.session.deleteMany({ where: { expires: { lt: now } } }),
    db.platform.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
  ]);
  log.info({ sessions: sessions.count, tokens: tokens.count }, 'expired sessions and tokens deleted');
  return { sessions: sessions.count, tokens: tokens.count };
};
