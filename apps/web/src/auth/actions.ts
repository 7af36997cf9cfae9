'use server';
import { headers } from 'next/headers';
import { Prisma } from '@vitrine/db';
import { endSession, signOut } from '../server/auth.ts';
import { getDb } from '../server/db.ts';
import { authErrorMessages, minutesToWait } from '../i18n/messages/auth-errors.ts';
import { messagesFor, requestLocale } from '../i18n/request-locale.ts';
import { requestEmailOrigin } from '../server/identity/email-origin.ts';
import { sendLinkEmail } from '../server/identity/emails.ts';
import { completeSignIn, continueSignIn } from '../server/identity/sign-in.ts';
import { hashPassword, verifyPasswordOrDummy } from '../server/passwords.ts';
import { allowLoginAttempt, clearLoginAttempts } from '../server/rate-limit.ts';
import { clientIp } from '../server/request.ts';
import { emailProblem, fieldErrorsOf, signupSchema } from './form-errors.ts';

export interface FormState {
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** A sentence saying what happened (shown above the fields, announced politely). */
  notice?: string;
  /** Set when the form was saved, so it can start over empty. */
  savedAt?: number;
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

export async function loginAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = field(form, 'email').trim().toLowerCase();
  const password = field(form, 'password');
  const values = { email };
  const t = await messagesFor(authErrorMessages);
  const fieldErrors: Record<string, string> = {};
  const emailCode = emailProblem(email);
  if (emailCode) fieldErrors.email = t[emailCode];
  if (!password) fieldErrors.password = t.passwordMissing;
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  const ip = clientIp(await headers());
  const limit = await allowLoginAttempt(ip, email);
  if (!limit.allowed) return { error: t.tooManySignIns(minutesToWait(limit.retryAfterSeconds)), values };
  if (password.length > 200) return { error: t.wrongCredentials, values };
  const user = await getDb().platform.user.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, totpEnabledAt: true },
  });
  if (!(await verifyPasswordOrDummy(user?.passwordHash, password)) || !user) {
    return { error: t.wrongCredentials, values };
  }
  await clearLoginAttempts(ip, email);
  return continueSignIn(user, field(form, 'next'));
}

/** Creates the account and, in the same transaction, the verification email (sent once it commits); signs in. */
export async function signupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { name: field(form, 'name'), email: field(form, 'email').trim().toLowerCase() };
  const locale = await requestLocale();
  const t = authErrorMessages[locale];
  const parsed = signupSchema.safeParse({ ...values, password: field(form, 'password') });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues, t), values };
  const passwordHash = await hashPassword(parsed.data.password);
  const origin = await requestEmailOrigin();
  let userId: string;
  try {
    userId = await getDb().platform.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: parsed.data.name, email: parsed.data.email, passwordHash } });
      await sendLinkEmail(tx, 'verify-email', user, origin, locale);
      return user.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { fieldErrors: { email: t.emailTaken }, values };
    }
    throw error;
  }
  return completeSignIn(userId, '/admin/stores/new');
}

export async function signOutAction(): Promise<void> {
  await endSession();
  await signOut({ redirectTo: '/login' });
}
