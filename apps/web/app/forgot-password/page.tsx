import Link from 'next/link';
import { Card, PageHeader } from '@vitrine/ui';
import { AuthPage, authPageMetadata } from '../../src/auth/auth-page.tsx';
import { PasswordResetRequestForm } from '../../src/auth/email-link-forms.tsx';
import { authMessages } from '../../src/i18n/messages/auth.ts';
import { requestLocale } from '../../src/i18n/request-locale.ts';

export const generateMetadata = authPageMetadata((t) => t.forgotTitle);

export default async function ForgotPasswordPage() {
  const locale = await requestLocale();
  const t = authMessages[locale];
  return (
    <AuthPage>
      <PageHeader title={t.forgotTitle} description={t.forgotDescription} />
      <Card>
        <PasswordResetRequestForm locale={locale} />
      </Card>
      <p>
        <Link href="/login">{t.backToSignIn}</Link>
      </p>
    </AuthPage>
  );
}
