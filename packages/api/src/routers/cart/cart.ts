import type { ScopedTransaction } from '@vitrine/db';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../errors.ts';
import { normalizeCouponCode } from '../../commerce/coupons.ts';
import { cartSessionHash } from '../../commerce/tokens.ts';
import type { StorefrontContext } from '../../trpc.ts';
import type { AddItemInput, ApplyCouponInput, CartInput, RemoveItemInput, UpdateItemInput } from './inputs.ts';
import { subtotalOf } from '../../commerce/totals.ts';
import { cartLines, cartView, couponReasonOf, couponState, displayName, findCart, stockReason, stockSentence, variantLabelOf } from './pricing.ts';
import { storeModuleOn } from '../../modules/index.ts';

/** The buyer's cart (empty when the token has no cart yet: a cart row is made by the first add). */
export async function getCart(ctx: StorefrontContext, input: CartInput) {
  return ctx.tdb.$scoped(async (tx) => cartView(tx, ctx.tenant, await findCart(tx, input.cartToken)));
}

/** A product the storefront sells: the variant enabled, its product ACTIVE, priced in the store's currency. */
async function sellableVariant(tx: ScopedTransaction, variantId: string, currency: string) {
  const variant = await tx.productVariant.findFirst({
    where: { id: variantId, enabled: true, product: { status: 'ACTIVE' } },
    include: { product: { select: { title: true } } },
  });
  if (!variant) throw notFound('This product is not available in this store.', { code: 'product_unavailable', params: {} });
  if (variant.currency !== currency) {
    throw badRequest('This product is priced in another currency and cannot be bought here.', { code: 'product_other_currency', params: {} });
  }
  return variant;
}

/** Adds to the quantity already in the cart; refuses more than is in stock, saying how many are left. */
export async function addItem(ctx: StorefrontContext, input: AddItemInput) {
  return addToCart(ctx, input).catch((error: unknown) => {
    // Two adds of a new item to one cart at the same moment (a double click): the second meets the first's row.
    if (isUniqueViolation(error)) throw conflict('Your cart changed at the same moment; please add the item again.', { code: 'cart_changed', params: {} });
    throw error;
  });
}

function addToCart(ctx: StorefrontContext, input: AddItemInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const variant = await sellableVariant(tx, input.variantId, ctx.tenant.currency);
    const sessionHash = cartSessionHash(input.cartToken);
    const cart = await tx.cart.upsert({
      where: { tenantId_sessionHash: { tenantId: ctx.tenant.id, sessionHash } },
      create: { tenantId: ctx.tenant.id, sessionHash, currency: ctx.tenant.currency },
      update: { updatedAt: new Date() },
    });
    const existing = await tx.cartItem.findFirst({ where: { cartId: cart.id, variantId: variant.id } });
    const inCart = existing?.quantity ?? 0;
    const wanted = inCart + input.quantity;
    const name = displayName({ title: variant.product.title, variantLabel: variantLabelOf(variant) });
    if (wanted > variant.stock) throw conflict(stockSentence(name, variant.stock, inCart), stockReason(name, variant.stock, inCart));
    if (wanted > 999) throw badRequest('Order at most 999 of one item.', { code: 'quantity_limit', params: { max: 999 } });
    if (existing) await tx.cartItem.update({ where: { id: existing.id }, data: { quantity: wanted } });
    else await tx.cartItem.create({ data: { tenantId: ctx.tenant.id, cartId: cart.id, variantId: variant.id, quantity: wanted } });
    return cartView(tx, ctx.tenant, cart);
  });
}

async function cartWithItem(tx: ScopedTransaction, cartToken: string, variantId: string) {
  const cart = await findCart(tx, cartToken);
  const item = cart ? await tx.cartItem.findFirst({ where: { cartId: cart.id, variantId } }) : null;
  if (!cart || !item) throw notFound('This item is not in your cart.', { code: 'not_in_cart', params: {} });
  return { cart, item };
}

/** Sets the quantity of an item in the cart (0 removes it); refuses more than is in stock. */
export async function updateItem(ctx: StorefrontContext, input: UpdateItemInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const { cart, item } = await cartWithItem(tx, input.cartToken, input.variantId);
    if (input.quantity === 0) {
      await tx.cartItem.delete({ where: { id: item.id } });
    } else {
      const variant = await sellableVariant(tx, input.variantId, ctx.tenant.currency);
      const name = displayName({ title: variant.product.title, variantLabel: variantLabelOf(variant) });
      if (input.quantity > variant.stock) throw conflict(stockSentence(name, variant.stock), stockReason(name, variant.stock));
      await tx.cartItem.update({ where: { id: item.id }, data: { quantity: input.quantity } });
    }
    const touched = await tx.cart.update({ where: { id: cart.id }, data: { updatedAt: new Date() } });
    return cartView(tx, ctx.tenant, touched);
  });
}

export async function removeItem(ctx: StorefrontContext, input: RemoveItemInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const { cart, item } = await cartWithItem(tx, input.cartToken, input.variantId);
    await tx.cartItem.delete({ where: { id: item.id } });
    const touched = await tx.cart.update({ where: { id: cart.id }, data: { updatedAt: new Date() } });
    return cartView(tx, ctx.tenant, touched);
  });
}

/**
 * Applies a coupon to the cart when it can be used on it now; otherwise refuses with the reason (unknown, no
 * longer valid, not valid yet, expired, used up, minimum order not reached).
 */
export async function applyCoupon(ctx: StorefrontContext, input: ApplyCouponInput) {
  if (!(await storeModuleOn(ctx.db, ctx.tdb, ctx.tenant.id, 'coupons'))) {
    throw badRequest('This store does not take coupon codes.', { code: 'coupons_off', params: {} });
  }
  return ctx.tdb.$scoped(async (tx) => {
    const cart = await findCart(tx, input.cartToken);
    if (!cart) throw badRequest('Add something to your cart before using a coupon.', { code: 'coupon_needs_cart', params: {} });
    const subtotal = subtotalOf(await cartLines(tx, cart, ctx.tenant.currency));
    const state = await couponState(tx, ctx.tenant, normalizeCouponCode(input.code), subtotal);
    if (state?.problem) throw badRequest(state.problem.message, couponReasonOf(state.problem));
    const updated = await tx.cart.update({ where: { id: cart.id }, data: { couponCode: state!.code } });
    return cartView(tx, ctx.tenant, updated);
  });
}

export async function removeCoupon(ctx: StorefrontContext, input: CartInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const cart = await findCart(tx, input.cartToken);
    const updated = cart ? await tx.cart.update({ where: { id: cart.id }, data: { couponCode: null } }) : null;
    return cartView(tx, ctx.tenant, updated);
  });
}
