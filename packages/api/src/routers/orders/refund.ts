import { TRPCError } from '@trpc/server';
import type { Order } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { conflict, notFound } from '../../errors.ts';
import { formatMoney } from '../../commerce/money.ts';
import { recordRefund } from '../../commerce/order-lifecycle.ts';
import { storeStripeClient } from '../../commerce/store-stripe.ts';
import type { TenantContext } from '../../trpc.ts';
import { ORDER_NOT_FOUND, orderDetail } from './detail.ts';
import type { RefundOrderInput } from './inputs.ts';

/** The cause of a refusal about one field, shaped like zod's issues so the admin form shows it beside the field. */
class AmountRefusal extends Error {
  override name = 'AmountRefusal';
  readonly issues = [{ path: ['amount'], message: this.message }];
}

const refuseAmount = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message, cause: new AmountRefusal(message) });

/** What is left to give back of an order's payment, in minor units. */
export const refundableOf = (order: Pick<Order, 'totalAmount' | 'refundedAmount'>) => Math.max(order.totalAmount - order.refundedAmount, 0);

/**
 * The key Stripe replays a refund by: the same order, the amount refunded so far and this amount. A retried
 * request (a double click, a timeout after Stripe refunded) gets the same refund back instead of a second one;
 * a deliberate second refund comes after the first was recorded, so its key differs.
 */
export const refundIdempotencyKey = (order: Pick<Order, 'id' | 'refundedAmount'>, amount: number) =>
  `vitrine-refund-${order.id}-${order.refundedAmount}-${amount}`;

/** What Vitrine asks Stripe for: the same for a retried request, so its Idempotency-Key replays the first answer. */
export const refundParams = (tenantId: string, order: Pick<Order, 'id' | 'number' | 'paymentIntentId'>, amount: number) => ({
  payment_intent: order.paymentIntentId!,
  amount,
  metadata: { tenant_id: tenantId, order_id: order.id, order_number: String(order.number) },
});

function refusalFromStripe(error: unknown, order: Order, amount: number): TRPCError {
  const e = (error ?? {}) as { type?: string; code?: string; message?: string };
  const label = `Order #${order.number}`;
  if (e.code === 'amount_too_large') {
    return refuseAmount(`Stripe has less than ${formatMoney(amount, order.currency)} left to refund on ${label}; refund a smaller amount.`);
  }
  if (e.code === 'charge_already_refunded') return conflict(`Stripe has refunded ${label} in full already.`);
  if (e.type === 'StripeAuthenticationError' || e.type === 'StripePermissionError') {
    return new TRPCError({ code: 'PRECONDITION_FAILED', message: "Stripe refused the store's secret key; enter the keys again in Setup → Payments." });
  }
  if (e.type === 'StripeInvalidRequestError') return conflict(`Stripe refused the refund of ${label}: ${e.message ?? 'no reason given'}`);
  if (e.type === 'StripeConnectionError' || e.type === 'StripeAPIError' || e.type === 'StripeRateLimitError') {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Stripe could not be reached; nothing was refunded. Try again in a moment.', cause: error });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
}

/**
 * Refunds all or part of what remains of an order's payment, on the store's own Stripe account, then records it
 * (recordRefund, idempotent by the refund id, so the charge.refunded webhook that follows changes nothing) and
 * audits it. More than remains is refused before Stripe is asked; Stripe refuses it too if two refunds race.
 */
export async function refundOrder(ctx: TenantContext, input: RefundOrderInput) {
  const order = await ctx.tdb.order.findFirst({ where: { id: input.id } });
  if (!order) throw notFound(ORDER_NOT_FOUND);
  const label = `Order #${order.number}`;
  if (!order.paymentIntentId) throw conflict(`${label} has no payment to refund.`);
  const remaining = refundableOf(order);
  if (remaining === 0) throw conflict(`${label} was refunded in full already.`);
  const amount = input.amount ?? remaining;
  if (amount > remaining) {
    const money = (v: number) => formatMoney(v, order.currency);
    const already = order.refundedAmount > 0 ? ` (${money(order.refundedAmount)} of ${money(order.totalAmount)} was refunded already)` : '';
    throw refuseAmount(`You can refund at most ${money(remaining)} on ${label}${already}.`);
  }

  const stripe = await storeStripeClient(ctx.db, ctx.tenant.id);
  let refund;
  try {
    refund = await stripe.refunds.create(refundParams(ctx.tenant.id, order, amount), { idempotencyKey: refundIdempotencyKey(order, amount) });
  } catch (error) {
    throw refusalFromStripe(error, order, amount);
  }

  // The refund and its audit row commit together. The charge.refunded webhook may have recorded the refund already,
  // and a replayed request (same idempotency key) is the same refund: audited once either way.
  await recordRefund(ctx.db, ctx.tenant.id, order.id, { refundId: refund.id, amount: refund.amount }, async (tx, recorded) => {
    const seen = await tx.auditLog.findFirst({ where: { action: 'order.refunded', targetId: order.id, data: { path: ['refundId'], equals: refund.id } }, select: { id: true } });
    if (seen) return;
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'order.refunded',
      targetType: 'order',
      targetId: order.id,
      data: {
        number: order.number,
        refundId: refund.id,
        amount: refund.amount,
        currency: order.currency,
        refundedAmount: recorded.order.refundedAmount,
        refundStatus: recorded.order.refundStatus,
      },
    });
  });
  return orderDetail(ctx, { id: order.id });
}
