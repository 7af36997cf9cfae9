import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, pickLocale, type Locale } from './locale.ts';
import type { Messages } from './messages.ts';

/**
 * Server-only: the language of the current request. Kept apart from locale.ts and messages.ts, which client
 * components import, because next/headers exists only on the server.
 */
export async function requestLocale(): Promise<Locale> {
  return pickLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
}

/** The messages in the language of the current request (server components). */
export async function messagesFor<M extends Messages>(messages: Record<Locale, M>): Promise<M> {
  return messages[await requestLocale()];
}
