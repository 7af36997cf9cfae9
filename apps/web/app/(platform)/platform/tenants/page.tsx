import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Badge, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { currentUser } from '../../../../src/server/auth.ts';
import { serverCaller } from '../../../../src/server/caller.ts';
import { TenantStatusForm } from './status-form.tsx';

export const metadata = { title: 'Stores · Vitrine platform' };

const TONE = { ACTIVE: 'success', TRIAL: 'neutral', SUSPENDED: 'danger', CANCELLED: 'warning' } as const;

export default async function PlatformTenantsPage({ searchParams }: { searchParams: Promise<{ q?: string; cursor?: string }> }) {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/tenants');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const { q, cursor } = await searchParams;
  const search = q?.trim() || undefined;
  const page = await (await serverCaller()).platform.tenants.list({ search, cursor, limit: 50 });
  return (
    <main className="v-page">
      <PageHeader title="Stores" description="Every store on the platform." />
      <form className="v-row" method="get">
        <div className="v-field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" defaultValue={search} placeholder="Name or address" />
        </div>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title="No stores found" />
      ) : (
        <Table>
          <thead>
            <tr>
              <th>Store</th>
              <th>Address</th>
              <th>Status</th>
              <th>Action</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.primaryHostname ?? t.slug}</td>
                <td>
                  <Badge tone={TONE[t.status]}>{t.status.toLowerCase()}</Badge>
                  {t.suspendedReason ? <div style={{ fontSize: '0.85rem' }}>{t.suspendedReason}</div> : null}
                </td>
                <td>{t.status === 'CANCELLED' ? null : <TenantStatusForm tenantId={t.id} suspended={t.status === 'SUSPENDED'} name={t.name} />}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {page.nextCursor ? <Link href={`/platform/tenants?${new URLSearchParams({ ...(search ? { q: search } : {}), cursor: page.nextCursor })}`}>Next page</Link> : null}
    </main>
  );
}
