import { createHash, randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { PlatformDb } from '@vitrine/db';
import type { SessionUser } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { TokenIdInput } from './inputs.ts';

/**
 * Desktop tokens: `vtd_` + 32 random bytes (base64url). Only the SHA-256 (hex) is stored, so a copy of the
 * database signs nobody in; a revoked token is refused on its next request.
 */
export const DESKTOP_TOKEN_PREFIX = 'vtd_';
const TOKEN_SHAPE = /^vtd_[A-Za-z0-9_-]{43}$/;
/** last_used_at is written at most this often per token (a busy sync would otherwise write on every call). */
export const LAST_USED_RESOLUTION_MS = 60_000;

export const BAD_TOKEN = 'This desktop sign-in is not valid. Sign in again from the desktop app.';
export const REVOKED_TOKEN = 'This desktop sign-in was revoked. Sign in again from the desktop app.';
const TOKEN_NOT_FOUND = 'We could not find this desktop sign-in among yours.';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function newDesktopToken(): string {
  return `${DESKTOP_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Stores a new token for `userId` and returns it in plain text (the only time it exists outside the app). */
export async function createDesktopToken(db: PlatformDb, userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = newDesktopToken();
  const row = await db.desktopToken.create({ data: { userId, name, tokenHash: hashToken(token) }, select: { id: true } });
  return { id: row.id, token };
}

const unauthorized = (message: string) => new TRPCError({ code: 'UNAUTHORIZED', message });

/**
 * The bearer token in an Authorization header, or null when the header carries none (then the request is
 * authenticated, or not, by its cookies). The scheme is case-insensitive (RFC 7235).
 */
export function bearerTokenOf(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(authorization.trim());
  return match ? (match[1] ?? '').trim() : null;
}

/**
 * The user a desktop token signs in, used by the web app's tRPC route and by the tests' harness alike.
 * Unknown, malformed and revoked tokens get UNAUTHORIZED with a sentence; last_used_at moves at most once a minute.
 */
export async function userFromDesktopToken(db: PlatformDb, token: string, now = new Date()): Promise<SessionUser> {
  if (!TOKEN_SHAPE.test(token)) throw unauthorized(BAD_TOKEN);
  const row = await db.desktopToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, platformRole: true } } },
  });
  if (!row) throw unauthorized(BAD_TOKEN);
  if (row.revokedAt) throw unauthorized(REVOKED_TOKEN);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // Conditional, so concurrent requests write once.
    await db.desktopToken.updateMany({
      where: { id: row.id, revokedAt: null, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { ...row.user, desktopTokenId: row.id };
}

/**
 * The signed-in user of a request given its Authorization header: undefined when it carries no bearer token
 * (fall back to the session cookie), the token's user when valid, UNAUTHORIZED otherwise.
 */
export async function userFromAuthorization(db: PlatformDb, authorization: string | null | undefined, now = new Date()): Promise<SessionUser | undefined> {
  const token = bearerTokenOf(authorization);
  if (token === null) return undefined;
  return userFromDesktopToken(db, token, now);
}

export async function listDesktopTokens(ctx: AuthedContext) {
  return ctx.db.platform.desktopToken.findMany({
    where: { userId: ctx.user.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** The desktop app signs itself out: the token of this very request is revoked. */
export async function revokeCallingToken(ctx: AuthedContext) {
  const tokenId = ctx.user.desktopTokenId;
  if (!tokenId) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Only the desktop app signs out this way; in the browser use Sign out.' });
  await ctx.db.platform.desktopToken.updateMany({ where: { id: tokenId, userId: ctx.user.id, revokedAt: null }, data: { revokedAt: new Date() } });
  return { revoked: true as const };
}

/** Revokes one of the caller's own tokens (idempotent); another person's token is NOT_FOUND. */
export async function revokeDesktopToken(ctx: AuthedContext, input: TokenIdInput) {
  const db = ctx.db.platform;
  await db.desktopToken.updateMany({ where: { id: input.tokenId, userId: ctx.user.id, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await db.desktopToken.findFirst({ where: { id: input.tokenId, userId: ctx.user.id }, select: { id: true, revokedAt: true } });
  if (!row) throw notFound(TOKEN_NOT_FOUND);
  return { id: row.id, revokedAt: row.revokedAt! };
}
