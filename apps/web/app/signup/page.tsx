import Link from 'next/link';
import { Card, PageHeader } from '@vitrine/ui';
import { AuthPage, authPageMetadata } from '../../src/auth/auth-page.tsx';
import { SignupForm } from '../../src/auth/signup-form.tsx';
import { authMessages } from '../../src/i18n/messages/auth.ts';
import { requestLocale } from '../../src/i18n/request-locale.ts';

export const generateMetadata = authPageMetadata((t) => t.signUpTitle);

export default async function SignupPage() {
  const locale = await requestLocale();
  const t = authMessages[locale];
  return (
    <AuthPage>
      <PageHeader title={t.signUpTitle} description={t.signUpDescription} />
      <Card>
        <SignupForm locale={locale} />
      </Card>
      <p>
        {t.haveAccount} <Link href="/login">{t.signIn}</Link>
      </p>
    </AuthPage>
  );
}
