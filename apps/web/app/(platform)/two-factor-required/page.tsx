import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Card, PageHeader } from '@vitrine/ui';
import { platformTenantMessages } from '../../../src/i18n/messages/platform-tenants.ts';
import { messagesFor } from '../../../src/i18n/request-locale.ts';
import { SECURITY_PATH } from '../../../src/platform/staff.ts';
import { currentUser } from '../../../src/server/auth.ts';

export const metadata = { title: 'Two-factor authentication required · Vitrine platform' };

/** Where platform staff without two-factor authentication land: what is missing and where to turn it on. */
export default async function TwoFactorRequiredPage() {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/tenants');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const t = await messagesFor(platformTenantMessages);
  return (
    <main className="v-page">
      <PageHeader title={t.twoFactorTitle} />
      <Card>
        <p role="alert">{t.twoFactorBody}</p>
        <p>
          <Link href={SECURITY_PATH}>{t.twoFactorLink}</Link>
        </p>
      </Card>
    </main>
  );
}
