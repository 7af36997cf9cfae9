import { formatMoney } from '@vitrine/ui';
import { checkoutMessagesOf, type RefusalMessages } from './checkout-messages.ts';
import type { StoreLook } from './pages.ts';

/**
 * Why the API refused a cart or checkout step, as it says it beside its English sentence: a code and the values the
 * sentence names (thrown errors carry it on their cause, cart lines and coupons as `problemReason`). The flash cookie
 * keeps it too, so it is checked again before use: a cookie can say anything.
 */
export interface StoreRefusal {
  code: string;
  params: Readonly<Record<string, string | number | boolean>>;
}

const isParam = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

export function isStoreRefusal(value: unknown): value is StoreRefusal {
  if (!value || typeof value !== 'object') return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  return typeof code === 'string' && !!params && typeof params === 'object' && !Array.isArray(params) && Object.values(params).every(isParam);
}

/**
 * The refusal in the page's language: the reason said with the language's own sentence, or the API's English
 * sentence for English pages, unknown reasons and reasons missing what their sentence needs.
 */
export function refusalText(look: Pick<StoreLook, 'language' | 'locale'>, message: string, reason: unknown): string {
  const t = checkoutMessagesOf(look).refusals;
  if (!t || !isStoreRefusal(reason)) return message;
  return sentenceOf(t, reason, look.locale) ?? message;
}

function sentenceOf(t: RefusalMessages, { code, params }: StoreRefusal, locale: string): string | null {
  const text = (key: string) => (typeof params[key] === 'string' && params[key] !== '' ? (params[key] as string) : null);
  const count = (key: string) => {
    const n = params[key];
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
  };
  const coupon = text('coupon');
  const name = text('name');
  const withCoupon = (say: (coupon: string) => string) => (coupon === null ? null : say(coupon));
  const withName = (say: (name: string) => string) => (name === null ? null : say(name));

  let sentence: string | null;
  switch (code) {
    case 'unknown':
      sentence = t.couponUnknown;
      break;
    case 'inactive':
      sentence = withCoupon(t.couponInactive);
      break;
    case 'not_started':
      sentence = withCoupon(t.couponNotStarted);
      break;
    case 'expired':
      sentence = withCoupon(t.couponExpired);
      break;
    case 'used_up':
      sentence = withCoupon(t.couponUsedUp);
      break;
    case 'buyer_limit': {
      const limit = count('limit');
      sentence = limit === null || limit < 1 ? null : withCoupon((c) => t.couponBuyerLimit(c, limit));
      break;
    }
    case 'minimum': {
      const amount = moneyOf(count('minimum'), text('currency'), locale);
      sentence = amount === null ? null : withCoupon((c) => t.couponMinimum(c, amount));
      break;
    }
    case 'unavailable':
      sentence = withName(t.lineUnavailable);
      break;
    case 'other_currency':
      sentence = withName(t.lineOtherCurrency);
      break;
    case 'sold_out':
      sentence = withName(t.soldOut);
      break;
    case 'only_left': {
      const available = count('available');
      const inCart = count('inCart') ?? 0;
      sentence = available === null || available < 1 ? null : withName((n) => t.onlyLeft(n, available, inCart));
      break;
    }
    case 'product_unavailable':
      sentence = t.productUnavailable;
      break;
    case 'product_other_currency':
      sentence = t.productOtherCurrency;
      break;
    case 'quantity_limit': {
      const max = count('max');
      sentence = max === null ? null : t.quantityLimit(max);
      break;
    }
    case 'cart_changed':
      sentence = t.cartChanged;
      break;
    case 'not_in_cart':
      sentence = t.notInCart;
      break;
    case 'coupons_off':
      sentence = t.couponsOff;
      break;
    case 'coupon_needs_cart':
      sentence = t.couponNeedsCart;
      break;
    case 'cart_empty':
      sentence = t.cartEmpty;
      break;
    case 'choose_shipping':
      sentence = t.chooseShipping;
      break;
    case 'no_shipping':
      sentence = t.noShipping;
      break;
    default:
      sentence = null;
  }
  // At checkout a coupon refusal asks the buyer to remove the coupon ("Remove it to place the order.").
  return sentence !== null && params.mustRemove === true ? `${sentence} ${t.removeCouponToOrder}` : sentence;
}

/** The amount in the store's currency, written the way the page writes prices; null for anything malformed. */
function moneyOf(amount: number | null, currency: string | null, locale: string): string | null {
  if (amount === null || currency === null || !/^[A-Z]{3}$/.test(currency)) return null;
  try {
    return formatMoney(amount, currency, locale);
  } catch {
    return null;
  }
}
