import { TRPCError } from '@trpc/server';
import type { BuyerAccount } from '@vitrine/db';
import { conflict, isUniqueViolation } from '../../errors.ts';
import type { StorefrontContext } from '../../trpc.ts';
import { consumeEmailLink, emailLanguageOf, sendEmailLink } from './email-links.ts';
import type { BuyerLanguage, RequestPasswordResetInput, ResetPasswordInput, SignInInput, SignUpInput, VerifyEmailInput } from './inputs.ts';
import { allowResetEmail, clearSignInAttempts, countSignInAttempt } from './limiter.ts';
import { hashPassword, verifyPasswordOrDummy } from './passwords.ts';
import { openSession, type BuyerContext } from './session.ts';

/** What the buyer's own pages show about the account (never the password's hash). */
export function accountView(account: BuyerAccount) {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    phone: account.phone,
    emailVerified: account.emailVerifiedAt !== null,
    createdAt: account.createdAt,
  };
}

const limiterScope = (ctx: StorefrontContext) => ({ redis: ctx.redis, prefix: ctx.redisPrefix, tenantId: ctx.tenant.id });

/**
 * A new account at this store (the same email at another store is another account), signed in at once; the
 * verification email goes out with the account, in one transaction.
 */
export async function signUp(ctx: StorefrontContext, input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  const tenantId = ctx.tenant.id;
  try {
    return await ctx.tdb.$scoped(async (tx) => {
      const account = await tx.buyerAccount.create({
        data: { tenantId, email: input.email, passwordHash, name: input.name, phone: input.phone ?? null },
      });
      await sendEmailLink(ctx, tx, account, 'VERIFY_EMAIL', emailLanguageOf(ctx, input.language));
      const session = await openSession(tx, tenantId, account.id);
      return { ...session, account: accountView(account) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('An account with this email already exists at this store. Sign in, or reset your password.');
    throw error;
  }
}

/** Email and password of an account of THIS store; attempts are counted per IP and per account (Redis). */
export async function signIn(ctx: StorefrontContext, input: SignInInput) {
  const scope = limiterScope(ctx);
  const ip = ctx.ip ?? 'unknown';
  await countSignInAttempt(scope, ip, input.email);
  const account = await ctx.tdb.buyerAccount.findUnique({ where: { tenantId_email: { tenantId: ctx.tenant.id, email: input.email } } });
  const ok = await verifyPasswordOrDummy(account?.passwordHash, input.password);
  if (!account || !ok) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The email or password is not correct.' });
  await clearSignInAttempts(scope, ip, input.email);
  const session = await openSession(ctx.tdb, ctx.tenant.id, account.id);
  return { ...session, account: accountView(account) };
}

/** Revokes this session (the buyer's other devices stay signed in). */
export async function signOut(ctx: BuyerContext) {
  await ctx.tdb.buyerSession.updateMany({ where: { id: ctx.buyer.sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  return { signedOut: true };
}

export const me = (ctx: BuyerContext) => accountView(ctx.buyer.account);

/** The link of the verification email: the account's email is confirmed (order history shows from then on). */
export async function verifyEmail(ctx: StorefrontContext, input: VerifyEmailInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const accountId = await consumeEmailLink(tx, 'VERIFY_EMAIL', input.token);
    const account = await tx.buyerAccount.update({ where: { id: accountId }, data: { emailVerifiedAt: new Date() } });
    return { verified: true, email: account.email };
  });
}

/** Another verification email for the signed-in buyer (earlier links stop working). */
export async function resendVerification(ctx: BuyerContext, language?: BuyerLanguage) {
  const { account } = ctx.buyer;
  if (account.emailVerifiedAt) return { sent: false, alreadyVerified: true };
  if (!(await allowResetEmail(limiterScope(ctx), `verify|${account.email}`))) {
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'We already sent several emails. Check your inbox, or try again in an hour.' });
  }
  await ctx.tdb.$scoped((tx) => sendEmailLink(ctx, tx, account, 'VERIFY_EMAIL', emailLanguageOf(ctx, language)));
  return { sent: true, alreadyVerified: false };
}

/**
 * "Forgot my password": the same answer whether or not the email has an account here (nobody learns who is a
 * customer); when it has one, a one-hour link goes out (at most 5 per hour per address).
 */
export async function requestPasswordReset(ctx: StorefrontContext, input: RequestPasswordResetInput) {
  const account = await ctx.tdb.buyerAccount.findUnique({ where: { tenantId_email: { tenantId: ctx.tenant.id, email: input.email } } });
  if (account && (await allowResetEmail(limiterScope(ctx), input.email))) {
    await ctx.tdb.$scoped((tx) => sendEmailLink(ctx, tx, account, 'RESET_PASSWORD', emailLanguageOf(ctx, input.language)));
  }
  return { sent: true };
}

/**
 * The reset link's new password: the link is used up, every session of the account is revoked (a thief signed in
 * elsewhere is out), and the email counts as confirmed (the buyer just proved they read it).
 */
export async function resetPassword(ctx: StorefrontContext, input: ResetPasswordInput) {
  const passwordHash = await hashPassword(input.password);
  return ctx.tdb.$scoped(async (tx) => {
    const accountId = await consumeEmailLink(tx, 'RESET_PASSWORD', input.token);
    const now = new Date();
    const account = await tx.buyerAccount.findUniqueOrThrow({ where: { id: accountId } });
    await tx.buyerAccount.update({ where: { id: accountId }, data: { passwordHash, emailVerifiedAt: account.emailVerifiedAt ?? now } });
    await tx.buyerSession.updateMany({ where: { accountId, revokedAt: null }, data: { revokedAt: now } });
    return { reset: true, email: account.email };
  });
}
