import { createHash, randomBytes } from 'node:crypto';
import type { PlatformDb } from '@vitrine/db';

/**
 * One-time links by email (verification, password reset, magic sign-in) in `verification_tokens`: the row's
 * identifier is `<purpose>:<subject>` and only the SHA-256 of the token is stored, so a database read does not
 * give working links. Consuming deletes the row, so a link works once; an expired row is refused.
 */
export type TokenPurpose = 'verify-email' | 'password-reset' | 'magic-link';

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  'verify-email': 24 * 3600_000,
  'password-reset': 30 * 60_000,
  'magic-link': 15 * 60_000,
};

type TokenWriter = Pick<PlatformDb, 'verificationToken'>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Writes a new token for `subject` (a user id) with the purpose's lifetime; returns the token for the link. */
export async function issueToken(tx: TokenWriter, purpose: TokenPurpose, subject: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.verificationToken.create({
    data: { identifier: `${purpose}:${subject}`, token: hashToken(token), expires: new Date(now.getTime() + TOKEN_TTL_MS[purpose]) },
  });
  return token;
}

/** The subject of a live token of this purpose, deleting it (once: a second call gets null); null when unknown or expired. */
export async function consumeToken(db: TokenWriter, purpose: TokenPurpose, token: string, now = new Date()): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const hashed = hashToken(token);
  const row = await db.verificationToken.findUnique({ where: { token: hashed } });
  if (!row || !row.identifier.startsWith(`${purpose}:`)) return null;
  // Whoever deletes the row owns the token: two clicks at once sign in (or reset) once.
  const deleted = await db.verificationToken.deleteMany({ where: { token: hashed } });
  if (deleted.count !== 1 || row.expires.getTime() <= now.getTime()) return null;
  return row.identifier.slice(purpose.length + 1);
}

/** Whether a token is live, without using it (the page that asks for a new password checks before showing the form). */
export async function peekToken(db: TokenWriter, purpose: TokenPurpose, token: string, now = new Date()): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const row = await db.verificationToken.findUnique({ where: { token: hashToken(token) } });
  return !!row && row.identifier.startsWith(`${purpose}:`) && row.expires.getTime() > now.getTime();
}

/** Earlier unused tokens of this purpose for the subject (a new link replaces the old ones). */
export async function revokeTokens(tx: TokenWriter, purpose: TokenPurpose, subject: string): Promise<void> {
  await tx.verificationToken.deleteMany({ where: { identifier: `${purpose}:${subject}` } });
}
