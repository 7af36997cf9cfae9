import { Badge, Button, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { useMemo, useState } from 'react';
import type { OrderQuery, OrderView } from '../../shared/bridge.ts';
import { useOrders } from '../bridge-client.ts';
import { ErrorText } from '../error-text.tsx';
import { dayStartIso, formatDateTime, formatMinor } from '../format.ts';
import { t, wordFor } from '../i18n.ts';
import { OrderDetail } from './order-detail.tsx';
import { ORDER_STATUSES, orderStatusTone, shipmentStatusTone } from './order-status.ts';
import { useDebounced } from './use-debounced.ts';

const SEARCH_DELAY_MS = 250;

interface Filters {
  status: string;
  from: string;
  to: string;
  search: string;
}

const NO_FILTERS: Filters = { status: '', from: '', to: '', search: '' };

/** Orders of the chosen account(s): filters, a table page by page, and an order's detail. */
export function OrdersPage({ accountId }: { accountId: string | undefined }) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [openId, setOpenId] = useState<string | null>(null);
  const search = useDebounced(filters.search.trim(), SEARCH_DELAY_MS);

  const query = useMemo(() => {
    const next: Omit<OrderQuery, 'before' | 'limit'> = {};
    if (accountId) next.accountId = accountId;
    if (filters.status) next.status = filters.status;
    const from = dayStartIso(filters.from);
    if (from) next.from = from;
    // The `to` day is included: the query's end is exclusive, so it is the start of the next day.
    const to = dayStartIso(filters.to, 1);
    if (to) next.to = to;
    if (search) next.q = search;
    return next;
  }, [accountId, filters.status, filters.from, filters.to, search]);

  const orders = useOrders(query);
  const rows = orders.data?.pages.flatMap((page) => page.orders) ?? [];
  const set = (patch: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...patch }));
  const filtered = filters.status !== '' || filters.from !== '' || filters.to !== '' || filters.search !== '';

  if (openId) return <OrderDetail id={openId} onBack={() => setOpenId(null)} />;

  return (
    <>
      <PageHeader title={t.ordersTitle} description={t.ordersDescription} />

      <form className="filters v-row" role="search" aria-label={t.filters} onSubmit={(event) => event.preventDefault()}>
        <div className="v-field">
          <label htmlFor="order-status">{t.status}</label>
          <select id="order-status" value={filters.status} onChange={(event) => set({ status: event.target.value })}>
            <option value="">{t.allStatuses}</option>
            {ORDER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {wordFor(t.orderStatus, status)}
              </option>
            ))}
          </select>
        </div>
        <div className="v-field">
          <label htmlFor="order-from">{t.from}</label>
          <input id="order-from" type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => set({ from: event.target.value })} />
        </div>
        <div className="v-field">
          <label htmlFor="order-to">{t.to}</label>
          <input id="order-to" type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => set({ to: event.target.value })} />
        </div>
        <div className="v-field filters__search">
          <label htmlFor="order-search">{t.searchOrders}</label>
          <input
            id="order-search"
            type="search"
            value={filters.search}
            placeholder={t.searchPlaceholder}
            autoComplete="off"
            onChange={(event) => set({ search: event.target.value })}
          />
        </div>
        {filtered ? (
          <div className="v-field">
            <Button variant="secondary" onClick={() => setFilters(NO_FILTERS)}>
              {t.clearFilters}
            </Button>
          </div>
        ) : null}
      </form>

      <ErrorText error={orders.error} />
      {orders.isPending ? (
        <p className="muted">{t.loading}</p>
      ) : rows.length === 0 ? (
        orders.error ? null : <EmptyState title={t.noOrders}>{filtered ? t.noOrdersHint : null}</EmptyState>
      ) : (
        <>
          <div className="table-scroll">
            <Table className="orders-table" data-testid="orders-table" aria-busy={orders.isFetching}>
              <thead>
                <tr>
                  <th scope="col">{t.orderNumber}</th>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.buyer}</th>
                  <th scope="col">{t.items}</th>
                  <th scope="col" className="numeric">
                    {t.total}
                  </th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.shipment}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((order) => (
                  <OrderRow key={order.id} order={order} onOpen={() => setOpenId(order.id)} />
                ))}
              </tbody>
            </Table>
          </div>
          {orders.hasNextPage ? (
            <div className="load-more">
              <Button variant="secondary" onClick={() => void orders.fetchNextPage()} disabled={orders.isFetchingNextPage}>
                {orders.isFetchingNextPage ? t.loading : t.loadMore}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}

function OrderRow({ order, onOpen }: { order: OrderView; onOpen: () => void }) {
  return (
    <tr className="clickable-row" onClick={onOpen} data-testid="order-row">
      <td>
        <button
          type="button"
          className="link-button"
          aria-label={t.openOrder(order.mlOrderId)}
          onClick={(event) => {
            event.stopPropagation();
            onOpen();
          }}
        >
          {order.mlOrderId}
        </button>
      </td>
      <td>
        <time dateTime={order.dateCreated}>{formatDateTime(order.dateCreated)}</time>
      </td>
      <td>{order.buyerNickname ?? t.buyerId(order.buyerId)}</td>
      <td>
        <ul className="plain-list">
          {order.items.map((item) => (
            <li key={item.id}>
              {item.title} <span className="muted">× {item.quantity}</span>
            </li>
          ))}
        </ul>
      </td>
      <td className="numeric">{formatMinor(order.totalMinor, order.currency)}</td>
      <td>
        <Badge tone={orderStatusTone(order.status)}>{wordFor(t.orderStatus, order.status)}</Badge>
      </td>
      <td>
        {order.shipmentStatus ? (
          <Badge tone={shipmentStatusTone(order.shipmentStatus)}>{wordFor(t.shipmentStatus, order.shipmentStatus)}</Badge>
        ) : (
          <span className="muted">{t.noShipment}</span>
        )}
      </td>
    </tr>
  );
}
