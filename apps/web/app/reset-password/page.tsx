import Link from 'next/link';
import { Card, PageHeader } from '@vitrine/ui';
import { AuthPage, authPageMetadata } from '../../src/auth/auth-page.tsx';
import { ResetPasswordForm } from '../../src/auth/email-link-forms.tsx';
import { authMessages } from '../../src/i18n/messages/auth.ts';
import { requestLocale } from '../../src/i18n/request-locale.ts';
import { getDb } from '../../src/server/db.ts';
import { peekToken } from '../../src/server/identity/one-time-tokens.ts';

export const generateMetadata = authPageMetadata((t) => t.resetTitle);

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  const [live, locale] = await Promise.all([peekToken(getDb().platform, 'password-reset', token), requestLocale()]);
  const t = authMessages[locale];
  return (
    <AuthPage>
      <PageHeader title={t.resetTitle} description={live ? t.resetDescription : undefined} />
      <Card>
        {live ? (
          <ResetPasswordForm token={token} locale={locale} />
        ) : (
          <p role="alert">
            {t.resetExpired} <Link href="/forgot-password">{t.askForNewOne}</Link>.
          </p>
        )}
      </Card>
    </AuthPage>
  );
}
