import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../../../src/server/auth.ts';
import { formatDateTime, formatMinor, humanize } from '../../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../../../src/mercadolivre/nav.tsx';

export const metadata = { title: 'Mercado Livre order · Vitrine' };

export default async function MlOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await currentUser())) redirect(`/login?next=/admin/mercadolivre/orders/${encodeURIComponent(id)}`);
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
        title={`Order #${String(order.mlOrderId)}`}
        description={
          <>
            {`${formatDateTime(order.dateCreated)} · ${order.buyerNickname ?? String(order.buyerId)} · `}
            <Badge tone={order.status === 'paid' ? 'success' : order.status === 'cancelled' ? 'danger' : 'warning'}>{humanize(order.status)}</Badge>
          </>
        }
        actions={<Link href="/admin/mercadolivre/orders">All orders</Link>}
      />
      <MlNav current="orders" />
      <div style={{ display: 'grid', gap: 16 }}>
        <Card>
          <h2 style={{ marginTop: 0 }}>Items</h2>
          <Table data-testid="ml-order-items">
            <thead>
              <tr>
                <th>Item</th>
                <th>SKU</th>
                <th>Quantity</th>
                <th>Unit price</th>
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
                  <td>{formatMinor(item.unitPriceMinor, order.currency)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p>
            <strong>Total</strong> {formatMinor(order.totalMinor, order.currency)} · <strong>Paid</strong> {formatMinor(order.paidMinor, order.currency)}
            {order.packId !== null && order.packId !== undefined ? ` · pack ${String(order.packId)}` : ''}
            {order.tags.length ? ` · ${order.tags.join(', ')}` : ''}
          </p>
        </Card>
        <Card>
          <h2 style={{ marginTop: 0 }}>Shipment</h2>
          {order.shipment ? (
            <p data-testid="ml-order-shipment">
              <Badge tone={order.shipment.status === 'delivered' ? 'success' : order.shipment.status === 'cancelled' || order.shipment.status === 'not_delivered' ? 'danger' : 'warning'}>
                {humanize(order.shipment.status)}
              </Badge>
              {order.shipment.substatus ? ` ${humanize(order.shipment.substatus)}` : ''}
              {` · ${order.shipment.mode ?? 'mode unknown'} · tracking `}
              {order.shipment.trackingNumber ?? 'not yet assigned'}
            </p>
          ) : (
            <p style={{ color: 'var(--muted)' }}>No shipment for this order (collected in person or not yet created).</p>
          )}
        </Card>
        <Card>
          <h2 style={{ marginTop: 0 }}>Messages</h2>
          {order.messages.length === 0 ? (
            <EmptyState title="No messages">Nobody has written about this order yet.</EmptyState>
          ) : (
            <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="ml-order-messages">
              {order.messages.map((message) => (
                <li key={message.id} style={{ borderBottom: '1px solid var(--border)', padding: '8px 0' }}>
                  <strong>{String(message.fromUserId) === buyerId ? 'Buyer' : 'You'}</strong>{' '}
                  <span style={{ color: 'var(--muted)', fontSize: '0.85rem' }}>{`${formatDateTime(message.sentAt)} · ${humanize(message.status)}`}</span>
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
