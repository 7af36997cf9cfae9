import { redirect } from 'next/navigation';
import { EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { mercadolivreMessages } from '../../../../../src/i18n/messages/mercadolivre.ts';
import { messagesFor, requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { PagingLinks } from '../../../../../src/forms/filter-fields.tsx';
import { formatDateTime } from '../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../../src/mercadolivre/nav.tsx';
import { ReplayButton } from '../../../../../src/mercadolivre/replay-button.tsx';

export async function generateMetadata() {
  return { title: (await messagesFor(mercadolivreMessages)).metaDeadLetters };
}

export default async function MlDeadLettersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/mercadolivre/dead-letters');
  const params = await searchParams;
  const locale = await requestLocale();
  const t = mercadolivreMessages[locale];
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const page = await load(() => caller.mercadolivre.deadLetters({ cursor: params.cursor, limit: 50 }));
  return (
    <main className="v-page">
      <PageHeader
        title={t.deadTitle}
        description={t.deadDescription}
      />
      <MlNav current="dead-letters" />
      {page.error !== null ? (
        <LoadError message={page.error} />
      ) : page.data.items.length === 0 ? (
        <EmptyState title={t.deadEmptyTitle}>{t.deadEmptyBody}</EmptyState>
      ) : (
        <Table data-testid="ml-dead-letters">
          <thead>
            <tr>
              <th>{t.colReceived}</th>
              <th>{t.colTopic}</th>
              <th>{t.colResource}</th>
              <th>{t.colAttempts}</th>
              <th>{t.colLastError}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((letter) => (
              <tr key={letter.id}>
                <td>{formatDateTime(letter.receivedAt, locale)}</td>
                <td>{letter.topic}</td>
                <td>{letter.resource}</td>
                <td>{letter.attempts}</td>
                <td style={{ maxWidth: 320, color: 'var(--danger)' }}>{letter.lastError ?? '—'}</td>
                <td>
                  <ReplayButton notificationId={letter.id} label={`${letter.topic} ${letter.resource}`} locale={locale} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PagingLinks path="/admin/mercadolivre/dead-letters" filters={{}} cursor={params.cursor} nextCursor={page.data?.nextCursor} labels={{ first: t.firstPage, next: t.nextPage }} />
    </main>
  );
}
