'use server';
import { AuthError } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { Prisma } from '@vitrine/db';
import { endSession, signIn, signOut } from '../server/auth.ts';
import { getDb } from '../server/db.ts';
import { hashPassword } from '../server/passwords.ts';
import { allowLoginAttempt, clearLoginAttempts } from '../server/rate-limit.ts';
import { clientIp, TENANT_COOKIE } from '../server/request.ts';

export interface FormState {
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** Set when the form was saved, so it can start over empty. */
  savedAt?: number;
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

/** A relative path only, so a sign-in link cannot send people to another site. */
const safeNext = (value: string) => (value.startsWith('/') && !value.startsWith('//') ? value : '/admin');

export async function loginAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = field(form, 'email').trim().toLowerCase();
  const password = field(form, 'password');
  const values = { email };
  const fieldErrors: Record<string, string> = {};
  if (!email) fieldErrors.email = 'Enter your email address';
  else if (!z.email().safeParse(email).success) fieldErrors.email = 'Enter a valid email address';
  if (!password) fieldErrors.password = 'Enter your password';
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  const ip = clientIp(await headers());
  const limit = await allowLoginAttempt(ip, email);
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
    return { error: `Too many sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`, values };
  }
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { error: 'That email and password do not match an account.', values };
    throw error;
  }
  await clearLoginAttempts(ip, email);
  // Remember the first store for the admin and for client-side tRPC calls (the switcher changes it).
  const user = await getDb().platform.user.findUnique({ where: { email }, select: { id: true } });
  const first = user ? await getDb().forUser(user.id).membership.findFirst({ where: { userId: user.id }, orderBy: { createdAt: 'asc' }, select: { tenantId: true } }) : null;
  if (first) (await cookies()).set(TENANT_COOKIE, first.tenantId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
  redirect(safeNext(field(form, 'next')));
}

const signupSchema = z.object({
  name: z.string().trim().min(1, 'Tell us your name').max(100, 'Use at most 100 characters for your name'),
  email: z.email('Enter a valid email address').max(254, 'This email address is too long'),
  password: z.string().min(10, 'Use at least 10 characters for your password').max(200, 'Use at most 200 characters for your password'),
});

export async function signupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { name: field(form, 'name'), email: field(form, 'email').trim().toLowerCase() };
  const parsed = signupSchema.safeParse({ ...values, password: field(form, 'password') });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { fieldErrors, values };
  }
  try {
    await getDb().platform.user.create({
      data: { name: parsed.data.name, email: parsed.data.email, passwordHash: await hashPassword(parsed.data.password) },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { fieldErrors: { email: 'An account with this email already exists. Sign in instead.' }, values };
    }
    throw error;
  }
  await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  redirect('/admin/stores/new');
}

export async function signOutAction(): Promise<void> {
  await endSession();
  await signOut({ redirectTo: '/login' });
}
