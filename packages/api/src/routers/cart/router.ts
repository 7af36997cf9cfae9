import { router, storefrontProcedure } from '../../trpc.ts';
import { addItem, applyCoupon, getCart, removeCoupon, removeItem, updateItem } from './cart.ts';
import { addItemInput, applyCouponInput, cartInput, quoteInput, removeItemInput, shippingOptionsInput, updateItemInput } from './inputs.ts';
import { cartQuote, cartShippingOptions } from './quote.ts';

/**
 * The buyer's cart in the store behind the request's Host. The web keeps an opaque random token in a cookie and
 * passes it as `cartToken`; the server stores only its hash, so a cart is reachable only with its token and only
 * through its own store's host. Every answer is priced now, in minor units.
 */
export const cartRouter = router({
  get: storefrontProcedure.input(cartInput).query(({ ctx, input }) => getCart(ctx, input)),
  add: storefrontProcedure.input(addItemInput).mutation(({ ctx, input }) => addItem(ctx, input)),
  /** Quantity 0 removes the item. */
  updateQuantity: storefrontProcedure.input(updateItemInput).mutation(({ ctx, input }) => updateItem(ctx, input)),
  remove: storefrontProcedure.input(removeItemInput).mutation(({ ctx, input }) => removeItem(ctx, input)),
  applyCoupon: storefrontProcedure.input(applyCouponInput).mutation(({ ctx, input }) => applyCoupon(ctx, input)),
  removeCoupon: storefrontProcedure.input(cartInput).mutation(({ ctx, input }) => removeCoupon(ctx, input)),
  shippingOptions: storefrontProcedure.input(shippingOptionsInput).query(({ ctx, input }) => cartShippingOptions(ctx, input)),
  quote: storefrontProcedure.input(quoteInput).query(({ ctx, input }) => cartQuote(ctx, input)),
});
