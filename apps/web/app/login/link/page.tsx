import Link from 'next/link';
import { Card, PageHeader } from '@vitrine/ui';
import { AuthPage, authPageMetadata } from '../../../src/auth/auth-page.tsx';
import { MagicLinkSignInForm } from '../../../src/auth/email-link-forms.tsx';
import { authMessages } from '../../../src/i18n/messages/auth.ts';
import { requestLocale } from '../../../src/i18n/request-locale.ts';
import { getDb } from '../../../src/server/db.ts';
import { peekToken } from '../../../src/server/identity/one-time-tokens.ts';

export const generateMetadata = authPageMetadata((t) => t.magicLinkPageTitle);

export default async function MagicLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  const [live, locale] = await Promise.all([peekToken(getDb().platform, 'magic-link', token), requestLocale()]);
  const t = authMessages[locale];
  return (
    <AuthPage>
      <PageHeader title={t.magicLinkTitle} />
      <Card>
        {live ? (
          <>
            <p>{t.magicLinkContinue}</p>
            <MagicLinkSignInForm token={token} locale={locale} />
          </>
        ) : (
          <p role="alert">{t.magicLinkExpired}</p>
        )}
      </Card>
      <p>
        <Link href="/login">{t.backToSignIn}</Link>
      </p>
    </AuthPage>
  );
}
