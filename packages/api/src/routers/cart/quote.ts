import { badRequest } from '../../errors.ts';
import type { StorefrontContext } from '../../trpc.ts';
import type { QuoteInput, ShippingOptionsInput } from './inputs.ts';
import { couponReasonOf, findCart, priceCart } from './pricing.ts';

/** The ways the cart can reach this address, with their prices (a band of the store's rates, local pickup). */
export async function cartShippingOptions(ctx: StorefrontContext, input: ShippingOptionsInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const priced = await priceCart(tx, ctx.tenant, await findCart(tx, input.cartToken), { address: input.address });
    return { currency: ctx.tenant.currency, options: priced.options };
  });
}

/**
 * The totals the buyer will pay for this address and shipping choice, computed on the server exactly as checkout
 * computes them. A coupon that does not apply any more is left out of the totals, with its reason; lines that
 * cannot be bought carry theirs.
 */
export async function cartQuote(ctx: StorefrontContext, input: QuoteInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const cart = await findCart(tx, input.cartToken);
    const priced = await priceCart(tx, ctx.tenant, cart, input);
    if (priced.lines.length === 0) throw badRequest('Your cart is empty.', { code: 'cart_empty', params: {} });
    if (!priced.chosen) throw badRequest('Choose one of the shipping options offered for this order.', { code: 'choose_shipping', params: {} });
    return {
      currency: ctx.tenant.currency,
      items: priced.lines.map((l) => ({
        variantId: l.variantId,
        title: l.title,
        variantLabel: l.variantLabel,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        lineTotal: l.lineTotal,
        problem: l.problem,
        problemReason: l.problemReason,
      })),
      coupon: priced.coupon
        ? {
            code: priced.coupon.code,
            discount: priced.totals.discount,
            problem: priced.coupon.problem?.message ?? null,
            problemReason: couponReasonOf(priced.coupon.problem),
          }
        : null,
      shippingOption: priced.chosen,
      taxRule: priced.taxRule ? { name: priced.taxRule.name, rateBasisPoints: priced.taxRule.rateBasisPoints, appliesToShipping: priced.taxRule.appliesToShipping } : null,
      ...priced.totals,
    };
  });
}
