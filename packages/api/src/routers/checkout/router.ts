import { router, storefrontProcedure } from '../../trpc.ts';
import { buyerOrderInput, payOrderInput, placeOrderInput } from './inputs.ts';
import { orderConfirmation, payOrder } from './payment.ts';
import { placeOrder } from './place-order.ts';

/** Checkout in the store behind the request's Host: the buyer's cart becomes an order, paid on Stripe's hosted page. */
export const checkoutRouter = router({
  placeOrder: storefrontProcedure.input(placeOrderInput).mutation(({ ctx, input }) => placeOrder(ctx, input)),
  /** The Stripe Checkout page for the buyer's unpaid order (by its order-link token): `{ url }` to send them to. */
  pay: storefrontProcedure.input(payOrderInput).mutation(({ ctx, input }) => payOrder(ctx, input)),
  /** The confirmation page's order (reconciled with Stripe while it waits for payment). */
  confirmation: storefrontProcedure.input(buyerOrderInput).query(({ ctx, input }) => orderConfirmation(ctx, input)),
});
