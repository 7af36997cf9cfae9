import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { ORDER_STATUSES } from '@vitrine/mercadolivre/schemas';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { DateField, FilterForm, PagingLinks, SearchField, SelectField } from '../../../../../src/forms/filter-fields.tsx';
import { parseDay, pickOne } from '../../../../../src/mercadolivre/filters.ts';
import { formatDateTime, formatMinor, humanize } from '../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../../src/mercadolivre/nav.tsx';

export const metadata = { title: 'Mercado Livre orders · Vitrine' };

type Params = { status?: string; from?: string; to?: string; q?: string; accountId?: string; cursor?: string };

export default async function MlOrdersPage({ searchParams }: { searchParams: Promise<Params> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/mercadolivre/orders');
  const params = await searchParams;
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');

  const status = pickOne(params.status, ORDER_STATUSES);
  const from = parseDay(params.from);
  const to = parseDay(params.to, true);
  const q = params.q?.trim() || undefined;
  const accountId = params.accountId || undefined;
  const filters = { status, from: from ? params.from : undefined, to: to ? params.to : undefined, q, accountId };
  const filtered = Boolean(status || from || to || q);

  const [page, accounts] = await Promise.all([
    load(() => caller.mercadolivre.orders({ status, from, to, q, accountId, cursor: params.cursor, limit: 25 })),
    load(() => caller.mercadolivre.accounts()),
  ]);
  const accountNames = new Map((accounts.data ?? []).map((a) => [a.id, a.nickname]));

  return (
    <main className="v-page">
      <PageHeader title="Mercado Livre orders" description="Orders synced from your Mercado Livre accounts, newest first." />
      <MlNav current="orders" />
      <FilterForm action="/admin/mercadolivre/orders">
        <SearchField value={q} placeholder="Order id, buyer or item" />
        <SelectField name="status" label="Status" value={status} options={ORDER_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} />
        <DateField name="from" label="From" value={filters.from} />
        <DateField name="to" label="To" value={filters.to} />
        {accountNames.size > 1 ? <SelectField name="accountId" label="Account" value={accountId} options={[...accountNames].map(([value, label]) => ({ value, label }))} /> : null}
      </FilterForm>
      {page.error !== null ? (
        <LoadError message={page.error} />
      ) : page.data.items.length === 0 ? (
        <EmptyState title={filtered ? 'No orders match' : 'No orders yet'}>
          {filtered ? 'Try another search, status or dates.' : <>Orders appear here once an account is connected and synced. <Link href="/admin/mercadolivre">Manage accounts</Link></>}
        </EmptyState>
      ) : (
        <Table data-testid="ml-orders">
          <thead>
            <tr>
              <th>Order</th>
              <th>Date</th>
              <th>Buyer</th>
              <th>Items</th>
              <th>Total</th>
              <th>Status</th>
              <th>Shipment</th>
              {accountNames.size > 1 ? <th>Account</th> : null}
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((order) => (
              <tr key={order.id}>
                <td>
                  <Link href={`/admin/mercadolivre/orders/${order.id}`}>{`#${String(order.mlOrderId)}`}</Link>
                </td>
                <td>{formatDateTime(order.dateCreated)}</td>
                <td>{order.buyerNickname ?? String(order.buyerId)}</td>
                <td>{order.itemsSummary}</td>
                <td>{formatMinor(order.totalMinor, order.currency)}</td>
                <td>
                  <Badge tone={order.status === 'paid' ? 'success' : order.status === 'cancelled' || order.status === 'invalid' ? 'danger' : 'warning'}>{humanize(order.status)}</Badge>
                </td>
                <td>{humanize(order.shipmentStatus)}</td>
                {accountNames.size > 1 ? <td>{accountNames.get(order.accountId) ?? '—'}</td> : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PagingLinks path="/admin/mercadolivre/orders" filters={filters} cursor={params.cursor} nextCursor={page.data?.nextCursor} />
    </main>
  );
}
