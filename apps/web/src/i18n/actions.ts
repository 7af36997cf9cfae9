'use server';
import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from './locale.ts';

/** Remembers the person's language for a year (the form posts it with the language switcher). */
export async function chooseLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
}
