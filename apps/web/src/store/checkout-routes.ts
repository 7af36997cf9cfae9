import { TRPCError } from '@trpc/server';
import { cartOf } from './cart-routes.ts';
import {
  cartTokenOf,
  checkoutDraftCookie,
  checkoutDraftOf,
  clearCheckoutDraftCookie,
  crossOriginRefusal,
  fieldErrorsOf,
  flashCookie,
  formFields,
  readFlash,
  refusalOf,
  refusalReasonOf,
  seeOther,
  type CheckoutDraft,
  type Flash,
} from './cart-forms.ts';
import { checkoutMessagesOf, type CheckoutMessages } from './checkout-messages.ts';
import { CHECKOUT_COUNTRIES, checkoutPage, confirmationPage, type CheckoutQuote, type ShippingChoice } from './checkout-page.ts';
import { personalAnswer } from './cart-answer.ts';
import { trackingPage } from './order-page.ts';
import type { StoreLook } from './pages.ts';
import { errorResponse, notFoundResponse, openStorePage, type StorePageContext } from './respond.ts';

const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

const defaultCountryOf = (currency: string, locale: string): string => {
  const byCurrency: Record<string, string> = { BRL: 'BR', USD: 'US', GBP: 'GB', CAD: 'CA', ARS: 'AR', MXN: 'MX', CLP: 'CL', COP: 'CO' };
  return byCurrency[currency] ?? (locale.startsWith('pt') ? 'PT' : locale.startsWith('es') ? 'ES' : 'US');
};

/** GET /checkout[?edit=1][&order=<token> back from the payment page] */
export async function answerCheckout(request: Request, host: string): Promise<Response> {
  let look: StoreLook | undefined;
  try {
    const page = await openStorePage(request, host, '/checkout');
    look = page.look;
    const search = page.request.search;
    const flash = readFlash(request);
    const draft = checkoutDraftOf(request);
    const cart = await cartOf(page.caller, request);
    const cartToken = cartTokenOf(request);
    let options: ShippingChoice[] = [];
    let chosen: string | null = null;
    let quote: CheckoutQuote | null = null;
    if (draft && cartToken && cart.items.length > 0 && !search.get('edit')) {
      const offered = await page.caller.cart.shippingOptions({ cartToken, address: draft.address });
      options = offered.options;
      chosen = options.find((o) => o.id === draft.shippingOptionId)?.id ?? options[0]?.id ?? null;
      if (chosen) quote = await page.caller.cart.quote({ cartToken, address: draft.address, shippingOptionId: chosen, email: draft.email });
    }
    const resumeToken = search.get('order');
    let resume: { number: number; trackingToken: string } | null = null;
    if (resumeToken && TOKEN.test(resumeToken)) {
      const order = await page.caller.checkout.confirmation({ token: resumeToken }).catch(() => null);
      if (order?.status === 'CREATED') resume = { number: order.number, trackingToken: order.trackingToken };
    }
    const body = checkoutPage(page.look, {
      flash,
      draft,
      editing: Boolean(search.get('edit')),
      cartEmpty: cart.items.length === 0,
      defaultCountry: defaultCountryOf(page.store.currency, page.store.locale),
      options,
      chosen,
      quote,
      resume,
    });
    return personalAnswer(page, request, body, flash);
  } catch (error) {
    return errorResponse(error, look);
  }
}

const clean = (v: string | undefined) => (v ?? '').trim();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The details form as a draft, with the sentences (in the page's language) for what is missing or malformed. */
function draftOf(fields: Record<string, string>, t: CheckoutMessages): { draft: CheckoutDraft; errors: Record<string, string> } {
  const draft: CheckoutDraft = {
    email: clean(fields.email).toLowerCase(),
    name: clean(fields.name),
    ...(clean(fields.phone) ? { phone: clean(fields.phone) } : {}),
    address: {
      line1: clean(fields['address.line1']),
      ...(clean(fields['address.line2']) ? { line2: clean(fields['address.line2']) } : {}),
      city: clean(fields['address.city']),
      ...(clean(fields['address.region']) ? { region: clean(fields['address.region']) } : {}),
      postalCode: clean(fields['address.postalCode']),
      country: clean(fields['address.country']).toUpperCase(),
    },
  };
  const errors: Record<string, string> = {};
  if (!draft.email) errors.email = t.fill(t.email);
  else if (!EMAIL.test(draft.email)) errors.email = t.badEmail;
  if (!draft.name) errors.name = t.fill(t.name);
  if (draft.phone && !/^\+[1-9][0-9]{7,14}$/.test(draft.phone.replace(/[\s().-]/g, ''))) errors.phone = t.phoneHint;
  if (!draft.address.line1) errors['address.line1'] = t.fill(t.line1);
  if (!draft.address.city) errors['address.city'] = t.fill(t.city);
  if (!draft.address.postalCode) errors['address.postalCode'] = t.fill(t.postalCode);
  if (!(CHECKOUT_COUNTRIES as readonly string[]).includes(draft.address.country)) errors['address.country'] = t.fill(t.country);
  return { draft, errors };
}

/** A checkout POST: Origin checked, the store page opened (its language), the cart token required. */
async function checkoutPost(
  request: Request,
  host: string,
  publicPath: string,
  work: (ctx: { page: StorePageContext; fields: Record<string, string>; cartToken: string | null; t: CheckoutMessages }) => Promise<Response>,
): Promise<Response> {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  let look: StoreLook | undefined;
  try {
    const fields = await formFields(request);
    const page = await openStorePage(request, host, publicPath);
    look = page.look;
    return await work({ page, fields, cartToken: cartTokenOf(request), t: checkoutMessagesOf(page.look) });
  } catch (error) {
    return errorResponse(error, look);
  }
}

/** POST /checkout/details: contact and address → the draft (errors beside the fields otherwise). */
export const postCheckoutDetails = (request: Request, host: string) =>
  checkoutPost(request, host, '/checkout/details', async ({ page, fields, cartToken, t }) => {
    const { draft, errors } = draftOf(fields, t);
    if (Object.keys(errors).length === 0 && cartToken) {
      // The server's own checks of the address (lengths, country code) speak for the fields they name.
      try {
        await page.caller.cart.shippingOptions({ cartToken, address: draft.address });
      } catch (error) {
        const fieldErrors = fieldErrorsOf(error);
        if (!Object.keys(fieldErrors).length) throw error;
        Object.assign(errors, fieldErrors);
      }
    }
    if (Object.keys(errors).length) return seeOther('/checkout?edit=1', [flashCookie(request, { tone: 'error', errors, values: fields })]);
    const previous = checkoutDraftOf(request);
    return seeOther('/checkout', [checkoutDraftCookie(request, { ...draft, ...(previous?.shippingOptionId ? { shippingOptionId: previous.shippingOptionId } : {}) })]);
  });

/** POST /checkout/shipping: another shipping option → the totals for it. */
export const postCheckoutShipping = (request: Request, host: string) =>
  checkoutPost(request, host, '/checkout/shipping', async ({ fields }) => {
    const draft = checkoutDraftOf(request);
    if (!draft) return seeOther('/checkout');
    return seeOther('/checkout', [checkoutDraftCookie(request, { ...draft, shippingOptionId: clean(fields.shippingOptionId) })]);
  });

async function toPaymentPage(page: StorePageContext, request: Request, token: string, extraCookies: string[] = []): Promise<Response> {
  try {
    const { url } = await page.caller.checkout.pay({ token, origin: page.request.origin });
    return seeOther(url, extraCookies);
  } catch (error) {
    const sentence = refusalOf(error);
    if (!sentence) throw error;
    const flash: Flash = { tone: 'error', message: sentence, reason: refusalReasonOf(error) };
    return seeOther(`/checkout/confirmation?order=${encodeURIComponent(token)}`, [...extraCookies, flashCookie(request, flash)]);
  }
}

/**
 * POST /checkout/place: the order is placed from the cart (priced again on the server, stock taken), then the buyer
 * goes to Stripe's payment page. A refusal (sold out meanwhile, a coupon used up…) comes back as the API's sentence.
 */
export const postPlaceOrder = (request: Request, host: string) =>
  checkoutPost(request, host, '/checkout/place', async ({ page, fields, cartToken, t }) => {
    const draft = checkoutDraftOf(request);
    if (!draft || !cartToken) return seeOther('/checkout');
    if (page.look.readyToSell === false) return seeOther('/checkout', [flashCookie(request, { tone: 'error', message: t.notReady })]);
    const shippingOptionId = clean(fields.shippingOptionId) || draft.shippingOptionId || '';
    let placed;
    try {
      placed = await page.caller.checkout.placeOrder({
        cartToken,
        email: draft.email,
        name: draft.name,
        phone: draft.phone,
        address: draft.address,
        shippingOptionId,
        locale: page.look.language,
      });
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (Object.keys(errors).some((k) => k !== 'shippingOptionId')) return seeOther('/checkout?edit=1', [flashCookie(request, { tone: 'error', errors })]);
      const sentence = refusalOf(error) ?? errors.shippingOptionId;
      if (!sentence) throw error;
      // The reason travels in the flash: the checkout page says the sentence in its language (refusal-text.ts).
      return seeOther('/checkout', [flashCookie(request, { tone: 'error', message: sentence, reason: refusalReasonOf(error) })]);
    }
    return toPaymentPage(page, request, placed.trackingToken, [clearCheckoutDraftCookie(request)]);
  });

/** POST /checkout/pay: order (its link token) → Stripe's payment page again. */
export const postPayOrder = (request: Request, host: string) =>
  checkoutPost(request, host, '/checkout/pay', async ({ page, fields }) => {
    const token = clean(fields.order);
    if (!TOKEN.test(token)) return notFoundResponse(page.look, checkoutMessagesOf(page.look).orderNotFound);
    return toPaymentPage(page, request, token);
  });

const isNotFound = (error: unknown) => error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST');

/** GET /checkout/confirmation?order=<token>[&session_id=…] */
export async function answerConfirmation(request: Request, host: string): Promise<Response> {
  let look: StoreLook | undefined;
  try {
    const page = await openStorePage(request, host, '/checkout/confirmation');
    look = page.look;
    const token = page.request.search.get('order') ?? '';
    const t = checkoutMessagesOf(page.look);
    const order = await page.caller.checkout.confirmation({ token }).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });
    if (!order) return notFoundResponse(page.look, t.orderNotFound);
    const flash = readFlash(request);
    return personalAnswer(page, request, confirmationPage(page.look, order, flash, { awaitingPayment: page.request.search.has('session_id') }), flash);
  } catch (error) {
    return errorResponse(error, look);
  }
}

/** GET /orders/<token>: the buyer's tracking page. */
export async function answerTracking(request: Request, host: string, rawToken: string): Promise<Response> {
  let look: StoreLook | undefined;
  try {
    const token = decodeURIComponent(rawToken);
    const page = await openStorePage(request, host, `/orders/${encodeURIComponent(token)}`);
    look = page.look;
    const tracked = await page.caller.orderTracking.get({ token }).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });
    if (!tracked) return notFoundResponse(page.look, checkoutMessagesOf(page.look).orderNotFound);
    return personalAnswer(page, request, trackingPage(page.look, tracked));
  } catch (error) {
    return errorResponse(error, look);
  }
}
