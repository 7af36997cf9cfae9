import type { Cart, ScopedTransaction } from '@vitrine/db';
import { badRequest, conflict } from '../../errors.ts';
import { newBuyerToken, cartSessionHash } from '../../commerce/tokens.ts';
import { scheduleUnpaidExpiry } from '../../commerce/unpaid-orders.ts';
import type { StorefrontContext } from '../../trpc.ts';
import { displayName, priceCart, stockReason, stockSentence, type CartLine, type PricedCart } from '../cart/pricing.ts';
import type { PlaceOrderInput } from './inputs.ts';

/** Order numbers start here: the first order of a store is #1001. */
export const FIRST_ORDER_NUMBER = 1001;

/** The cart, its row locked until the order is placed (a second checkout of the same cart waits, then finds it gone). */
async function lockCart(tx: ScopedTransaction, cartToken: string): Promise<Cart | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM carts WHERE session_hash = ${cartSessionHash(cartToken)} FOR UPDATE`;
  return rows[0] ? tx.cart.findUnique({ where: { id: rows[0].id } }) : null;
}

/**
 * Takes each line's quantity from stock with a conditional UPDATE (stock >= quantity), variants in id order so two
 * checkouts never wait on each other in a cycle. The row lock makes a second buyer of the last unit wait for the
 * first; when the first commits, the second's condition no longer holds and it is refused: stock never goes below 0.
 */
async function reserveStock(tx: ScopedTransaction, lines: CartLine[]): Promise<void> {
  for (const line of [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : 1))) {
    const taken = await tx.$executeRaw`
      UPDATE product_variants SET stock = stock - ${line.quantity}, updated_at = now()
       WHERE id = ${line.variantId} AND enabled AND stock >= ${line.quantity}`;
    if (taken === 0) {
      const now = await tx.productVariant.findUnique({ where: { id: line.variantId }, select: { stock: true } });
      const [name, left] = [displayName(line), now?.stock ?? 0];
      throw conflict(stockSentence(name, left), stockReason(name, left));
    }
  }
}

/** Counts the order's use of the coupon: refused when it was used up meanwhile or this buyer reached their limit. */
async function redeemCoupon(tx: ScopedTransaction, priced: PricedCart, email: string): Promise<string | null> {
  const coupon = priced.coupon?.coupon;
  if (!coupon) return null;
  const counted = await tx.$executeRaw`
    UPDATE coupons SET used_count = used_count + 1, updated_at = now()
     WHERE id = ${coupon.id} AND active AND (max_uses IS NULL OR used_count < max_uses)`;
  if (counted === 0) {
    throw conflict(`The coupon ${coupon.code} has been used up. Remove it to place the order.`, { code: 'used_up', params: { coupon: coupon.code, mustRemove: true } });
  }
  if (coupon.maxUsesPerBuyer !== null) {
    // The coupon row is locked by the UPDATE above, so two orders of one buyer are counted one after the other.
    const uses = await tx.couponRedemption.count({ where: { couponId: coupon.id, buyerEmail: email } });
    if (uses >= coupon.maxUsesPerBuyer) {
      const reason = { code: 'buyer_limit', params: { coupon: coupon.code, limit: coupon.maxUsesPerBuyer, mustRemove: true } };
      throw conflict(`You have already used the coupon ${coupon.code}. Remove it to place the order.`, reason);
    }
  }
  return coupon.id;
}

/** The next number of the store's orders; an advisory lock per store keeps two checkouts from taking the same one. */
async function nextOrderNumber(tx: ScopedTransaction, tenantId: string): Promise<number> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`orders.number:${tenantId}`}))::text`;
  const [row] = await tx.$queryRaw<{ next: number }[]>`SELECT (COALESCE(MAX(number), ${FIRST_ORDER_NUMBER - 1}) + 1)::int AS next FROM orders`;
  return row!.next;
}

/**
 * Places the order from the buyer's cart, in one transaction: the cart is priced again on the server (today's
 * prices, the coupon checked again with this buyer's email, the shipping option and tax rule for the address),
 * stock is taken (refused when not enough is left), the coupon use is counted, the order is written CREATED with
 * its items and first timeline event, and the cart is emptied. Payment follows (see commerce/order-lifecycle.ts);
 * an order left unpaid gives its stock back when its hold ends (commerce/unpaid-orders.ts).
 */
export async function placeOrder(ctx: StorefrontContext, input: PlaceOrderInput) {
  const tenantId = ctx.tenant.id;
  return ctx.tdb.$scoped(async (tx) => {
    const cart = await lockCart(tx, input.cartToken);
    const priced = await priceCart(tx, ctx.tenant, cart, input);
    if (!cart || priced.lines.length === 0) throw badRequest('Your cart is empty.', { code: 'cart_empty', params: {} });
    const blocked = priced.lines.find((l) => l.problem);
    if (blocked) throw conflict(blocked.problem!, blocked.problemReason);
    const couponProblem = priced.coupon?.problem;
    if (couponProblem) {
      // `mustRemove`: the same reason as in the cart, said with "remove it to place the order".
      const reason = { code: couponProblem.reason, params: { ...couponProblem.params, mustRemove: true } };
      throw conflict(`${couponProblem.message} Remove it to place the order.`, reason);
    }
    if (!priced.chosen) {
      throw priced.options.length
        ? badRequest('Choose one of the shipping options offered for this order.', { code: 'choose_shipping', params: {} })
        : badRequest('This store does not ship an order like this one.', { code: 'no_shipping', params: {} });
    }

    await reserveStock(tx, priced.lines);
    const couponId = await redeemCoupon(tx, priced, input.email);
    const number = await nextOrderNumber(tx, tenantId);
    const { totals, chosen } = priced;
    const order = await tx.order.create({
      data: {
        tenantId,
        number,
        buyerEmail: input.email,
        buyerName: input.name,
        buyerPhone: input.phone ?? null,
        shippingAddress: input.address,
        shippingMethod: chosen.id,
        shippingMethodName: chosen.name,
        shippingAmount: totals.shipping,
        subtotalAmount: totals.subtotal,
        discountAmount: totals.discount,
        taxAmount: totals.tax,
        totalAmount: totals.total,
        currency: ctx.tenant.currency,
        couponCode: couponId ? priced.coupon!.code : null,
        locale: input.locale ?? ctx.tenant.locale,
        trackingToken: newBuyerToken(),
      },
    });
    await tx.orderItem.createMany({
      data: priced.lines.map((l) => ({
        tenantId,
        orderId: order.id,
        variantId: l.variantId,
        title: l.title,
        variantLabel: l.variantLabel,
        sku: l.sku,
        unitPriceAmount: l.unitPrice,
        quantity: l.quantity,
        lineTotalAmount: l.lineTotal,
      })),
    });
    await tx.orderEvent.create({ data: { tenantId, orderId: order.id, type: 'created', toStatus: 'CREATED' } });
    if (couponId) await tx.couponRedemption.create({ data: { tenantId, couponId, orderId: order.id, buyerEmail: input.email } });
    await tx.cart.delete({ where: { id: cart.id } });
    await scheduleUnpaidExpiry(tx, order);
    return { orderId: order.id, number: order.number, total: order.totalAmount, currency: order.currency, trackingToken: order.trackingToken };
  });
}
