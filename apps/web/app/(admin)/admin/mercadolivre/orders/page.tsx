import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { ORDER_STATUSES } from '@vitrine/mercadolivre/schemas';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { mercadolivreMessages } from '../../../../../src/i18n/messages/mercadolivre.ts';
import { messagesFor, requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { DateField, FilterForm, PagingLinks, SearchField, SelectField } from '../../../../../src/forms/filter-fields.tsx';
import { parseDay, pickOne } from '../../../../../src/mercadolivre/filters.ts';
import { formatDateTime, formatMinor } from '../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../../src/mercadolivre/nav.tsx';

export async function generateMetadata() {
  return { title: (await messagesFor(mercadolivreMessages)).metaOrders };
}

type Params = { status?: string; from?: string; to?: string; q?: string; accountId?: string; cursor?: string };

export default async function MlOrdersPage({ searchParams }: { searchParams: Promise<Params> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/mercadolivre/orders');
  const params = await searchParams;
  const locale = await requestLocale();
  const t = mercadolivreMessages[locale];
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
      <PageHeader title={t.ordersTitle} description={t.ordersDescription} />
      <MlNav current="orders" />
      <FilterForm action="/admin/mercadolivre/orders" submitLabel={t.filterSubmit}>
        <SearchField value={q} placeholder={t.ordersSearch} label={t.filterSearch} />
        <SelectField name="status" label={t.filterStatus} value={status} allLabel={t.filterAll} options={ORDER_STATUSES.map((s) => ({ value: s, label: t.status(s) }))} />
        <DateField name="from" label={t.filterFrom} value={filters.from} />
        <DateField name="to" label={t.filterTo} value={filters.to} />
        {accountNames.size > 1 ? <SelectField name="accountId" label={t.filterAccount} value={accountId} allLabel={t.filterAll} options={[...accountNames].map(([value, label]) => ({ value, label }))} /> : null}
      </FilterForm>
      {page.error !== null ? (
        <LoadError message={page.error} />
      ) : page.data.items.length === 0 ? (
        <EmptyState title={filtered ? t.noOrdersMatch : t.noOrdersYet}>
          {filtered ? (
            t.noOrdersMatchBody
          ) : (
            <>
              {t.noOrdersYetBody} <Link href="/admin/mercadolivre">{t.manageAccounts}</Link>
            </>
          )}
        </EmptyState>
      ) : (
        <Table data-testid="ml-orders">
          <thead>
            <tr>
              <th>{t.colOrder}</th>
              <th>{t.colDate}</th>
              <th>{t.colBuyer}</th>
              <th>{t.colItems}</th>
              <th>{t.colTotal}</th>
              <th>{t.colStatus}</th>
              <th>{t.colShipment}</th>
              {accountNames.size > 1 ? <th>{t.colAccount}</th> : null}
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((order) => (
              <tr key={order.id}>
                <td>
                  <Link href={`/admin/mercadolivre/orders/${order.id}`}>{`#${String(order.mlOrderId)}`}</Link>
                </td>
                <td>{formatDateTime(order.dateCreated, locale)}</td>
                <td>{order.buyerNickname ?? String(order.buyerId)}</td>
                <td>{order.itemsSummary}</td>
                <td>{formatMinor(order.totalMinor, order.currency, locale)}</td>
                <td>
                  <Badge tone={order.status === 'paid' ? 'success' : order.status === 'cancelled' || order.status === 'invalid' ? 'danger' : 'warning'}>{t.status(order.status)}</Badge>
                </td>
                <td>{t.status(order.shipmentStatus)}</td>
                {accountNames.size > 1 ? <td>{accountNames.get(order.accountId) ?? '—'}</td> : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PagingLinks path="/admin/mercadolivre/orders" filters={filters} cursor={params.cursor} nextCursor={page.data?.nextCursor} labels={{ first: t.firstPage, next: t.nextPage }} />
    </main>
  );
}
