import type { Cart, Coupon, ScopedTransaction, TaxRule } from '@vitrine/db';
import { couponDiscount, couponProblem, normalizeCouponCode, type CouponProblem } from '../../commerce/coupons.ts';
import { shippingOptions, type ShippingOption } from '../../commerce/shipping.ts';
import { taxRuleFor } from '../../commerce/tax.ts';
import { orderTotals, subtotalOf, weightOf, type OrderTotals } from '../../commerce/totals.ts';
import { cartSessionHash } from '../../commerce/tokens.ts';
import type { StorefrontContext } from '../../trpc.ts';
import type { Address } from './inputs.ts';

/** One cart line priced at today's price, with what stands in its way (gone, sold out, fewer left). */
export interface CartLine {
  variantId: string;
  productId: string;
  productSlug: string;
  title: string;
  variantLabel: string;
  sku: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  weightGrams: number | null;
  /** Units in stock now. */
  available: number;
  problem: string | null;
  /** Why, for saying it in another language (`problem` is the English sentence). */
  problemReason: LineProblemReason | null;
}

/** What stands in a line's way, with the names and numbers its sentence uses (`name` is quoted: “Tee — M”). */
export type LineProblemReason =
  | { code: 'unavailable' | 'other_currency' | 'sold_out'; params: { name: string } }
  | { code: 'only_left'; params: { name: string; available: number; inCart: number } };

/** A coupon problem as a reason (code and params), beside its English sentence. */
export interface CouponProblemReasonOf {
  code: CouponProblem['reason'];
  params: CouponProblem['params'];
}

export const couponReasonOf = (problem: CouponProblem | null | undefined): CouponProblemReasonOf | null =>
  problem ? { code: problem.reason, params: problem.params } : null;

export type StoreOfCart = Pick<StorefrontContext['tenant'], 'id' | 'currency' | 'locale'>;

/** "Size M / Blue", or the variant's own title when it has one. */
export function variantLabelOf(variant: { title: string; attributes: unknown }): string {
  if (variant.title.trim()) return variant.title.trim();
  const values = variant.attributes && typeof variant.attributes === 'object' && !Array.isArray(variant.attributes)
    ? Object.values(variant.attributes as Record<string, unknown>).filter((v) => typeof v === 'string' && v !== '')
    : [];
  return values.join(' / ');
}

export const displayName = (line: Pick<CartLine, 'title' | 'variantLabel'>) =>
  line.variantLabel ? `“${line.title} — ${line.variantLabel}”` : `“${line.title}”`;

/** The sentence for asking more than is left: "Only 2 left of “A Tee — M”." / "“A Tee — M” is sold out." */
export function stockSentence(name: string, available: number, inCart = 0): string {
  if (available <= 0) return `${name} is sold out.`;
  const held = inCart > 0 ? ` You have ${inCart} in your cart already.` : '';
  return `Only ${available} left of ${name}.${held}`;
}

/** stockSentence's reason: sold out, or how many are left (and already in the cart). */
export function stockReason(name: string, available: number, inCart = 0): LineProblemReason {
  return available <= 0 ? { code: 'sold_out', params: { name } } : { code: 'only_left', params: { name, available, inCart } };
}

export async function findCart(tx: ScopedTransaction, cartToken: string): Promise<Cart | null> {
  return tx.cart.findFirst({ where: { sessionHash: cartSessionHash(cartToken) } });
}

/** The cart's lines in the order they were added, priced now; lines whose variant disappeared are dropped. */
export async function cartLines(tx: ScopedTransaction, cart: Cart | null, currency: string): Promise<CartLine[]> {
  if (!cart) return [];
  const items = await tx.cartItem.findMany({ where: { cartId: cart.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  if (items.length === 0) return [];
  const variants = await tx.productVariant.findMany({
    where: { id: { in: items.map((i) => i.variantId) } },
    include: { product: { select: { id: true, slug: true, title: true, status: true } } },
  });
  const byId = new Map(variants.map((v) => [v.id, v]));
  const lines: CartLine[] = [];
  for (const item of items) {
    const v = byId.get(item.variantId);
    if (!v) continue;
    const line: CartLine = {
      variantId: v.id,
      productId: v.product.id,
      productSlug: v.product.slug,
      title: v.product.title,
      variantLabel: variantLabelOf(v),
      sku: v.sku,
      unitPrice: v.priceAmount,
      quantity: item.quantity,
      lineTotal: v.priceAmount * item.quantity,
      weightGrams: v.weightGrams,
      available: v.stock,
      problem: null,
      problemReason: null,
    };
    const name = displayName(line);
    if (v.product.status !== 'ACTIVE' || !v.enabled) {
      line.problem = `${name} is no longer available.`;
      line.problemReason = { code: 'unavailable', params: { name } };
    } else if (v.currency !== currency) {
      line.problem = `${name} is priced in another currency and cannot be bought here.`;
      line.problemReason = { code: 'other_currency', params: { name } };
    } else if (item.quantity > v.stock) {
      line.problem = stockSentence(name, v.stock);
      line.problemReason = stockReason(name, v.stock);
    }
    lines.push(line);
  }
  return lines;
}

export interface CouponState {
  code: string;
  coupon: Coupon | null;
  discount: number;
  problem: CouponProblem | null;
}

/** The cart's coupon checked against the current subtotal (and the buyer's own uses when the email is known). */
export async function couponState(
  tx: ScopedTransaction,
  store: StoreOfCart,
  code: string | null,
  subtotal: number,
  email?: string,
): Promise<CouponState | null> {
  if (!code) return null;
  const normalized = normalizeCouponCode(code);
  const coupon = await tx.coupon.findFirst({ where: { code: normalized } });
  const buyerUses = email && coupon ? await tx.couponRedemption.count({ where: { couponId: coupon.id, buyerEmail: email } }) : undefined;
  const problem = couponProblem(coupon, { now: new Date(), subtotal, currency: store.currency, locale: store.locale, ...(buyerUses === undefined ? {} : { buyerUses }) });
  return { code: normalized, coupon, discount: coupon && !problem ? couponDiscount(coupon, subtotal) : 0, problem };
}

/** What the cart page shows: lines, subtotal and the coupon with its discount or the reason it does not apply. */
export async function cartView(tx: ScopedTransaction, store: StoreOfCart, cart: Cart | null) {
  const lines = await cartLines(tx, cart, store.currency);
  const subtotal = subtotalOf(lines);
  const coupon = await couponState(tx, store, cart?.couponCode ?? null, subtotal);
  return {
    currency: store.currency,
    items: lines.map(({ weightGrams: _weight, productId: _product, ...line }) => line),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal,
    coupon: coupon
      ? { code: coupon.code, discount: coupon.discount, problem: coupon.problem?.message ?? null, problemReason: couponReasonOf(coupon.problem) }
      : null,
    discount: coupon?.discount ?? 0,
  };
}

export type CartView = Awaited<ReturnType<typeof cartView>>;

export interface PricedCart {
  lines: CartLine[];
  coupon: CouponState | null;
  options: ShippingOption[];
  chosen: ShippingOption | null;
  taxRule: TaxRule | null;
  totals: OrderTotals;
}

/**
 * The whole price of a cart for an address and a shipping choice, from the store's rows: lines at today's prices,
 * the coupon (ignored in the totals when it does not apply), the shipping options for the discounted value or the
 * weight, the tax rule of the address. Pure rules in ../../commerce; this only reads.
 */
export async function priceCart(
  tx: ScopedTransaction,
  store: StoreOfCart,
  cart: Cart | null,
  choice: { address: Address; shippingOptionId?: string; email?: string },
): Promise<PricedCart> {
  const lines = await cartLines(tx, cart, store.currency);
  const subtotal = subtotalOf(lines);
  const coupon = await couponState(tx, store, cart?.couponCode ?? null, subtotal, choice.email);
  const applied = coupon?.coupon && !coupon.problem ? coupon.coupon : null;
  const goods = subtotal - (applied ? couponDiscount(applied, subtotal) : 0);
  const rates = await tx.shippingRate.findMany({ orderBy: [{ position: 'asc' }, { minValue: 'asc' }] });
  const options = lines.length === 0 ? [] : shippingOptions(rates, { orderValue: goods, weightGrams: weightOf(lines) });
  const chosen = options.find((o) => o.id === choice.shippingOptionId) ?? null;
  const taxRule = taxRuleFor(await tx.taxRule.findMany({ where: { country: choice.address.country } }), choice.address);
  const totals = orderTotals({
    lines: lines.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity })),
    coupon: applied,
    shipping: chosen?.amount ?? 0,
    taxRule,
  });
  return { lines, coupon, options, chosen, taxRule, totals };
}
