import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { ordersMessages, type OrdersMessages } from '../../../../../src/i18n/messages/orders.ts';
import { requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { formatDateTime, formatMinor, humanize } from '../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { CancelForm, DeliverForm, RefundForm, ShipForm } from '../../../../../src/orders/order-actions.tsx';
import { refusalSentence } from '../../../../../src/orders/load-refusal.ts';
import { REFUND_TONE, STATUS_TONE } from '../../../../../src/orders/status.ts';
import { currentUser } from '../../../../../src/server/auth.ts';

export const metadata = { title: 'Order · Vitrine' };

interface Address {
  line1?: string;
  line2?: string | null;
  city?: string;
  region?: string | null;
  postalCode?: string;
  country?: string;
}

const eventLabel = (t: OrdersMessages, type: string) => (t as Record<string, string>)[`event_${type}`] ?? humanize(type);

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await currentUser())) redirect(`/login?next=/admin/orders/${encodeURIComponent(id)}`);
  const locale = await requestLocale();
  const t = ordersMessages[locale];
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const loaded = await load(() => caller.orders.get({ id }));
  if (loaded.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title={t.title} actions={<Link href="/admin/orders">{t.back}</Link>} />
        <EmptyState title={t.title}>
          <span data-testid="page-refused">{loaded.code === 'NOT_FOUND' || loaded.code === 'BAD_REQUEST' ? t.notFound : refusalSentence(loaded, t.refused)}</span>
        </EmptyState>
      </main>
    );
  }
  const order = loaded.data;
  const money = (amount: number) => formatMinor(amount, order.currency, locale);
  const address = order.shippingAddress as Address;
  const pickup = order.shippingMethod === 'pickup';
  const refundable = order.paymentIntentId ? Math.max(order.totalAmount - order.refundedAmount, 0) : 0;
  const canShip = order.status === 'PAID' && !pickup;
  const canDeliver = order.status === 'SHIPPED' || (order.status === 'PAID' && pickup);
  const canCancel = order.status === 'CREATED' || order.status === 'PAID';

  return (
    <main className="v-page">
      <PageHeader
        title={`${t.number} #${order.number}`}
        description={
          <>
            {formatDateTime(order.createdAt, locale)} · <Badge tone={STATUS_TONE[order.status]}>{t[order.status]}</Badge>{' '}
            {order.refundStatus === 'NONE' ? null : <Badge tone={REFUND_TONE[order.refundStatus]}>{t[`refund_${order.refundStatus}`]}</Badge>}
          </>
        }
        actions={
          <span className="v-row">
            <a className="v-button v-button--secondary" href={`/admin/orders/${order.id}/packing-slip`} download data-testid="packing-slip">
              {t.packingSlip}
            </a>
            <Link href="/admin/orders">{t.back}</Link>
          </span>
        }
      />
      <div className="v-grid">
        <Card>
          <h2 style={{ marginTop: 0 }}>{t.buyerTitle}</h2>
          <p>
            {order.buyerName}
            <br />
            <a href={`mailto:${order.buyerEmail}`}>{order.buyerEmail}</a>
          </p>
        </Card>
        <Card>
          <h2 style={{ marginTop: 0 }}>{pickup ? t.pickupTitle : t.addressTitle}</h2>
          {pickup ? (
            <p>{order.shippingMethodName}</p>
          ) : (
            <address style={{ fontStyle: 'normal' }} data-testid="order-address">
              {address.line1}
              {address.line2 ? (
                <>
                  <br />
                  {address.line2}
                </>
              ) : null}
              <br />
              {[address.postalCode, address.city, address.region].filter(Boolean).join(' ')}
              <br />
              {address.country}
            </address>
          )}
          {order.carrier ? (
            <p data-testid="order-tracking">
              <strong>{t.trackingTitle}:</strong> {order.carrier} · {order.trackingNumber}
            </p>
          ) : null}
        </Card>
        <Card>
          <h2 style={{ marginTop: 0 }}>{t.paymentTitle}</h2>
          {order.paidAt ? (
            <p>
              {t.paidAt} {formatDateTime(order.paidAt, locale)}
              {order.paymentIntentId ? (
                <>
                  <br />
                  <small>
                    {t.paymentReference}: {order.paymentIntentId}
                  </small>
                </>
              ) : null}
            </p>
          ) : (
            <p>{t.notPaid}</p>
          )}
          <p data-testid="order-refund-state">
            {t[`refund_${order.refundStatus}`]}
            {order.refundedAmount > 0 ? ` · ${t.refunded}: ${money(order.refundedAmount)}` : null}
            {order.paymentIntentId ? ` · ${t.refundable}: ${money(refundable)}` : null}
          </p>
          {order.refunds.length > 0 ? (
            <>
              <h3>{t.refundsTitle}</h3>
              <ul>
                {order.refunds.map((r) => (
                  <li key={r.id}>
                    {formatDateTime(r.createdAt, locale)} · {money(r.amount)} <small>({r.providerRefundId})</small>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      </div>

      <h2>{t.items}</h2>
      <Table data-testid="order-items">
        <thead>
          <tr>
            <th>{t.product}</th>
            <th>{t.sku}</th>
            <th>{t.quantity}</th>
            <th>{t.unitPrice}</th>
            <th>{t.lineTotal}</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id}>
              <td>
                {item.title}
                {item.variantLabel ? <small> ({item.variantLabel})</small> : null}
              </td>
              <td>{item.sku}</td>
              <td>{item.quantity}</td>
              <td>{money(item.unitPriceAmount)}</td>
              <td>{money(item.lineTotalAmount)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Table data-testid="order-totals" aria-label={t.totalsTitle} style={{ maxWidth: 420, marginLeft: 'auto', marginTop: 12 }}>
        <tbody>
          <tr>
            <th scope="row">{t.subtotal}</th>
            <td>{money(order.subtotalAmount)}</td>
          </tr>
          {order.discountAmount > 0 ? (
            <tr>
              <th scope="row">
                {t.discount}
                {order.couponCode ? ` (${order.couponCode})` : null}
              </th>
              <td>−{money(order.discountAmount)}</td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">
              {t.shippingMethod} ({order.shippingMethodName})
            </th>
            <td>{money(order.shippingAmount)}</td>
          </tr>
          {order.taxAmount > 0 ? (
            <tr>
              <th scope="row">{t.tax}</th>
              <td>{money(order.taxAmount)}</td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">{t.total}</th>
            <td>
              <strong>{money(order.totalAmount)}</strong>
            </td>
          </tr>
        </tbody>
      </Table>

      <h2>{t.actionsTitle}</h2>
      {!canShip && !canDeliver && !canCancel && refundable === 0 ? <p>{t.noActions}</p> : null}
      <div className="v-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' }}>
        {canShip ? (
          <Card>
            <h3 style={{ marginTop: 0 }}>{t.ship}</h3>
            <ShipForm locale={locale} id={order.id} />
          </Card>
        ) : null}
        {canDeliver ? (
          <Card>
            <h3 style={{ marginTop: 0 }}>{t.deliver}</h3>
            <DeliverForm locale={locale} id={order.id} />
          </Card>
        ) : null}
        {refundable > 0 ? (
          <Card>
            <h3 style={{ marginTop: 0 }}>{t.refundAction}</h3>
            <RefundForm locale={locale} id={order.id} currency={order.currency} refundableText={money(refundable)} />
          </Card>
        ) : null}
        {canCancel ? (
          <Card>
            <h3 style={{ marginTop: 0 }}>{t.cancel}</h3>
            <CancelForm locale={locale} id={order.id} />
          </Card>
        ) : null}
      </div>

      <h2>{t.timelineTitle}</h2>
      <ol data-testid="order-timeline">
        {order.events.map((e) => (
          <li key={e.id}>
            <strong>{eventLabel(t, e.type)}</strong> · {formatDateTime(e.createdAt, locale)}
            {e.note ? ` · ${e.note}` : null}
            {e.actorUserId ? <small> ({t.byMember})</small> : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
