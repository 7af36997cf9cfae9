/**
 * The storefront's languages. A store speaks its own language (its locale) and may offer others (storefront
 * settings); a visitor picks one with `?lang=` (remembered in a cookie on the store's host) and keeps it.
 */
export const STORE_LANGUAGES = ['pt-BR', 'en', 'es'] as const;
export type StoreLanguage = (typeof STORE_LANGUAGES)[number];
export const STORE_LANGUAGE_COOKIE = 'vitrine_store_lang';

export const isStoreLanguage = (value: unknown): value is StoreLanguage =>
  typeof value === 'string' && (STORE_LANGUAGES as readonly string[]).includes(value);

/**
 * The language of one store page: `?lang=` when the store offers it (then remembered), else the remembered one,
 * else the store's own (the first offered).
 */
export function chooseLanguage(args: {
  requested: string | null;
  remembered: string | null | undefined;
  offered: readonly StoreLanguage[];
}): { language: StoreLanguage; remember: boolean } {
  const offered = args.offered.length ? args.offered : (['en'] as const);
  if (isStoreLanguage(args.requested) && offered.includes(args.requested)) return { language: args.requested, remember: true };
  if (isStoreLanguage(args.remembered) && offered.includes(args.remembered)) return { language: args.remembered, remember: false };
  return { language: offered[0]!, remember: false };
}

/**
 * The locale prices and dates are written in: the store's own locale (e.g. en-US) in the store's language, the
 * language itself otherwise. Amounts stay in the store's currency either way.
 */
export function formattingLocale(storeLocale: string, storeLanguage: StoreLanguage, language: StoreLanguage): string {
  return language === storeLanguage ? storeLocale : language;
}

/** The names each language is offered under in the switcher, in that language. */
export const LANGUAGE_NAMES: Record<StoreLanguage, string> = { 'pt-BR': 'Português', en: 'English', es: 'Español' };
