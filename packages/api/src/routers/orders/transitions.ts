import type { Order, OrderStatus, ScopedTransaction } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { conflict, notFound } from '../../errors.ts';
import { changeStatus, lockOrder, releaseReservation } from '../../commerce/order-lifecycle.ts';
import { enqueueOrderNotice, notificationStore } from '../../commerce/notifications/notify.ts';
import { transitionProblem } from '../../commerce/order-status.ts';
import type { TenantContext } from '../../trpc.ts';
import { ORDER_NOT_FOUND, orderDetail } from './detail.ts';
import type { CancelOrderInput, MarkShippedInput, OrderIdInput } from './inputs.ts';

/**
 * An admin moves an order along: the order row is locked, the move checked against the state machine
 * (commerce/order-status.ts; a refused move is a CONFLICT saying why), the change, its timeline event and its audit
 * row written in one transaction.
 */
async function transition(
  ctx: TenantContext,
  id: string,
  to: OrderStatus,
  apply: (tx: ScopedTransaction, order: Order) => Promise<Order>,
  auditData: (order: Order) => Record<string, string | number | null>,
) {
  await ctx.tdb.$scoped(async (tx) => {
    const order = await lockOrder(tx, id);
    if (!order) throw notFound(ORDER_NOT_FOUND);
    const problem = transitionProblem(order, to);
    if (problem) throw conflict(problem);
    const updated = await apply(tx, order);
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: `order.${to.toLowerCase()}`,
      targetType: 'order',
      targetId: order.id,
      data: { number: order.number, from: order.status, to: updated.status, ...auditData(updated) },
    });
  });
  return orderDetail(ctx, { id });
}

/** Marks an order shipped; the buyer is told (carrier and tracking number) in the same transaction, once. */
export async function markShipped(ctx: TenantContext, input: MarkShippedInput) {
  const store = await notificationStore(ctx.db, ctx.tenant.id);
  return transition(
    ctx,
    input.id,
    'SHIPPED',
    async (tx, order) => {
      const shipped = await changeStatus(tx, order, {
        to: 'SHIPPED',
        type: 'shipped',
        note: `${input.carrier} ${input.trackingNumber}`,
        actorUserId: ctx.user.id,
        data: { shippedAt: new Date(), carrier: input.carrier, trackingNumber: input.trackingNumber },
      });
      await enqueueOrderNotice(tx, store, shipped, 'shipped');
      return shipped;
    },
    (o) => ({ carrier: o.carrier, trackingNumber: o.trackingNumber }),
  );
}

export function markDelivered(ctx: TenantContext, input: OrderIdInput) {
  return transition(
    ctx,
    input.id,
    'DELIVERED',
    (tx, order) => changeStatus(tx, order, { to: 'DELIVERED', type: 'delivered', actorUserId: ctx.user.id, data: { deliveredAt: new Date() } }),
    () => ({}),
  );
}

/** Cancels an order not shipped yet: its stock and coupon use are given back. A paid order still needs its refund. */
export function cancelOrder(ctx: TenantContext, input: CancelOrderInput) {
  return transition(
    ctx,
    input.id,
    'CANCELLED',
    async (tx, order) => {
      await releaseReservation(tx, order.id);
      const paid = order.status === 'PAID';
      const note = [input.reason, paid ? 'The payment still needs to be refunded.' : null].filter(Boolean).join(' ') || null;
      return changeStatus(tx, order, { to: 'CANCELLED', type: 'cancelled', note, actorUserId: ctx.user.id, data: { cancelledAt: new Date() } });
    },
    () => ({ reason: input.reason ?? null }),
  );
}
