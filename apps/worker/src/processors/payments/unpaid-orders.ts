import { expireUnpaidOrderWhenDue } from '@vitrine/api';
import type { JobProcessor } from '../types.ts';

/**
 * The end of an unpaid order's hold (queued by placeOrder, due UNPAID_ORDER_HOLD_MINUTES later): the order is
 * cancelled and its stock and coupon use given back, unless Stripe has its payment or its payment page is still
 * young (then a later look is queued). Stripe unreachable: the job fails and BullMQ retries it.
 */
export const expireUnpaidOrder: JobProcessor<'payments', 'orders.expire-unpaid'> = async ({ tenantId, orderId }, ctx) => {
  const result = await expireUnpaidOrderWhenDue(ctx.db, tenantId, orderId);
  if (result.outcome !== 'settled') ctx.log.info({ tenantId, orderId, ...result }, 'unpaid order hold ended');
  return result;
};
