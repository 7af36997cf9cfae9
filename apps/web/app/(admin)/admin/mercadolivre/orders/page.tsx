import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, Button, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { ORDER_STATUSES } from '@vitrine/mercadolivre/schemas';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { hrefWith, parseDay, pickOne } from '../../../../../src/mercadolivre/filters.ts';
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
      <form className="v-row" method="get" action="/admin/mercadolivre/orders">
        <div className="v-field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" defaultValue={q} placeholder="Order id, buyer or item" />
        </div>
        <div className="v-field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status ?? ''}>
            <option value="">All</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="v-field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={filters.from} />
        </div>
        <div className="v-field">
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={filters.to} />
        </div>
        {accountNames.size > 1 ? (
          <div className="v-field">
            <label htmlFor="accountId">Account</label>
            <select id="accountId" name="accountId" defaultValue={accountId ?? ''}>
              <option value="">All</option>
              {[...accountNames].map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="v-field">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </div>
      </form>
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
      <p className="v-row">
        {params.cursor ? <Link href={hrefWith('/admin/mercadolivre/orders', filters)}>First page</Link> : null}
        {page.data?.nextCursor ? <Link href={hrefWith('/admin/mercadolivre/orders', filters, page.data.nextCursor)}>Next page</Link> : null}
      </p>
    </main>
  );
}
