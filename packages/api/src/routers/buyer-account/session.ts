import { TRPCError } from '@trpc/server';
import type { BuyerAccount, ScopedTransaction, TenantDb } from '@vitrine/db';
import { cartSessionHash, newBuyerToken } from '../../commerce/tokens.ts';
import { storefrontProcedure, type StorefrontContext } from '../../trpc.ts';
import { sessionInput } from './inputs.ts';

/** How long a buyer stays signed in without signing in again. */
export const BUYER_SESSION_DAYS = 30;

/** SHA-256 (hex) of a session or email-link token: the only form the database keeps. */
export const tokenHash = cartSessionHash;

export const signInAgain = () => new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in to continue.' });

/** Opens a session for the account; returns the raw token the web keeps in its cookie (shown once, never stored). */
export async function openSession(
  tx: ScopedTransaction | TenantDb,
  tenantId: string,
  accountId: string,
): Promise<{ sessionToken: string; expiresAt: Date }> {
  const sessionToken = newBuyerToken();
  const expiresAt = new Date(Date.now() + BUYER_SESSION_DAYS * 24 * 60 * 60 * 1000);
  await tx.buyerSession.create({ data: { tenantId, accountId, tokenHash: tokenHash(sessionToken), expiresAt } });
  return { sessionToken, expiresAt };
}

/** The signed-in buyer: the account, and the session's id (so signing out revokes exactly this one). */
export interface SignedInBuyer {
  account: BuyerAccount;
  sessionId: string;
}

export type BuyerContext = StorefrontContext & { buyer: SignedInBuyer };

/**
 * A procedure for a signed-in buyer of the store behind the request's Host: the session token the web passes must
 * be a live session of THIS store (the tenant-scoped client cannot see another store's sessions), neither expired
 * nor revoked. A tenant admin's session means nothing here.
 */
export const buyerProcedure = storefrontProcedure.input(sessionInput).use(async ({ ctx, input, next }) => {
  const session = await ctx.tdb.buyerSession.findUnique({
    where: { tenantId_tokenHash: { tenantId: ctx.tenant.id, tokenHash: tokenHash(input.sessionToken) } },
    include: { account: true },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date()) throw signInAgain();
  return next({ ctx: { buyer: { account: session.account, sessionId: session.id } } });
});
