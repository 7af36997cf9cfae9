import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../../../src/admin/active-tenant.ts';
import { mercadolivreMessages } from '../../../../../../src/i18n/messages/mercadolivre.ts';
import { messagesFor, requestLocale } from '../../../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../../../src/server/auth.ts';
import { formatDateTime, formatMinor } from '../../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../../../src/mercadolivre/nav.tsx';

export async function generateMetadata() {
  return { title: (await messagesFor(mercadolivreMessages)).metaOrder };
}

export default async function MlOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await currentUser())) redirect(`/login?next=/admin/mercadolivre/orders/${encodeURIComponent(id)}`);
  const locale = await requestLocale();
  const t = mercadolivreMessages[locale];
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const result = await load(() => caller.mercadolivre.order({ id }));
  if (result.error !== null) {
    if (result.code === 'NOT_FOUND') notFound();
    return (
      <main className="v-page">
        <MlNav current="orders" />
        <LoadError message={result.error} />
      </main>
    );
  }
  const order = result.data;
  // Messages come from the buyer or from the seller (this store); ids compare as text whatever their type.
  const buyerId = String(order.buyerId);

  return (
    <main className="v-page">
      <PageHeader
        title={t.orderTitle(String(order.mlOrderId))}
        description={
          <>
            {`${formatDateTime(order.dateCreated, locale)} · ${order.buyerNickname ?? String(order.buyerId)} · `}
            <Badge tone={order.status === 'paid' ? 'success' : order.status === 'cancelled' ? 'danger' : 'warning'}>{t.status(order.status)}</Badge>
          </>
        }
        actions={<Link href="/admin/mercadolivre/orders">{t.allOrders}</Link>}
      />
      <MlNav current="orders" />
      <div style={{ display: 'grid', gap: 16 }}>
        <Card>
          <h2 style={{ marginTop: 0 }}>{t.itemsHeading}</h2>
          <Table data-testid="ml-order-items">
            <thead>
              <tr>
                <th>{t.colItem}</th>
                <th>{t.colSku}</th>
                <th>{t.colQuantity}</th>
                <th>{t.colUnitPrice}</th>
              </tr>
            </thead>
            <tbody>
              {order.items.map((item) => (
                <tr key={item.mlItemId}>
                  <td>
                    {item.title} <span style={{ color: 'var(--muted)' }}>{item.mlItemId}</span>
                  </td>
                  <td>{item.sellerSku ?? '—'}</td>
                  <td>{item.quantity}</td>
                  <td>{formatMinor(item.unitPriceMinor, order.currency, locale)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p>
            <strong>{t.total}</strong> {formatMinor(order.totalMinor, order.currency, locale)} · <strong>{t.paid}</strong> {formatMinor(order.paidMinor, order.currency, locale)}
            {order.packId !== null && order.packId !== undefined ? t.pack(String(order.packId)) : ''}
            {order.tags.length ? ` · ${order.tags.join(', ')}` : ''}
          </p>
        </Card>
        <Card>
          <h2 style={{ marginTop: 0 }}>{t.shipmentHeading}</h2>
          {order.shipment ? (
            <p data-testid="ml-order-shipment">
              <Badge tone={order.shipment.status === 'delivered' ? 'success' : order.shipment.status === 'cancelled' || order.shipment.status === 'not_delivered' ? 'danger' : 'warning'}>
                {t.status(order.shipment.status)}
              </Badge>
              {order.shipment.substatus ? ` ${t.status(order.shipment.substatus)}` : ''}
              {` · ${order.shipment.mode ?? t.modeUnknown}${t.tracking}`}
              {order.shipment.trackingNumber ?? t.trackingNotAssigned}
            </p>
          ) : (
            <p style={{ color: 'var(--muted)' }}>{t.noShipment}</p>
          )}
        </Card>
        <Card>
          <h2 style={{ marginTop: 0 }}>{t.messagesHeading}</h2>
          {order.messages.length === 0 ? (
            <EmptyState title={t.noMessagesTitle}>{t.noMessagesBody}</EmptyState>
          ) : (
            <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="ml-order-messages">
              {order.messages.map((message) => (
                <li key={message.id} style={{ borderBottom: '1px solid var(--border)', padding: '8px 0' }}>
                  <strong>{String(message.fromUserId) === buyerId ? t.fromBuyer : t.fromYou}</strong>{' '}
                  <span style={{ color: 'var(--muted)', fontSize: '0.85rem' }}>{`${formatDateTime(message.sentAt, locale)} · ${t.status(message.status)}`}</span>
                  <p style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{message.text}</p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </main>
  );
}
