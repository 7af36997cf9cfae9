import Link from 'next/link';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { Card, PageHeader } from '@vitrine/ui';
import { AuthPage, authPageMetadata } from '../../../src/auth/auth-page.tsx';
import { TwoFactorForm } from '../../../src/auth/email-link-forms.tsx';
import { authMessages } from '../../../src/i18n/messages/auth.ts';
import { requestLocale } from '../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../src/server/auth.ts';
import { getRedis } from '../../../src/server/redis.ts';
import { CHALLENGE_COOKIE, readChallenge } from '../../../src/server/identity/two-factor-challenge.ts';
import { redisPrefix } from '../../../src/server/tenant-resolver.ts';

export const generateMetadata = authPageMetadata((t) => t.twoFactorTitle);

export default async function TwoFactorPage() {
  if (await currentUser()) redirect('/admin');
  const challenge = await readChallenge(getRedis(), redisPrefix, (await cookies()).get(CHALLENGE_COOKIE)?.value);
  if (!challenge) redirect('/login');
  const locale = await requestLocale();
  const t = authMessages[locale];
  return (
    <AuthPage>
      <PageHeader title={t.twoFactorTitle} description={t.signingInAs(challenge.email)} />
      <Card>
        <p>{t.twoFactorHelp}</p>
        <TwoFactorForm locale={locale} />
      </Card>
      <p>
        <Link href="/login">{t.startOver}</Link>
      </p>
    </AuthPage>
  );
}
