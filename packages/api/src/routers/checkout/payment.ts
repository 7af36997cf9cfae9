import { reconcileCheckoutSession, startCheckoutSession } from '../../commerce/checkout-session.ts';
import { badRequest, notFound } from '../../errors.ts';
import { normalizeHost } from '../../tenancy/normalize-host.ts';
import type { StorefrontContext } from '../../trpc.ts';
import type { BuyerOrderInput, PayOrderInput } from './inputs.ts';

const ORDER_LINK_NOT_FOUND = 'We could not find this order. Check the link in your order email.';

/**
 * The store's address as the buyer reached it: the one the web gives (it must name this request's store host, so
 * Stripe never sends the buyer elsewhere), else the request's host on APP_URL's scheme.
 */
function storeOriginOf(ctx: StorefrontContext, given: string | undefined): string {
  if (given) {
    const url = new URL(given);
    const host = normalizeHost(url.host);
    if (!host || host !== normalizeHost(ctx.host)) throw badRequest('The return address must be this store’s own address.');
    return url.origin;
  }
  const protocol = ctx.appUrl ? new URL(ctx.appUrl).protocol : 'https:';
  return `${protocol}//${ctx.host.trim().toLowerCase()}`;
}

async function buyerOrder(ctx: StorefrontContext, token: string) {
  const order = await ctx.tdb.order.findFirst({ where: { trackingToken: token } });
  if (!order) throw notFound(ORDER_LINK_NOT_FOUND);
  return order;
}

/**
 * The hosted payment page of the buyer's unpaid order (a Stripe Checkout Session on the store's own account, for
 * exactly the order's total); back on the confirmation page when paid, on checkout when they give up.
 */
export async function payOrder(ctx: StorefrontContext, input: PayOrderInput) {
  const order = await buyerOrder(ctx, input.token);
  const origin = storeOriginOf(ctx, input.origin);
  const token = encodeURIComponent(order.trackingToken);
  return startCheckoutSession(ctx.db, ctx.tenant.id, order.id, {
    success: `${origin}/checkout/confirmation?order=${token}&session_id={CHECKOUT_SESSION_ID}`,
    cancel: `${origin}/checkout?order=${token}`,
  });
}

/**
 * What the confirmation page shows: the order's number, status, items and totals (nothing about the buyer). An
 * order still waiting for payment is checked with Stripe first and marked paid when its session was paid, so a
 * webhook still on its way does not leave the buyer on "pending".
 */
export async function orderConfirmation(ctx: StorefrontContext, input: BuyerOrderInput) {
  let order = await buyerOrder(ctx, input.token);
  if (order.status === 'CREATED' && order.checkoutSessionId) {
    const reconciled = await reconcileCheckoutSession(ctx.db, ctx.tenant.id, order).catch((error: unknown) => {
      // Stripe unreachable: the page shows the order as it is; the webhook will bring the payment.
      ctx.log.warn({ err: error instanceof Error ? error.message : String(error), orderId: order.id }, 'could not check the checkout session');
      return null;
    });
    if (reconciled?.changed) order = await buyerOrder(ctx, input.token);
  }
  const items = await ctx.tdb.orderItem.findMany({
    where: { orderId: order.id },
    orderBy: { createdAt: 'asc' },
    select: { title: true, variantLabel: true, quantity: true, unitPriceAmount: true, lineTotalAmount: true },
  });
  return {
    number: order.number,
    status: order.status,
    currency: order.currency,
    subtotal: order.subtotalAmount,
    discount: order.discountAmount,
    couponCode: order.couponCode,
    shipping: order.shippingAmount,
    shippingMethodName: order.shippingMethodName,
    tax: order.taxAmount,
    total: order.totalAmount,
    items,
    trackingToken: order.trackingToken,
  };
}
