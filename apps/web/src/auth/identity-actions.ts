'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authErrorMessages, minutesToWait } from '../i18n/messages/auth-errors.ts';
import { messagesFor, requestLocale } from '../i18n/request-locale.ts';
import { currentUser } from '../server/auth.ts';
import { getDb } from '../server/db.ts';
import { getEnv } from '../server/env.ts';
import { requestEmailOrigin } from '../server/identity/email-origin.ts';
import { sendLinkEmail } from '../server/identity/emails.ts';
import { consumeToken } from '../server/identity/one-time-tokens.ts';
import { completeSignIn, continueSignIn } from '../server/identity/sign-in.ts';
import { consumeRecoveryCode, acceptTotpCode } from '../server/identity/two-factor.ts';
import { CHALLENGE_COOKIE, endChallenge, readChallenge } from '../server/identity/two-factor-challenge.ts';
import { hashPassword } from '../server/passwords.ts';
import { allowEmailLink, allowTwoFactorAttempt, clearTwoFactorAttempts, } from '../server/rate-limit.ts';
import { getRedis } from '../server/redis.ts';
import { clientIp } from '../server/request.ts';
import { redisPrefix } from '../server/tenant-resolver.ts';
import type { FormState } from './actions.ts';
import { emailProblem, fieldErrorsOf, newPasswordFormSchema } from './form-errors.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '');
/**
 * Emails a one-time link of `purpose` to the account with this address, if there is one, in the visitor's language;
 * always the same answer (`sent`), so the form does not tell who has an account.
 */
async function emailLinkToAddress(form: FormData, purpose: 'password-reset' | 'magic-link', sent: 'resetSent' | 'magicLinkSent'): Promise<FormState> {
  const email = field(form, 'email').trim().toLowerCase();
  const values = { email };
  const locale = await requestLocale();
  const t = authErrorMessages[locale];
  const problem = emailProblem(email);
  if (problem) return { fieldErrors: { email: t[problem] }, values };
  const limit = await allowEmailLink(clientIp(await headers()), email);
  if (!limit.allowed) return { error: t.tooManyEmails(minutesToWait(limit.retryAfterSeconds)), values };
  const db = getDb().platform;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (user) {
    const origin = await requestEmailOrigin();
    await db.$transaction((tx) => sendLinkEmail(tx, purpose, user, origin, locale));
  }
  return { notice: t[sent], savedAt: Date.now() };
}

export async function requestPasswordResetAction(_prev: FormState, form: FormData): Promise<FormState> {
  return emailLinkToAddress(form, 'password-reset', 'resetSent');
}

export async function requestMagicLinkAction(_prev: FormState, form: FormData): Promise<FormState> {
  return emailLinkToAddress(form, 'magic-link', 'magicLinkSent');
}

/** The emailed sign-in link's button: the token is used once; the address is thereby verified. */
export async function magicLinkSignInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const db = getDb().platform;
  const userId = await consumeToken(db, 'magic-link', field(form, 'token'));
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, totpEnabledAt: true, emailVerified: true } }) : null;
  if (!user) return { error: (await messagesFor(authErrorMessages)).magicLinkExpired };
  if (!user.emailVerified) await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
  return continueSignIn(user, '/admin');
}

/** Sets the new password, uses the token, and closes every session of the person (then they sign in again). */
export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await messagesFor(authErrorMessages);
  const password = field(form, 'password');
  const parsed = newPasswordFormSchema.safeParse({ password });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues, t) };
  if (password !== field(form, 'confirm')) return { fieldErrors: { confirm: t.passwordsDiffer } };
  const passwordHash = await hashPassword(password);
  const db = getDb().platform;
  const userId = await db.$transaction(async (tx) => {
    const id = await consumeToken(tx, 'password-reset', field(form, 'token'));
    if (!id) return null;
    // Whoever could open the email owns the address: it is verified too.
    const user = await tx.user.update({ where: { id }, data: { passwordHash }, select: { emailVerified: true } });
    if (!user.emailVerified) await tx.user.update({ where: { id }, data: { emailVerified: new Date() } });
    await tx.session.deleteMany({ where: { userId: id } });
    return id;
  });
  if (!userId) return { error: t.resetLinkExpired };
  redirect('/login?reset=1');
}

/** The second step of a sign-in: a code from the authenticator app (once per time step) or an unused recovery code. */
export async function twoFactorAction(_prev: FormState, form: FormData): Promise<FormState> {
  const jar = await cookies();
  const challengeId = jar.get(CHALLENGE_COOKIE)?.value;
  const redis = getRedis();
  const t = await messagesFor(authErrorMessages);
  const challenge = await readChallenge(redis, redisPrefix, challengeId);
  if (!challenge || !challengeId) return { error: t.challengeExpired };
  const code = field(form, 'code').trim();
  if (!code) return { fieldErrors: { code: t.codeMissing } };
  const ip = clientIp(await headers());
  const limit = await allowTwoFactorAttempt(ip, challenge.email);
  if (!limit.allowed) return { error: t.tooManyCodes(minutesToWait(limit.retryAfterSeconds)) };
  const db = getDb().platform;
  const digits = code.replace(/\s/g, '');
  const accepted = /^\d{6}$/.test(digits)
    ? await acceptTotpCode(db, getEnv().DATA_ENCRYPTION_KEYS, challenge.userId, digits)
    : await consumeRecoveryCode(db, challenge.userId, code);
  if (!accepted) {
    return { fieldErrors: { code: t.codeRejected } };
  }
  if (!(await endChallenge(redis, redisPrefix, challengeId))) return { error: t.challengeExpired };
  jar.delete({ name: CHALLENGE_COOKIE, path: '/login' });
  await clearTwoFactorAttempts(ip, challenge.email);
  return completeSignIn(challenge.userId, challenge.next);
}

/** Sends a new verification link to the signed-in person (a few per 15 minutes). */
export async function resendVerificationAction(_prev: FormState): Promise<FormState> {
  const user = await currentUser();
  if (!user) redirect('/login');
  const locale = await requestLocale();
  const t = authErrorMessages[locale];
  if (user.emailVerified) return { notice: t.alreadyVerified };
  const limit = await allowEmailLink(clientIp(await headers()), user.email);
  if (!limit.allowed) return { error: t.tooManyEmails(minutesToWait(limit.retryAfterSeconds)) };
  const origin = await requestEmailOrigin();
  await getDb().platform.$transaction((tx) => sendLinkEmail(tx, 'verify-email', user, origin, locale));
  return { notice: t.verificationResent(user.email) };
}
