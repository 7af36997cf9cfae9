import { redirect } from 'next/navigation';
import { EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { PagingLinks } from '../../../../../src/forms/filter-fields.tsx';
import { formatDateTime } from '../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../../src/mercadolivre/nav.tsx';
import { ReplayButton } from '../../../../../src/mercadolivre/replay-button.tsx';

export const metadata = { title: 'Failed Mercado Livre notifications · Vitrine' };

export default async function MlDeadLettersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/mercadolivre/dead-letters');
  const params = await searchParams;
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const page = await load(() => caller.mercadolivre.deadLetters({ cursor: params.cursor, limit: 50 }));
  return (
    <main className="v-page">
      <PageHeader
        title="Failed notifications"
        description="Notifications from Mercado Livre that still failed after every retry. Replay one once the cause is fixed."
      />
      <MlNav current="dead-letters" />
      {page.error !== null ? (
        <LoadError message={page.error} />
      ) : page.data.items.length === 0 ? (
        <EmptyState title="No failed notifications">Every notification Mercado Livre sent was processed.</EmptyState>
      ) : (
        <Table data-testid="ml-dead-letters">
          <thead>
            <tr>
              <th>Received</th>
              <th>Topic</th>
              <th>Resource</th>
              <th>Attempts</th>
              <th>Last error</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((letter) => (
              <tr key={letter.id}>
                <td>{formatDateTime(letter.receivedAt)}</td>
                <td>{letter.topic}</td>
                <td>{letter.resource}</td>
                <td>{letter.attempts}</td>
                <td style={{ maxWidth: 320, color: 'var(--danger)' }}>{letter.lastError ?? '—'}</td>
                <td>
                  <ReplayButton notificationId={letter.id} label={`${letter.topic} ${letter.resource}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PagingLinks path="/admin/mercadolivre/dead-letters" filters={{}} cursor={params.cursor} nextCursor={page.data?.nextCursor} />
    </main>
  );
}
