import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Card, PageHeader } from '@vitrine/ui';
import { AuthPage, authPageMetadata } from '../../src/auth/auth-page.tsx';
import { MagicLinkRequestForm } from '../../src/auth/email-link-forms.tsx';
import { LoginForm } from '../../src/auth/login-form.tsx';
import { authMessages } from '../../src/i18n/messages/auth.ts';
import { requestLocale } from '../../src/i18n/request-locale.ts';
import { currentUser } from '../../src/server/auth.ts';

export const generateMetadata = authPageMetadata((t) => t.signInTitle);

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; reset?: string }> }) {
  const { next, reset } = await searchParams;
  if (await currentUser()) redirect('/admin');
  const locale = await requestLocale();
  const t = authMessages[locale];
  return (
    <AuthPage>
      <PageHeader title={t.signInTitle} description={t.signInDescription} />
      {reset ? (
        <p className="v-notice" role="status">
          {t.passwordChanged}
        </p>
      ) : null}
      <Card>
        <LoginForm next={next ?? '/admin'} locale={locale} />
        <p>
          <Link href="/forgot-password">{t.forgotPassword}</Link>
        </p>
      </Card>
      <h2>{t.passwordless}</h2>
      <Card>
        <MagicLinkRequestForm locale={locale} />
      </Card>
      <p>
        {t.newToVitrine} <Link href="/signup">{t.createAnAccount}</Link>
      </p>
    </AuthPage>
  );
}
