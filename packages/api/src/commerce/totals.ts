import { couponDiscount, type CouponTerms } from './coupons.ts';
import { taxOn, type TaxRuleTerms } from './tax.ts';

export interface PricedLine {
  unitPrice: number;
  quantity: number;
  weightGrams?: number | null;
}

export interface OrderTotals {
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
}

/** Merchandise before any discount: Σ unit price × quantity. */
export function subtotalOf(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
}

/** Σ weight × quantity in grams; a line without a weight counts 0. */
export function weightOf(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, l) => sum + (l.weightGrams ?? 0) * l.quantity, 0);
}

export interface TotalsInput {
  lines: readonly PricedLine[];
  /** A coupon already checked with couponProblem (null: none). */
  coupon: Pick<CouponTerms, 'kind' | 'value'> | null;
  /** The chosen shipping option's price (0 before one is chosen). */
  shipping: number;
  taxRule: Pick<TaxRuleTerms, 'rateBasisPoints' | 'appliesToShipping'> | null;
}

/**
 * An order's totals in minor units: subtotal − discount (never below zero) + shipping + tax, where tax is on the
 * discounted goods (and on shipping when the rule says so), rounded half up once (see money.ts).
 */
export function orderTotals(input: TotalsInput): OrderTotals {
  const subtotal = subtotalOf(input.lines);
  const discount = input.coupon ? couponDiscount(input.coupon, subtotal) : 0;
  const goods = subtotal - discount;
  const tax = taxOn(input.taxRule, goods, input.shipping);
  return { subtotal, discount, shipping: input.shipping, tax, total: goods + input.shipping + tax };
}
