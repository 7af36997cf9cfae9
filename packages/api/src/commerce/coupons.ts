import type { CouponKind } from '@vitrine/db';
import { formatMoney, shareOf } from './money.ts';

/** What a coupon's rules need to know about it (a coupons row fits). */
export interface CouponTerms {
  code: string;
  kind: CouponKind;
  /** PERCENT: basis points (1 %–100 % = 100–10 000); FIXED: minor units. */
  value: number;
  minimumOrderAmount: number;
  startsAt: Date | null;
  expiresAt: Date | null;
  maxUses: number | null;
  maxUsesPerBuyer: number | null;
  active: boolean;
  usedCount: number;
}

/**
 * Why a coupon cannot be used: the reason, the English sentence, and what the sentence names (the coupon's code,
 * the minimum in minor units with its currency, the per-buyer limit) so a client can say it in its own language.
 */
export type CouponProblem = { message: string } & (
  | { reason: 'unknown'; params: Record<string, never> }
  | { reason: 'inactive' | 'not_started' | 'expired' | 'used_up'; params: { coupon: string } }
  | { reason: 'buyer_limit'; params: { coupon: string; limit: number } }
  | { reason: 'minimum'; params: { coupon: string; minimum: number; currency: string } }
);

export type CouponProblemReason = CouponProblem['reason'];

export interface CouponCheck {
  now: Date;
  /** Merchandise subtotal in minor units (before the discount). */
  subtotal: number;
  currency: string;
  locale?: string;
  /** Orders this buyer (by email) already placed with the coupon; unknown before checkout. */
  buyerUses?: number;
}

/** Coupon codes are compared upper case, whatever the buyer typed (spaces around are dropped). */
export function normalizeCouponCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Why the coupon cannot be used on this order, or null when it can. Checked in this order: unknown,
 * switched off, not started, expired (at `expiresAt` exactly it has expired), used up, this buyer's
 * limit, minimum order.
 */
export function couponProblem(coupon: CouponTerms | null, check: CouponCheck): CouponProblem | null {
  if (!coupon) return { reason: 'unknown', params: {}, message: 'This coupon code does not exist in this store.' };
  const code = coupon.code;
  const named = { coupon: code };
  if (!coupon.active) return { reason: 'inactive', params: named, message: `The coupon ${code} is no longer valid.` };
  if (coupon.startsAt && check.now < coupon.startsAt) {
    return { reason: 'not_started', params: named, message: `The coupon ${code} is not valid yet.` };
  }
  if (coupon.expiresAt && check.now >= coupon.expiresAt) return { reason: 'expired', params: named, message: `The coupon ${code} has expired.` };
  if (coupon.maxUses !== null && coupon.usedCount >= coupon.maxUses) {
    return { reason: 'used_up', params: named, message: `The coupon ${code} has been used up.` };
  }
  if (coupon.maxUsesPerBuyer !== null && check.buyerUses !== undefined && check.buyerUses >= coupon.maxUsesPerBuyer) {
    const times = coupon.maxUsesPerBuyer === 1 ? 'once' : `${coupon.maxUsesPerBuyer} times`;
    return {
      reason: 'buyer_limit',
      params: { coupon: code, limit: coupon.maxUsesPerBuyer },
      message: `The coupon ${code} can be used ${times} per buyer, and you have used it already.`,
    };
  }
  if (check.subtotal < coupon.minimumOrderAmount) {
    const minimum = formatMoney(coupon.minimumOrderAmount, check.currency, check.locale);
    return {
      reason: 'minimum',
      params: { coupon: code, minimum: coupon.minimumOrderAmount, currency: check.currency },
      message: `The coupon ${code} needs an order of at least ${minimum}.`,
    };
  }
  return null;
}

/**
 * The discount on a merchandise subtotal: a percentage (rounded half up) or a fixed amount, never more than the
 * subtotal (the goods never cost less than zero; shipping and tax are not discounted).
 */
export function couponDiscount(coupon: Pick<CouponTerms, 'kind' | 'value'>, subtotal: number): number {
  const raw = coupon.kind === 'PERCENT' ? shareOf(subtotal, coupon.value) : coupon.value;
  return Math.max(0, Math.min(raw, subtotal));
}
