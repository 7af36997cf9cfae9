import type { Database, Order, OrderItem } from '@vitrine/db';
import type { Stripe } from '@vitrine/payments';
import { conflict, TRPCErrorWith } from '../errors.ts';
import { applyPayment, lockedOrder, type LifecycleResult } from './order-lifecycle.ts';
import { notificationStore } from './notifications/notify.ts';
import { storeStripeClient } from './store-stripe.ts';

type Line = Stripe.Checkout.SessionCreateParams.LineItem;

/** The buyer's pages the Checkout Session sends them back to. */
export interface CheckoutReturnUrls {
  /** `{CHECKOUT_SESSION_ID}` is filled in by Stripe. */
  success: string;
  cancel: string;
}

const money = (currency: string, name: string, unitAmount: number, quantity: number): Line => ({
  price_data: { currency: currency.toLowerCase(), unit_amount: unitAmount, product_data: { name } },
  quantity,
});

/**
 * What Stripe is asked to collect: exactly the order's total as the server computed it. Without a discount every
 * item is its own line; with one, the goods are a single line at their discounted value (Stripe has no negative
 * lines, and a discount spread over lines could not always land on whole minor units). Tax is a line of its own;
 * shipping is the session's shipping option. Stripe's amount_total = Σ lines + shipping = the order's total.
 */
export function checkoutSessionParams(
  tenantId: string,
  order: Pick<Order, 'id' | 'number' | 'currency' | 'subtotalAmount' | 'discountAmount' | 'shippingAmount' | 'shippingMethodName' | 'taxAmount' | 'buyerEmail' | 'couponCode' | 'locale'>,
  items: readonly Pick<OrderItem, 'title' | 'variantLabel' | 'unitPriceAmount' | 'quantity'>[],
  urls: CheckoutReturnUrls,
): Stripe.Checkout.SessionCreateParams {
  const metadata = { tenant_id: tenantId, order_id: order.id, order_number: String(order.number) };
  const lines: Line[] =
    order.discountAmount > 0
      ? [money(order.currency, `Order #${order.number}${order.couponCode ? ` (coupon ${order.couponCode})` : ''}`, order.subtotalAmount - order.discountAmount, 1)]
      : items.map((i) => money(order.currency, i.variantLabel ? `${i.title} — ${i.variantLabel}` : i.title, i.unitPriceAmount, i.quantity));
  if (order.taxAmount > 0) lines.push(money(order.currency, 'Tax', order.taxAmount, 1));
  return {
    mode: 'payment',
    line_items: lines,
    ...(order.shippingAmount > 0
      ? {
          shipping_options: [
            {
              shipping_rate_data: {
                type: 'fixed_amount',
                display_name: order.shippingMethodName,
                fixed_amount: { amount: order.shippingAmount, currency: order.currency.toLowerCase() },
              },
            },
          ],
        }
      : {}),
    customer_email: order.buyerEmail,
    client_reference_id: order.id,
    locale: order.locale === 'pt-BR' ? 'pt-BR' : order.locale === 'es' ? 'es' : 'en',
    success_url: urls.success,
    cancel_url: urls.cancel,
    metadata,
    payment_intent_data: { metadata, description: `Order #${order.number}` },
  };
}

/** The Idempotency-Key of an order's Checkout Session: a retried request gets the same session back. */
export const checkoutSessionKey = (orderId: string) => `vitrine-checkout-${orderId}`;

/**
 * The hosted payment page for an unpaid order, on the store's own Stripe account: a Checkout Session for exactly
 * the order's total (checked against Stripe's amount_total), its id kept on the order. Asking again for the same
 * order returns the same session (Idempotency-Key from the order id).
 */
export async function startCheckoutSession(db: Database, tenantId: string, orderId: string, urls: CheckoutReturnUrls): Promise<{ url: string; sessionId: string }> {
  const tdb = await db.forTenant(tenantId);
  const order = await tdb.order.findFirst({ where: { id: orderId }, include: { items: { orderBy: { createdAt: 'asc' } } } });
  if (!order) throw TRPCErrorWith('NOT_FOUND', 'We could not find this order.');
  if (order.status !== 'CREATED') throw conflict(`Order #${order.number} is not waiting for payment any more.`);
  const stripe = await storeStripeClient(db, tenantId);
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(checkoutSessionParams(tenantId, order, order.items, urls), { idempotencyKey: checkoutSessionKey(order.id) });
  } catch (error) {
    throw TRPCErrorWith('SERVICE_UNAVAILABLE', `The payment page could not be opened (${stripeReason(error)}). Your order #${order.number} is saved: try paying again in a moment.`);
  }
  if (session.amount_total !== order.totalAmount) {
    throw TRPCErrorWith('INTERNAL_SERVER_ERROR', `Stripe would collect ${session.amount_total} for order #${order.number} whose total is ${order.totalAmount}.`);
  }
  if (session.status !== 'open' || !session.url) throw conflict(`The payment page of order #${order.number} has closed. Place the order again.`);
  const kept = await tdb.order.updateMany({ where: { id: order.id, status: 'CREATED', checkoutSessionId: null }, data: { checkoutSessionId: session.id } });
  if (kept.count === 0) {
    const now = await tdb.order.findFirst({ where: { id: order.id }, select: { status: true, checkoutSessionId: true } });
    // The order's hold ended while the page was being opened: close the page so nobody pays a cancelled order.
    if (now?.status !== 'CREATED' || now.checkoutSessionId !== session.id) {
      await stripe.checkout.sessions.expire(session.id).catch(() => undefined);
      throw conflict(`Order #${order.number} is not waiting for payment any more.`);
    }
  }
  return { url: session.url, sessionId: session.id };
}

const stripeReason = (error: unknown) => (error instanceof Error ? error.message : 'Stripe did not answer');

/** The payment intent's id, whether Stripe sent the id or the expanded object. */
export const paymentIntentIdOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/**
 * Marks the order paid from its Checkout Session as Stripe reports it now (the buyer's return to the confirmation
 * page may come before the webhook). Idempotent with the webhook's markOrderPaid. Null when there is nothing to do.
 */
export async function reconcileCheckoutSession(db: Database, tenantId: string, order: Pick<Order, 'id' | 'status' | 'checkoutSessionId'>): Promise<LifecycleResult | null> {
  if (order.status !== 'CREATED' || !order.checkoutSessionId) return null;
  const stripe = await storeStripeClient(db, tenantId);
  const session = await stripe.checkout.sessions.retrieve(order.checkoutSessionId);
  const paymentIntentId = paymentIntentIdOf(session.payment_intent);
  if (session.payment_status !== 'paid' || !paymentIntentId || session.metadata?.order_id !== order.id || session.amount_total === null) return null;
  const [tdb, store] = await Promise.all([db.forTenant(tenantId), notificationStore(db, tenantId)]);
  return tdb.$scoped(async (tx) =>
    applyPayment(tx, await lockedOrder(tx, order.id), { paymentIntentId, amount: session.amount_total!, checkoutSessionId: session.id }, store),
  );
}
