/**
 * Commerce rules (pure, in minor units) and the order's payment lifecycle, for the routers and for the payment
 * webhook handler.
 */
export { BASIS_POINTS, shareOf, formatMoney } from './money.ts';
export { couponProblem, couponDiscount, normalizeCouponCode, type CouponTerms, type CouponProblem, type CouponProblemReason, type CouponCheck } from './coupons.ts';
export { shippingOptions, PICKUP, type ShippingOption, type ShippingRateTerms, type ShippingMeasure } from './shipping.ts';
export { taxRuleFor, taxOn, type TaxRuleTerms, type TaxAddress } from './tax.ts';
export { orderTotals, subtotalOf, weightOf, type OrderTotals, type PricedLine, type TotalsInput } from './totals.ts';
export { ORDER_TRANSITIONS, transitionProblem, canTransition, refundStatusOf, type TransitionSubject } from './order-status.ts';
export { newBuyerToken, cartSessionHash, TOKEN_PATTERN } from './tokens.ts';
export {
  markOrderPaid,
  recordRefund,
  expireUnpaidOrder,
  OrderNotFoundError,
  type LifecycleResult,
  type PaymentNotice,
  type RefundNotice,
} from './order-lifecycle.ts';
export { expireUnpaidOrderWhenDue, scheduleUnpaidExpiry, unpaidHoldMinutes, DEFAULT_UNPAID_HOLD_MINUTES, PAYMENT_PAGE_MINUTES, type UnpaidExpiryOutcome } from './unpaid-orders.ts';
