import type { Database, ScopedTransaction } from '@vitrine/db';
import type { Stripe, StripeEventHandlers } from '@vitrine/payments';
import { paymentIntentIdOf } from './checkout-session.ts';
import { notificationStore } from './notifications/notify.ts';
import { applyExpiry, applyPayment, applyRefund, lockOrder } from './order-lifecycle.ts';

/**
 * The store events of a Checkout purchase (sent by the store's own Stripe account, or the platform's, to
 * /api/webhooks/stripe): each runs in the store's transaction the event processor opened, locks the order, and
 * leaves the order, its stock, its coupon use and its notices exactly as one delivery would, whatever the number
 * of deliveries and their order (the lifecycle functions are idempotent by the provider's ids).
 */

const orderIdOf = (metadata: Stripe.Metadata | null | undefined) => (typeof metadata?.order_id === 'string' && metadata.order_id ? metadata.order_id : null);

/** The order the event names, locked; null (with the reason) when this store has no such order. */
async function orderOf(tx: ScopedTransaction, metadata: Stripe.Metadata | null | undefined) {
  const orderId = orderIdOf(metadata);
  if (!orderId) return { order: null, note: 'The event names no order (metadata.order_id); nothing to do.' } as const;
  const order = await lockOrder(tx, orderId);
  return order ? ({ order, note: null } as const) : ({ order: null, note: `Order ${orderId} is not an order of this store; nothing to do.` } as const);
}

/** Refunds are counted once each, by Stripe's refund id; these are the ones Stripe counts as money given back. */
const COUNTED_REFUND = new Set(['succeeded', 'pending', 'requires_action']);

/**
 * The refunds of a charge: listed in the event when Stripe included them, otherwise the verified `refund.created`
 * events this platform received for the charge (webhook payloads no longer embed `charge.refunds`).
 */
async function refundsOfCharge(db: Database, charge: Stripe.Charge): Promise<{ id: string; amount: number }[]> {
  const embedded = (charge as { refunds?: { data?: Stripe.Refund[]; has_more?: boolean } | null }).refunds;
  if (embedded?.data && !embedded.has_more) return embedded.data.filter((r) => COUNTED_REFUND.has(r.status ?? '')).map((r) => ({ id: r.id, amount: r.amount }));
  const received = await db.platform.webhookEvent.findMany({
    where: { provider: 'stripe', type: 'refund.created', payload: { path: ['data', 'object', 'charge'], equals: charge.id } },
    select: { payload: true },
  });
  const byId = new Map<string, number>();
  for (const row of received) {
    const refund = (row.payload as unknown as Stripe.Event).data.object as Stripe.Refund;
    if (COUNTED_REFUND.has(refund.status ?? '')) byId.set(refund.id, refund.amount);
  }
  return [...byId].map(([id, amount]) => ({ id, amount }));
}

export const orderStripeEventHandlers: StripeEventHandlers = {
  /** The buyer paid on the hosted page: CREATED → PAID (and the confirmation notice), once. */
  'checkout.session.completed': {
    scope: 'tenant',
    handle: async ({ event, tenantId, tx, db }) => {
      const session = event.data.object;
      if (session.mode !== 'payment') return `Checkout Session ${session.id} is not a payment; nothing to do.`;
      const { order, note } = await orderOf(tx, session.metadata);
      if (!order) return note;
      const paymentIntentId = paymentIntentIdOf(session.payment_intent);
      if (session.payment_status !== 'paid' || !paymentIntentId || session.amount_total === null) {
        return `Checkout Session ${session.id} of order #${order.number} is ${session.payment_status}; waiting for the payment.`;
      }
      const result = await applyPayment(tx, order, { paymentIntentId, amount: session.amount_total, checkoutSessionId: session.id }, await notificationStore(db, tenantId));
      return result.changed ? `Order #${order.number}: payment ${paymentIntentId} recorded (${result.order.status}).` : `Order #${order.number}: payment ${paymentIntentId} was recorded before.`;
    },
  },

  /** The hosted page closed unpaid: the order is cancelled and its stock and coupon use given back (a paid one stays). */
  'checkout.session.expired': {
    scope: 'tenant',
    handle: async ({ event, tx }) => {
      const session = event.data.object;
      const { order, note } = await orderOf(tx, session.metadata);
      if (!order) return note;
      if (order.checkoutSessionId && order.checkoutSessionId !== session.id) return `Order #${order.number} is paid through another Checkout Session; nothing to do.`;
      const result = await applyExpiry(tx, order);
      return result.changed ? `Order #${order.number} expired unpaid: cancelled, stock and coupon given back.` : `Order #${order.number} is ${order.status}; an expired session changes nothing.`;
    },
  },

  /** Money went back to the buyer: each refund of the charge is recorded once (refund state and notice). */
  'charge.refunded': {
    scope: 'tenant',
    handle: async ({ event, tenantId, tx, db }) => {
      const charge = event.data.object;
      const { order: locked, note } = await orderOf(tx, charge.metadata);
      if (!locked) return note;
      const store = await notificationStore(db, tenantId);
      let order = locked;
      const recorded: string[] = [];
      for (const refund of await refundsOfCharge(db, charge)) {
        const result = await applyRefund(tx, order, { refundId: refund.id, amount: refund.amount }, store);
        if (result.changed) recorded.push(refund.id);
        order = (await tx.order.findUniqueOrThrow({ where: { id: order.id } }));
      }
      const counted = await tx.orderRefund.aggregate({ where: { orderId: order.id }, _sum: { amount: true } });
      if ((counted._sum.amount ?? 0) < charge.amount_refunded) {
        // A refund.created event of this charge has not arrived yet: the queue tries again (nothing is kept).
        throw new Error(`Charge ${charge.id} has ${charge.amount_refunded} refunded but order #${order.number} knows of ${counted._sum.amount ?? 0}; waiting for its refund events.`);
      }
      return recorded.length ? `Order #${order.number}: refunds ${recorded.join(', ')} recorded.` : `Order #${order.number}: every refund was recorded before.`;
    },
  },
};
