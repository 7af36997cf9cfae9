import Link from 'next/link';
import { Card, PageHeader } from '@vitrine/ui';
import { authPageMetadata } from '../../src/auth/auth-page.tsx';
import { authMessages } from '../../src/i18n/messages/auth.ts';
import { messagesFor } from '../../src/i18n/request-locale.ts';
import { getDb } from '../../src/server/db.ts';
import { consumeToken } from '../../src/server/identity/one-time-tokens.ts';

export const generateMetadata = authPageMetadata((t) => t.verifyPageTitle);

/**
 * Opening the emailed link confirms the address (the token works once). No language switcher here: switching
 * reloads the page, whose link is used up by then; the page follows the browser's language instead.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  const db = getDb().platform;
  const userId = await consumeToken(db, 'verify-email', token);
  const user = userId ? await db.user.update({ where: { id: userId }, data: { emailVerified: new Date() }, select: { email: true } }) : null;
  const t = await messagesFor(authMessages);
  return (
    <main className="v-page" style={{ maxWidth: 480 }}>
      <PageHeader title={user ? t.emailConfirmed : t.linkDoesNotWork} />
      <Card>
        {user ? <p role="status">{t.emailConfirmedAs(user.email)}</p> : <p role="alert">{t.verifyExpired}</p>}
        <p>
          <Link href="/admin">{t.goToAdmin}</Link>
        </p>
      </Card>
    </main>
  );
}
