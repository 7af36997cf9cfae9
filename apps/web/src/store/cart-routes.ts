import { cartPage } from './cart-page.ts';
import {
  cartTokenForAdd,
  cartTokenOf,
  crossOriginRefusal,
  fieldErrorsOf,
  flashCookie,
  formFields,
  readFlash,
  refusalOf,
  refusalReasonOf,
  seeOther,
  type Flash,
} from './cart-forms.ts';
import type { StoreLook } from './pages.ts';
import { personalAnswer } from './cart-answer.ts';
import { errorResponse, openStorePage, storeCaller, type StoreCaller } from './respond.ts';

/** The buyer's cart (empty without a cart cookie), priced by the server. */
export async function cartOf(caller: StoreCaller, request: Request) {
  const token = cartTokenOf(request);
  return token ? caller.cart.get({ cartToken: token }) : { currency: '', items: [], itemCount: 0, subtotal: 0, coupon: null, discount: 0 };
}

/** GET /cart */
export async function answerCart(request: Request, host: string): Promise<Response> {
  let look: StoreLook | undefined;
  try {
    const page = await openStorePage(request, host, '/cart');
    look = page.look;
    const cart = await cartOf(page.caller, request);
    const flash = readFlash(request);
    return personalAnswer(page, request, cartPage({ ...page.look, cartCount: cart.itemCount }, cart, flash), flash);
  } catch (error) {
    return errorResponse(error, look);
  }
}

type CartAction = (caller: StoreCaller, fields: Record<string, string>, cartToken: string) => Promise<Flash | null>;

/**
 * A cart form's POST: Origin checked, the action run with the buyer's cart token (a new one, with its cookie, for
 * the first add), then 303 to /cart with the outcome as a flash (the API's sentence for a refusal).
 */
async function cartPost(request: Request, host: string, action: CartAction, options: { createsCart?: boolean } = {}): Promise<Response> {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  try {
    const fields = await formFields(request);
    const caller = await storeCaller(decodeURIComponent(host));
    const existing = cartTokenOf(request);
    const { token, setCookie } = options.createsCart ? cartTokenForAdd(request) : { token: existing, setCookie: null };
    if (!token) return seeOther('/cart');
    let flash: Flash | null;
    try {
      flash = await action(caller, fields, token);
    } catch (error) {
      const sentence = refusalOf(error);
      const errors = fieldErrorsOf(error);
      if (!sentence && Object.keys(errors).length === 0) throw error;
      flash = { tone: 'error', message: sentence ?? Object.values(errors)[0], reason: refusalReasonOf(error), values: fields };
    }
    // A refused first add leaves no cart behind, so no cookie either.
    const keepCookie = setCookie && flash?.tone !== 'error' ? setCookie : null;
    return seeOther('/cart', [keepCookie, flash ? flashCookie(request, flash) : null]);
  } catch (error) {
    return errorResponse(error);
  }
}

const quantityOf = (value: string | undefined) => (value && /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/** POST /cart/add: variantId, quantity. */
export const addToCart = (request: Request, host: string) =>
  cartPost(
    request,
    host,
    async (caller, f, cartToken) => {
      const quantity = quantityOf(f.quantity ?? '1');
      await caller.cart.add({ cartToken, variantId: f.variantId ?? '', quantity: Number.isNaN(quantity) ? -1 : quantity });
      return { tone: 'success', key: 'added' };
    },
    { createsCart: true },
  );

/** POST /cart/update: variantId, quantity (0 removes). */
export const updateCartLine = (request: Request, host: string) =>
  cartPost(request, host, async (caller, f, cartToken) => {
    const quantity = quantityOf(f.quantity);
    await caller.cart.updateQuantity({ cartToken, variantId: f.variantId ?? '', quantity: Number.isNaN(quantity) ? -1 : quantity });
    return null;
  });

/** POST /cart/remove: variantId. */
export const removeCartLine = (request: Request, host: string) =>
  cartPost(request, host, async (caller, f, cartToken) => {
    await caller.cart.remove({ cartToken, variantId: f.variantId ?? '' });
    return null;
  });

/** POST /cart/coupon: code. A refused code comes back beside the field with the API's sentence and its reason. */
export const applyCartCoupon = (request: Request, host: string) =>
  cartPost(request, host, async (caller, f, cartToken) => {
    try {
      await caller.cart.applyCoupon({ cartToken, code: f.code ?? '' });
      return null;
    } catch (error) {
      const sentence = refusalOf(error) ?? fieldErrorsOf(error).code;
      if (!sentence) throw error;
      const reason = refusalReasonOf(error);
      return { tone: 'error', errors: { code: sentence }, ...(reason ? { errorReasons: { code: reason } } : {}), values: { code: f.code ?? '' } };
    }
  });

/** POST /cart/coupon/remove */
export const removeCartCoupon = (request: Request, host: string) =>
  cartPost(request, host, async (caller, _f, cartToken) => {
    await caller.cart.removeCoupon({ cartToken });
    return null;
  });
