import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { parsePriceToMinor } from '../../../../src/admin/money-input.ts';
import { DateField, FilterForm, PagingLinks, SelectField } from '../../../../src/forms/filter-fields.tsx';
import { ordersMessages } from '../../../../src/i18n/messages/orders.ts';
import { requestLocale } from '../../../../src/i18n/request-locale.ts';
import { parseDay, pickOne } from '../../../../src/mercadolivre/filters.ts';
import { formatDateTime, formatMinor } from '../../../../src/mercadolivre/format.ts';
import { loadOrRefusal, refusalSentence } from '../../../../src/orders/load-refusal.ts';
import { ORDER_STATUSES, REFUND_TONE, STATUS_TONE } from '../../../../src/orders/status.ts';
import { currentUser } from '../../../../src/server/auth.ts';

export const metadata = { title: 'Orders · Vitrine' };

interface Params {
  status?: string;
  from?: string;
  to?: string;
  q?: string;
  min?: string;
  max?: string;
  cursor?: string;
}

const DAY_MS = 86_400_000;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Params> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/orders');
  const params = await searchParams;
  const locale = await requestLocale();
  const t = ordersMessages[locale];
  const { active, caller } = await adminCaller();
  if (!active || !caller) redirect('/admin');

  const status = pickOne(params.status, ORDER_STATUSES);
  const from = parseDay(params.from);
  const toDay = parseDay(params.to);
  const buyer = params.q?.trim() || undefined;
  const amount = (text: string | undefined) => (text?.trim() ? parsePriceToMinor(text, active.currency) : undefined);
  const totalMin = amount(params.min);
  const totalMax = amount(params.max);
  const filters = { status, from: from ? params.from : undefined, to: toDay ? params.to : undefined, q: buyer, min: params.min?.trim() || undefined, max: params.max?.trim() || undefined };
  const filtered = Object.values(filters).some(Boolean);

  const list =
    totalMin === null || totalMax === null
      ? ({ data: null, error: t.badAmountFilter, code: 'BAD_REQUEST' } as const)
      : await loadOrRefusal(() =>
          caller.orders.list({
            status,
            from,
            // The day chosen is included: the list is placed before the start of the next day.
            to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined,
            buyer,
            totalMin,
            totalMax,
            cursor: params.cursor,
            limit: 25,
          }),
        );
  if (list.error !== null && list.code === 'FORBIDDEN') {
    return (
      <main className="v-page">
        <PageHeader title={t.title} />
        <EmptyState title={t.title}>
          <span data-testid="page-refused">{refusalSentence(list, t.refused)}</span>
        </EmptyState>
      </main>
    );
  }

  return (
    <main className="v-page">
      <PageHeader title={t.title} description={t.description} />
      <FilterForm action="/admin/orders" submitLabel={t.filter}>
        <SelectField name="status" label={t.status} value={status} allLabel={t.allStatuses} options={ORDER_STATUSES.map((s) => ({ value: s, label: t[s] }))} />
        <DateField name="from" label={t.from} value={filters.from} />
        <DateField name="to" label={t.to} value={filters.to} />
        <div className="v-field">
          <label htmlFor="q">{t.buyer}</label>
          <input id="q" name="q" defaultValue={buyer} placeholder={t.buyerPlaceholder} />
        </div>
        <div className="v-field">
          <label htmlFor="min">{`${t.totalMin} (${active.currency})`}</label>
          <input id="min" name="min" inputMode="decimal" size={8} defaultValue={filters.min} />
        </div>
        <div className="v-field">
          <label htmlFor="max">{`${t.totalMax} (${active.currency})`}</label>
          <input id="max" name="max" inputMode="decimal" size={8} defaultValue={filters.max} />
        </div>
      </FilterForm>
      {list.error !== null ? (
        <p className="v-alert" role="alert">
          {list.error}
        </p>
      ) : list.data.items.length === 0 ? (
        <EmptyState title={filtered ? t.noMatch : t.noOrders}>{filtered ? t.noMatchHelp : t.noOrdersHelp}</EmptyState>
      ) : (
        <Table data-testid="orders-table">
          <thead>
            <tr>
              <th>{t.number}</th>
              <th>{t.placed}</th>
              <th>{t.buyerTitle}</th>
              <th>{t.items}</th>
              <th>{t.total}</th>
              <th>{t.status}</th>
              <th>{t.refund}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link href={`/admin/orders/${o.id}`}>#{o.number}</Link>
                </td>
                <td>{formatDateTime(o.createdAt, locale)}</td>
                <td>
                  {o.buyerName}
                  <br />
                  <small>{o.buyerEmail}</small>
                </td>
                <td>{o.itemCount}</td>
                <td>{formatMinor(o.totalAmount, o.currency, locale)}</td>
                <td>
                  <Badge tone={STATUS_TONE[o.status]}>{t[o.status]}</Badge>
                </td>
                <td>{o.refundStatus === 'NONE' ? '—' : <Badge tone={REFUND_TONE[o.refundStatus]}>{t[`refund_${o.refundStatus}`]}</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {list.error === null ? (
        <PagingLinks path="/admin/orders" filters={filters} cursor={params.cursor} nextCursor={list.data.nextCursor} labels={{ first: t.firstPage, next: t.nextPage }} />
      ) : null}
    </main>
  );
}
