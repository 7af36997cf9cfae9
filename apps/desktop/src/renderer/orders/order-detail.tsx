import { Badge, Button, Card, PageHeader, Table } from '@vitrine/ui';
import { useEffect, useRef } from 'react';
import type { OrderDetailView } from '../../shared/bridge.ts';
import { useOrder } from '../bridge-client.ts';
import { ErrorText } from '../error-text.tsx';
import { formatDateTime, formatMinor } from '../format.ts';
import { t, wordFor } from '../i18n.ts';
import { orderStatusTone, shipmentStatusTone } from './order-status.ts';

/** One order: items, payment, shipment and the messages exchanged with the buyer. Escape goes back. */
export function OrderDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const order = useOrder(id);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  useEffect(() => {
    if (order.data) heading.current?.focus();
  }, [order.data]);

  const back = (
    <Button variant="secondary" onClick={onBack}>
      ← {t.backToOrders}
    </Button>
  );

  if (order.isPending) return <p className="muted">{t.loading}</p>;
  if (order.error || !order.data) {
    return (
      <>
        <PageHeader title={t.ordersTitle} actions={back} />
        {order.error ? <ErrorText error={order.error} /> : <p className="v-alert">{t.orderNotFound}</p>}
      </>
    );
  }

  const detail = order.data;
  return (
    <div className="order-detail" data-testid="order-detail">
      <header className="v-page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {t.orderTitle(detail.mlOrderId)}
          </h1>
          <p>
            <Badge tone={orderStatusTone(detail.status)}>{wordFor(t.orderStatus, detail.status)}</Badge>{' '}
            <span className="muted">
              {t.createdAt} {formatDateTime(detail.dateCreated)}
              {detail.dateClosed ? ` · ${t.closedAt} ${formatDateTime(detail.dateClosed)}` : ''}
            </span>
          </p>
        </div>
        <div>{back}</div>
      </header>

      <dl className="facts">
        <div>
          <dt>{t.buyer}</dt>
          <dd>{detail.buyerNickname ?? t.buyerId(detail.buyerId)}</dd>
        </div>
        {detail.packId ? (
          <div>
            <dt>{t.pack}</dt>
            <dd>{detail.packId}</dd>
          </div>
        ) : null}
        {detail.tags.length > 0 ? (
          <div>
            <dt>{t.tags}</dt>
            <dd>{detail.tags.join(', ')}</dd>
          </div>
        ) : null}
      </dl>

      <section aria-labelledby="order-items-title" className="detail-section">
        <h2 id="order-items-title">{t.items}</h2>
        <div className="table-scroll">
          <Table>
            <thead>
              <tr>
                <th scope="col">{t.item}</th>
                <th scope="col">{t.sku}</th>
                <th scope="col" className="numeric">
                  {t.quantity}
                </th>
                <th scope="col" className="numeric">
                  {t.unitPrice}
                </th>
              </tr>
            </thead>
            <tbody>
              {detail.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    {item.title}
                    <div className="muted small">
                      {item.mlItemId}
                      {item.variationId ? ` · ${t.variation} ${item.variationId}` : ''}
                    </div>
                  </td>
                  <td>{item.sellerSku ?? '—'}</td>
                  <td className="numeric">{item.quantity}</td>
                  <td className="numeric">{formatMinor(item.unitPriceMinor, item.currency)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </section>

      <div className="detail-grid">
        <Payment detail={detail} />
        <Shipment detail={detail} />
      </div>

      <Messages detail={detail} />
    </div>
  );
}

function Payment({ detail }: { detail: OrderDetailView }) {
  return (
    <Card>
      <section aria-labelledby="payment-title">
        <h2 id="payment-title">{t.payment}</h2>
        <dl className="facts facts--stacked">
          <div>
            <dt>{t.total}</dt>
            <dd data-testid="order-total">{formatMinor(detail.totalMinor, detail.currency)}</dd>
          </div>
          <div>
            <dt>{t.paid}</dt>
            <dd>{detail.paidMinor !== null ? formatMinor(detail.paidMinor, detail.currency) : <span className="muted">{t.notPaid}</span>}</dd>
          </div>
          <div>
            <dt>{t.status}</dt>
            <dd>
              <Badge tone={orderStatusTone(detail.status)}>{wordFor(t.orderStatus, detail.status)}</Badge>
            </dd>
          </div>
        </dl>
      </section>
    </Card>
  );
}

function Shipment({ detail }: { detail: OrderDetailView }) {
  const shipment = detail.shipment;
  return (
    <Card>
      <section aria-labelledby="shipment-title">
        <h2 id="shipment-title">{t.shipment}</h2>
        {shipment ? (
          <dl className="facts facts--stacked">
            <div>
              <dt>{t.status}</dt>
              <dd>
                <Badge tone={shipmentStatusTone(shipment.status)}>{wordFor(t.shipmentStatus, shipment.status)}</Badge>
              </dd>
            </div>
            {shipment.substatus ? (
              <div>
                <dt>{t.substatus}</dt>
                <dd>{shipment.substatus.replace(/_/g, ' ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t.trackingNumber}</dt>
              <dd data-testid="tracking-number">{shipment.trackingNumber ?? '—'}</dd>
            </div>
            <div>
              <dt>{t.logisticType}</dt>
              <dd>{shipment.logisticType?.replace(/_/g, ' ') ?? '—'}</dd>
            </div>
            {shipment.mode ? (
              <div>
                <dt>{t.mode}</dt>
                <dd>{shipment.mode}</dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <p className="muted">{t.noShipmentYet}</p>
        )}
      </section>
    </Card>
  );
}

function Messages({ detail }: { detail: OrderDetailView }) {
  return (
    <section aria-labelledby="messages-title" className="detail-section">
      <h2 id="messages-title">{t.messages}</h2>
      {detail.messages.length === 0 ? (
        <p className="muted">{t.noMessages}</p>
      ) : (
        <ol className="messages">
          {detail.messages.map((message) => {
            const fromBuyer = message.fromUserId === detail.buyerId;
            return (
              <li key={message.id} className={`message ${fromBuyer ? 'message--buyer' : 'message--seller'}`}>
                <p className="message__meta muted">
                  {fromBuyer ? (detail.buyerNickname ?? t.fromBuyer) : t.fromSeller} · <time dateTime={message.sentAt}>{formatDateTime(message.sentAt)}</time>
                </p>
                <p className="message__text">{message.text}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
