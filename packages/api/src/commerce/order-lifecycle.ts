import type { Database, Order, OrderStatus, ScopedTransaction } from '@vitrine/db';
import { formatMoney } from './money.ts';
import { enqueueOrderNotice, notificationStore, type NotificationStore } from './notifications/notify.ts';
import { refundStatusOf } from './order-status.ts';

/**
 * What payment notices do to an order. A Stripe webhook handler calls these; each is idempotent and safe out of
 * order: it locks the order row (SELECT … FOR UPDATE), looks at what was already recorded (the provider's id on
 * the order's events and refunds), and a repeated notice changes nothing (`changed: false`).
 */
export interface LifecycleResult {
  changed: boolean;
  order: Pick<Order, 'id' | 'number' | 'status' | 'refundStatus' | 'refundedAmount' | 'totalAmount' | 'paidAt'>;
}

export class OrderNotFoundError extends Error {
  override name = 'OrderNotFoundError';
  constructor(readonly orderId: string) {
    super(`Order ${orderId} does not exist in this store.`);
  }
}

/** The order, its row locked until the transaction ends (null when the store has no such order). */
export async function lockOrder(tx: ScopedTransaction, orderId: string): Promise<Order | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.order.findUnique({ where: { id: orderId } });
}

/**
 * Gives back what an order held: its items' stock (variants still there) and its coupon use. Called once, when the
 * order becomes CANCELLED (the locked status check makes that the only time).
 */
export async function releaseReservation(tx: ScopedTransaction, orderId: string): Promise<void> {
  const items = await tx.orderItem.findMany({ where: { orderId, variantId: { not: null } }, orderBy: { variantId: 'asc' } });
  for (const item of items) {
    await tx.$executeRaw`UPDATE product_variants SET stock = stock + ${item.quantity}, updated_at = now() WHERE id = ${item.variantId}`;
  }
  const redemption = await tx.couponRedemption.findFirst({ where: { orderId } });
  if (redemption) {
    await tx.couponRedemption.delete({ where: { id: redemption.id } });
    await tx.$executeRaw`UPDATE coupons SET used_count = GREATEST(used_count - 1, 0), updated_at = now() WHERE id = ${redemption.couponId}`;
  }
}

interface StatusChange {
  to: OrderStatus;
  type: string;
  note?: string | null;
  reference?: string | null;
  actorUserId?: string | null;
  data?: Partial<Pick<Order, 'paidAt' | 'shippedAt' | 'deliveredAt' | 'cancelledAt' | 'paymentIntentId' | 'checkoutSessionId' | 'carrier' | 'trackingNumber'>>;
}

/** Moves a locked order to another status and writes the timeline event (the caller checked the transition). */
export async function changeStatus(tx: ScopedTransaction, order: Order, change: StatusChange): Promise<Order> {
  const updated = await tx.order.update({ where: { id: order.id }, data: { status: change.to, ...change.data } });
  await tx.orderEvent.create({
    data: {
      tenantId: order.tenantId,
      orderId: order.id,
      type: change.type,
      fromStatus: order.status,
      toStatus: change.to,
      note: change.note ?? null,
      reference: change.reference ?? null,
      actorUserId: change.actorUserId ?? null,
    },
  });
  return updated;
}

async function note(tx: ScopedTransaction, order: Order, type: string, text: string, reference: string): Promise<void> {
  await tx.orderEvent.create({ data: { tenantId: order.tenantId, orderId: order.id, type, note: text, reference } });
}

const resultOf = (order: Order, changed: boolean): LifecycleResult => ({
  changed,
  order: {
    id: order.id,
    number: order.number,
    status: order.status,
    refundStatus: order.refundStatus,
    refundedAmount: order.refundedAmount,
    totalAmount: order.totalAmount,
    paidAt: order.paidAt,
  },
});

async function inOrderTransaction(
  db: Database,
  tenantId: string,
  orderId: string,
  fn: (tx: ScopedTransaction, order: Order, store: NotificationStore) => Promise<LifecycleResult>,
): Promise<LifecycleResult> {
  const [tdb, store] = await Promise.all([db.forTenant(tenantId), notificationStore(db, tenantId)]);
  return tdb.$scoped(async (tx) => fn(tx, await lockedOrder(tx, orderId), store));
}

/** The order with its row locked, or OrderNotFoundError (for handlers working in a transaction they were given). */
export async function lockedOrder(tx: ScopedTransaction, orderId: string): Promise<Order> {
  const order = await lockOrder(tx, orderId);
  if (!order) throw new OrderNotFoundError(orderId);
  return order;
}

export interface PaymentNotice {
  paymentIntentId: string;
  /** What the provider collected, minor units of the order's currency. */
  amount: number;
  checkoutSessionId?: string;
}

/**
 * A payment succeeded. CREATED → PAID when the amount is the order's total. Otherwise the order does not move and
 * the timeline says why: a different amount (payment_mismatch), a payment for an order cancelled meanwhile
 * (payment_after_cancel: refund it), or a second payment of a paid order (duplicate_payment: refund it).
 * A payment intent already recorded on the order's timeline changes nothing.
 */
export async function markOrderPaid(db: Database, tenantId: string, orderId: string, payment: PaymentNotice): Promise<LifecycleResult> {
  return inOrderTransaction(db, tenantId, orderId, (tx, order, store) => applyPayment(tx, order, payment, store));
}

/**
 * markOrderPaid's work on an order locked in the caller's transaction; the buyer's confirmation (email, and
 * WhatsApp with a phone) is written to the outbox in the same transaction as CREATED → PAID, so it goes once.
 */
export async function applyPayment(tx: ScopedTransaction, order: Order, payment: PaymentNotice, store: NotificationStore): Promise<LifecycleResult> {
  const orderId = order.id;
  const seen = await tx.orderEvent.findFirst({ where: { orderId, reference: payment.paymentIntentId }, select: { id: true } });
  if (seen) return resultOf(order, false);
  const received = formatMoney(payment.amount, order.currency);
  if (order.status === 'CREATED') {
    if (payment.amount !== order.totalAmount) {
      const due = formatMoney(order.totalAmount, order.currency);
      await note(tx, order, 'payment_mismatch', `Received ${received} for a total of ${due}; the order stays unpaid.`, payment.paymentIntentId);
      return resultOf(order, true);
    }
    const paid = await changeStatus(tx, order, {
      to: 'PAID',
      type: 'paid',
      reference: payment.paymentIntentId,
      data: { paidAt: new Date(), paymentIntentId: payment.paymentIntentId, checkoutSessionId: payment.checkoutSessionId ?? order.checkoutSessionId },
    });
    await enqueueOrderNotice(tx, store, paid, 'confirmation');
    return resultOf(paid, true);
  }
  if (order.status === 'CANCELLED' && !order.paymentIntentId) {
    const updated = await tx.order.update({
      where: { id: order.id },
      data: { paymentIntentId: payment.paymentIntentId, paidAt: new Date(), checkoutSessionId: payment.checkoutSessionId ?? order.checkoutSessionId },
    });
    await note(tx, order, 'payment_after_cancel', `Received ${received} after the order was cancelled: refund it.`, payment.paymentIntentId);
    return resultOf(updated, true);
  }
  await note(tx, order, 'duplicate_payment', `Received another payment of ${received}: refund it.`, payment.paymentIntentId);
  return resultOf(order, true);
}

export interface RefundNotice {
  refundId: string;
  /** Minor units refunded by this refund. */
  amount: number;
}

/**
 * A refund was made. Counted once per refund id (order_refunds is unique on it); the refund state follows the
 * total refunded (PARTIAL / FULL) whatever the order's status, so a refund heard before the payment still counts.
 */
export async function recordRefund(
  db: Database,
  tenantId: string,
  orderId: string,
  refund: RefundNotice,
  /** Runs in the same transaction once the refund is recorded (e.g. the audit row of the member who asked for it). */
  andThen?: (tx: ScopedTransaction, result: LifecycleResult) => Promise<void>,
): Promise<LifecycleResult> {
  if (!Number.isInteger(refund.amount) || refund.amount <= 0) throw new RangeError('A refund amount is a positive whole number of minor units.');
  return inOrderTransaction(db, tenantId, orderId, async (tx, order, store) => {
    const result = await applyRefund(tx, order, refund, store);
    await andThen?.(tx, result);
    return result;
  });
}

/** recordRefund's work on an order locked in the caller's transaction; the buyer is told of each refund once. */
export async function applyRefund(tx: ScopedTransaction, order: Order, refund: RefundNotice, store: NotificationStore): Promise<LifecycleResult> {
  if (!Number.isInteger(refund.amount) || refund.amount <= 0) throw new RangeError('A refund amount is a positive whole number of minor units.');
  const seen = await tx.orderRefund.findFirst({ where: { providerRefundId: refund.refundId }, select: { orderId: true } });
  if (seen) return resultOf(order, false);
  await tx.orderRefund.create({ data: { tenantId: order.tenantId, orderId: order.id, providerRefundId: refund.refundId, amount: refund.amount } });
  const refundedAmount = order.refundedAmount + refund.amount;
  const updated = await tx.order.update({
    where: { id: order.id },
    data: { refundedAmount, refundStatus: refundStatusOf(refundedAmount, order.totalAmount) },
  });
  await note(tx, order, 'refund', `Refunded ${formatMoney(refund.amount, order.currency)}.`, refund.refundId);
  await enqueueOrderNotice(tx, store, updated, 'refund', { refund: { id: refund.refundId, amount: refund.amount } });
  return resultOf(updated, true);
}

/**
 * An unpaid order's time ran out (the checkout session expired): CREATED → CANCELLED, its stock and coupon use
 * given back. Any other status changes nothing (a paid order never expires; a cancelled one was released already).
 */
export async function expireUnpaidOrder(db: Database, tenantId: string, orderId: string): Promise<LifecycleResult> {
  return inOrderTransaction(db, tenantId, orderId, (tx, order) => applyExpiry(tx, order));
}

/** expireUnpaidOrder's work on an order locked in the caller's transaction. */
export async function applyExpiry(tx: ScopedTransaction, order: Order): Promise<LifecycleResult> {
  if (order.status !== 'CREATED') return resultOf(order, false);
  await releaseReservation(tx, order.id);
  const cancelled = await changeStatus(tx, order, {
    to: 'CANCELLED',
    type: 'expired',
    note: 'Not paid in time: the stock and the coupon use were given back.',
    data: { cancelledAt: new Date() },
  });
  return resultOf(cancelled, true);
}
