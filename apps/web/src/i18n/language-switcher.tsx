import { chooseLocale } from './actions.ts';
import { LOCALES, type Locale } from './locale.ts';
import { requestLocale } from './request-locale.ts';

const NAMES: Record<Locale, string> = { en: 'English', 'pt-BR': 'Português (Brasil)' };

/** Links-as-buttons that switch the interface language; the current one is marked. */
export async function LanguageSwitcher() {
  const current = await requestLocale();
  return (
    <form action={chooseLocale} className="language-switcher" aria-label="Language / Idioma" style={{ display: 'flex', gap: 8 }}>
      {LOCALES.map((locale) => (
        <button key={locale} type="submit" name="locale" value={locale} aria-pressed={locale === current} lang={locale} className="v-button v-button--secondary">
          {NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
