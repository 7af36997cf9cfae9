import type { Locale } from './locale.ts';

/**
 * Each area of the web app keeps its sentences in its own file under messages/ (one object per language with
 * the same keys, checked by the type below), so areas never edit a shared file:
 *
 *   export const teamMessages = defineMessages({ en: { title: 'Team' }, 'pt-BR': { title: 'Equipe' } });
 *   const t = await messagesFor(teamMessages);      // server components (from request-locale.ts)
 *   <TeamForm locale={await requestLocale()} />       // client components get the locale and read
 *   const t = teamMessages[locale];                   //   teamMessages[locale] themselves (functions cannot
 *                                                     //   be passed from server to client components)
 *
 * Sentences with values are functions: `invited: (email: string) => \`Invitation sent to ${email}\``.
 */
export type Messages = Record<string, string | ((...args: never[]) => string)>;

export function defineMessages<M extends Messages>(messages: { en: M } & Record<Exclude<Locale, 'en'>, M>): Record<Locale, M> {
  return messages;
}

export function messagesIn<M extends Messages>(messages: Record<Locale, M>, locale: Locale): M {
  return messages[locale];
}
