import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../i18n/language-switcher.tsx';
import { authMessages, pageTitle } from '../i18n/messages/auth.ts';
import { messagesFor } from '../i18n/request-locale.ts';
import { currentWhiteLabel, WhiteLabelHeader } from '../partners/white-label.tsx';

/**
 * The frame of the pages a visitor sees before signing in: a narrow column with the language switcher on top, under
 * a partner's brand (logo, name, colours, support email) when the page is reached on the partner's admin domain.
 */
export async function AuthPage({ maxWidth = 420, children }: { maxWidth?: number; children: ReactNode }) {
  const brand = await currentWhiteLabel();
  return (
    <>
      <WhiteLabelHeader brand={brand} />
      <main className="v-page" style={{ maxWidth }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitcher />
        </div>
        {children}
      </main>
    </>
  );
}

/** `generateMetadata` for a sign-in page: its title in the visitor's language (with the partner's name on its domain). */
export const authPageMetadata = (title: (t: (typeof authMessages)['en']) => string) => async () => {
  const [t, brand] = await Promise.all([messagesFor(authMessages), currentWhiteLabel()]);
  return { title: brand ? `${title(t)} · ${brand.name}` : pageTitle(title(t)) };
};
