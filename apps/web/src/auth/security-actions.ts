'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { accountMessages } from '../i18n/messages/account.ts';
import { authErrorMessages, minutesToWait } from '../i18n/messages/auth-errors.ts';
import { messagesFor } from '../i18n/request-locale.ts';
import { currentUser, signOut } from '../server/auth.ts';
import { getDb } from '../server/db.ts';
import { getEnv } from '../server/env.ts';
import { acceptTotpCode, beginEnrolment, confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes } from '../server/identity/two-factor.ts';
import { verifyPassword } from '../server/passwords.ts';
import { allowTwoFactorAttempt, clearTwoFactorAttempts } from '../server/rate-limit.ts';
import { clientIp } from '../server/request.ts';
import { closeOwnSession, closeUserSessions } from '../server/sessions.ts';
import type { FormState } from './actions.ts';

const SECURITY_PATH = '/admin/account/security';

const signedIn = async () => {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${SECURITY_PATH}`);
  return user;
};

export interface TwoFactorState extends FormState {
  /** Shown once, right after 2FA is turned on. */
  recoveryCodes?: string[];
}

export async function revokeSessionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await signedIn();
  const t = await messagesFor(authErrorMessages);
  const sessionId = z.string().min(1).max(100).safeParse(form.get('sessionId'));
  if (!sessionId.success) return { error: t.chooseSession };
  if (sessionId.data === user.sessionId) return { error: t.cannotRevokeCurrent };
  const closed = await closeOwnSession(getDb().platform, user.id, sessionId.data);
  revalidatePath(SECURITY_PATH);
  return closed ? { notice: (await messagesFor(accountMessages)).sessionClosed } : { error: t.sessionAlreadyClosed };
}

export async function signOutOthersAction(_prev: FormState): Promise<FormState> {
  const user = await signedIn();
  const count = await closeUserSessions(getDb().platform, user.id, user.sessionId);
  revalidatePath(SECURITY_PATH);
  return { notice: (await messagesFor(accountMessages)).othersClosed(count) };
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await signedIn();
  await closeUserSessions(getDb().platform, user.id);
  await signOut({ redirectTo: '/login' });
}

export async function beginTwoFactorAction(): Promise<void> {
  const user = await signedIn();
  await beginEnrolment(getDb().platform, getEnv().DATA_ENCRYPTION_KEYS, user);
  redirect(SECURITY_PATH);
}

export async function cancelTwoFactorSetupAction(): Promise<void> {
  const user = await signedIn();
  await getDb().platform.user.updateMany({ where: { id: user.id, totpEnabledAt: null }, data: { totpSecretEnc: null, totpLastStep: null } });
  redirect(SECURITY_PATH);
}

export async function confirmTwoFactorAction(_prev: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  const user = await signedIn();
  const t = await messagesFor(authErrorMessages);
  const code = String(form.get('code') ?? '').replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) return { fieldErrors: { code: t.totpCodeFormat } };
  const recoveryCodes = await confirmEnrolment(getDb().platform, getEnv().DATA_ENCRYPTION_KEYS, user.id, code);
  if (!recoveryCodes) return { fieldErrors: { code: t.totpSetupRejected } };
  return { recoveryCodes, notice: t.twoFactorTurnedOn };
}

/** Needs the password and a current code (re-authentication), rate-limited like the sign-in's second step. */
export async function disableTwoFactorAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await signedIn();
  const password = String(form.get('password') ?? '');
  const code = String(form.get('code') ?? '').replace(/\s/g, '');
  const t = await messagesFor(authErrorMessages);
  const fieldErrors: Record<string, string> = {};
  if (!password) fieldErrors.password = t.passwordMissing;
  if (!/^\d{6}$/.test(code)) fieldErrors.code = t.totpCodeFormat;
  if (Object.keys(fieldErrors).length) return { fieldErrors };
  const ip = clientIp(await headers());
  const limit = await allowTwoFactorAttempt(ip, user.email);
  if (!limit.allowed) return { error: t.tooManyAttempts(minutesToWait(limit.retryAfterSeconds)) };
  const db = getDb().platform;
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true, totpEnabledAt: true } });
  if (!row?.totpEnabledAt) return { error: t.twoFactorAlreadyOff };
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, password.slice(0, 200)))) return { fieldErrors: { password: t.wrongPassword } };
  if (!(await acceptTotpCode(db, getEnv().DATA_ENCRYPTION_KEYS, user.id, code))) {
    return { fieldErrors: { code: t.totpRejected } };
  }
  await disableTwoFactor(db, user.id);
  await clearTwoFactorAttempts(ip, user.email);
  revalidatePath(SECURITY_PATH);
  return { notice: t.twoFactorTurnedOff, savedAt: Date.now() };
}

/** Ten new recovery codes (the old ones stop working); needs a current code, rate-limited like disabling 2FA. */
export async function regenerateRecoveryCodesAction(_prev: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  const user = await signedIn();
  const code = String(form.get('code') ?? '').replace(/\s/g, '');
  const t = await messagesFor(authErrorMessages);
  if (!/^\d{6}$/.test(code)) return { fieldErrors: { code: t.totpCodeFormat } };
  const ip = clientIp(await headers());
  const limit = await allowTwoFactorAttempt(ip, user.email);
  if (!limit.allowed) return { error: t.tooManyAttempts(minutesToWait(limit.retryAfterSeconds)) };
  const db = getDb().platform;
  if (!(await acceptTotpCode(db, getEnv().DATA_ENCRYPTION_KEYS, user.id, code))) return { fieldErrors: { code: t.totpRejected } };
  const recoveryCodes = await regenerateRecoveryCodes(db, user.id);
  if (!recoveryCodes) return { error: t.twoFactorAlreadyOff };
  await clearTwoFactorAttempts(ip, user.email);
  return { recoveryCodes, notice: t.recoveryCodesReplaced };
}
