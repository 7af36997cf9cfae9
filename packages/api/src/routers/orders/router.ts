import { router, tenantProcedure } from '../../trpc.ts';
import { orderDetail } from './detail.ts';
import { cancelOrderInput, markShippedInput, orderIdInput, ordersListInput, refundOrderInput } from './inputs.ts';
import { listOrders } from './list.ts';
import { packingSlip } from './packing-slip.ts';
import { refundOrder } from './refund.ts';
import { cancelOrder, markDelivered, markShipped } from './transitions.ts';

/**
 * The store's orders in the admin (permission `orders`: OWNER, ADMIN, and STAFF granted "orders"). Moves follow the
 * state machine in commerce/order-status.ts and are audited. Payments arrive from the payment provider
 * (commerce/order-lifecycle.ts); refunds are made here on the store's own Stripe account (refund.ts).
 */
export const ordersRouter = router({
  list: tenantProcedure('orders:read').input(ordersListInput).query(({ ctx, input }) => listOrders(ctx, input)),
  get: tenantProcedure('orders:read').input(orderIdInput).query(({ ctx, input }) => orderDetail(ctx, input)),
  /** What the packing slip prints (no prices); the web app renders it as a PDF. */
  packingSlip: tenantProcedure('orders:read').input(orderIdInput).query(({ ctx, input }) => packingSlip(ctx, input)),
  markShipped: tenantProcedure('orders:write').input(markShippedInput).mutation(({ ctx, input }) => markShipped(ctx, input)),
  markDelivered: tenantProcedure('orders:write').input(orderIdInput).mutation(({ ctx, input }) => markDelivered(ctx, input)),
  cancel: tenantProcedure('orders:write').input(cancelOrderInput).mutation(({ ctx, input }) => cancelOrder(ctx, input)),
  refund: tenantProcedure('orders:write').input(refundOrderInput).mutation(({ ctx, input }) => refundOrder(ctx, input)),
});
