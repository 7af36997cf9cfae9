import { money, totalsRows, flashNotice, type TotalsRow } from './cart-page.ts';
import type { CheckoutDraft, Flash } from './cart-forms.ts';
import { checkoutMessagesOf, type CheckoutMessages } from './checkout-messages.ts';
import { html, type Html } from './html.ts';
import { documentOf, storeHeader, type StoreLook } from './pages.ts';
import { refusalText, type StoreRefusal } from './refusal-text.ts';

/** The countries the address form offers (the markets the platform serves), named in the page's language. */
export const CHECKOUT_COUNTRIES = ['BR', 'PT', 'US', 'GB', 'CA', 'ES', 'AR', 'MX', 'CL', 'CO'] as const;

const countryName = (code: string, language: string) => {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

interface FieldSpec {
  name: string;
  label: string;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  max?: number;
}

function field(spec: FieldSpec, value: string, error: string | undefined): Html {
  const id = `checkout-${spec.name.replace('.', '-')}`;
  const described = [error ? `${id}-error` : null, spec.hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return html`<div class="v-field${error ? ' v-field--invalid' : ''}"><label for="${id}">${spec.label}</label><input id="${id}" name="${spec.name}" type="${spec.type ?? 'text'}" value="${value}"${
    spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''
  }${spec.required ? ' required' : ''}${spec.max ? html` maxlength="${spec.max}"` : ''}${error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}>${
    spec.hint ? html`<small id="${id}-hint">${spec.hint}</small>` : ''
  }${error ? html`<span id="${id}-error" class="v-field__error" role="alert" data-testid="error-${spec.name}">${error}</span>` : ''}</div>`;
}

/** The values to fill the details form with: what was typed (after a refusal), else the saved draft. */
export function detailsValues(draft: CheckoutDraft | null, flash: Flash | null): Record<string, string> {
  if (flash?.values) return flash.values;
  if (!draft) return {};
  return {
    email: draft.email,
    name: draft.name,
    phone: draft.phone ?? '',
    'address.line1': draft.address.line1,
    'address.line2': draft.address.line2 ?? '',
    'address.city': draft.address.city,
    'address.region': draft.address.region ?? '',
    'address.postalCode': draft.address.postalCode,
    'address.country': draft.address.country,
  };
}

/** Step 1: contact and delivery address; errors beside the fields. */
function detailsForm(look: StoreLook, t: CheckoutMessages, values: Record<string, string>, errors: Record<string, string>, defaultCountry: string): Html {
  const v = (name: string) => values[name] ?? '';
  const country = v('address.country') || defaultCountry;
  const countryError = errors['address.country'];
  return html`<form method="post" action="/checkout/details" data-testid="checkout-details" novalidate><fieldset class="v-card"><legend>${t.contact}</legend>${field(
    { name: 'email', label: t.email, type: 'email', autocomplete: 'email', required: true, max: 254 },
    v('email'),
    errors.email,
  )}${field({ name: 'name', label: t.name, autocomplete: 'name', required: true, max: 120 }, v('name'), errors.name)}${field(
    { name: 'phone', label: t.phone, type: 'tel', autocomplete: 'tel', hint: t.phoneHint, max: 25 },
    v('phone'),
    errors.phone,
  )}</fieldset><fieldset class="v-card" style="margin-top:12px"><legend>${t.address}</legend>${field(
    { name: 'address.line1', label: t.line1, autocomplete: 'address-line1', required: true, max: 200 },
    v('address.line1'),
    errors['address.line1'],
  )}${field({ name: 'address.line2', label: t.line2, autocomplete: 'address-line2', max: 200 }, v('address.line2'), errors['address.line2'])}${field(
    { name: 'address.city', label: t.city, autocomplete: 'address-level2', required: true, max: 100 },
    v('address.city'),
    errors['address.city'],
  )}${field({ name: 'address.region', label: t.region, autocomplete: 'address-level1', max: 50 }, v('address.region'), errors['address.region'])}${field(
    { name: 'address.postalCode', label: t.postalCode, autocomplete: 'postal-code', required: true, max: 20 },
    v('address.postalCode'),
    errors['address.postalCode'],
  )}<div class="v-field${countryError ? ' v-field--invalid' : ''}"><label for="checkout-address-country">${t.country}</label><select id="checkout-address-country" name="address.country" autocomplete="country"${
    countryError ? html` aria-invalid="true" aria-describedby="checkout-address-country-error"` : ''
  }>${CHECKOUT_COUNTRIES.map((c) => html`<option value="${c}"${c === country ? ' selected' : ''}>${countryName(c, look.language ?? 'en')}</option>`)}</select>${
    countryError ? html`<span id="checkout-address-country-error" class="v-field__error" role="alert">${countryError}</span>` : ''
  }</div></fieldset><p><button class="v-button" type="submit">${t.continueToShipping}</button></p></form>`;
}

export interface ShippingChoice {
  id: string;
  name: string;
  amount: number;
  kind?: string;
}

export interface CheckoutQuote {
  currency: string;
  /** `problem`: the API's English sentence; `problemReason`: its reason, said in the page's language. */
  items: { title: string; variantLabel: string; quantity: number; lineTotal: number; problem: string | null; problemReason?: StoreRefusal | null }[];
  coupon: { code: string; discount: number; problem: string | null; problemReason?: StoreRefusal | null } | null;
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
}

/** Step 2: the saved details (with a way back), the shipping options for the address, the totals and "Pay". */
function shippingAndPay(look: StoreLook, t: CheckoutMessages, draft: CheckoutDraft, options: ShippingChoice[], chosen: string | null, quote: CheckoutQuote | null): Html {
  const a = draft.address;
  const summary = html`<section class="v-card" data-testid="checkout-summary"><p><strong>${draft.name}</strong> · ${draft.email}${draft.phone ? html` · ${draft.phone}` : ''}</p><p>${a.line1}${a.line2 ? html`, ${a.line2}` : ''}, ${a.city}${
    a.region ? html` — ${a.region}` : ''
  }, ${a.postalCode}, ${countryName(a.country, look.language ?? 'en')}</p><p><a href="/checkout?edit=1" data-testid="change-details">${t.change}</a></p></section>`;
  if (options.length === 0) return html`${summary}<p class="v-alert" role="alert" data-testid="no-shipping">${t.noShipping}</p>`;
  const currency = quote?.currency ?? '';
  const radios = html`<fieldset class="v-card" style="margin-top:12px" data-testid="shipping-options"><legend>${t.shippingOptions}</legend>${options.map(
    (o) =>
      html`<label style="display:block;margin:6px 0"><input type="radio" name="shippingOptionId" value="${o.id}"${o.id === chosen ? ' checked' : ''}> ${o.name} — ${money(o.amount, currency || 'BRL', look)}</label>`,
  )}<button class="v-button v-button--secondary" type="submit" formaction="/checkout/shipping">${t.updateTotals}</button></fieldset>`;
  const rows: TotalsRow[] = quote
    ? [
        { label: t.subtotal, amount: quote.subtotal, testId: 'checkout-subtotal' },
        ...(quote.discount > 0 ? [{ label: `${t.discount}${quote.coupon ? ` (${quote.coupon.code})` : ''}`, amount: quote.discount, testId: 'checkout-discount', negative: true }] : []),
        { label: t.shipping, amount: quote.shipping, testId: 'checkout-shipping' },
        ...(quote.tax > 0 ? [{ label: t.tax, amount: quote.tax, testId: 'checkout-tax' }] : []),
        { label: t.total, amount: quote.total, testId: 'checkout-total', strong: true },
      ]
    : [];
  const lines = quote
    ? html`<ul data-testid="checkout-items">${quote.items.map(
        (i) => html`<li>${i.quantity} × ${i.title}${i.variantLabel ? html` — ${i.variantLabel}` : ''}: ${money(i.lineTotal, quote.currency, look)}${i.problem ? html` <span class="v-field__error" role="alert">${refusalText(look, i.problem, i.problemReason)}</span>` : ''}</li>`,
      )}</ul>${quote.coupon?.problem ? html`<p class="v-field__error" role="alert">${t.couponNotApplied(quote.coupon.code, refusalText(look, quote.coupon.problem, quote.coupon.problemReason))}</p>` : ''}`
    : '';
  return html`${summary}<form method="post" action="/checkout/place" data-testid="checkout-pay">${radios}<section class="v-card" style="margin-top:12px"><h2>${t.orderSummary}</h2>${lines}${
    quote ? totalsRows(look, quote.currency, rows) : ''
  }</section><p>${t.payHint}</p><p><button class="v-button" type="submit" data-testid="pay">${t.payNow}</button></p></form>`;
}

/** A buyer back from the payment page without paying (Stripe's cancel_url): their order waits, pay it now. */
function resumeNotice(t: CheckoutMessages, order: { number: number; trackingToken: string }): Html {
  return html`<section class="v-card" data-testid="checkout-resume" role="status"><h2>${t.resumeTitle(order.number)}</h2><p>${t.resumeBody}</p><form method="post" action="/checkout/pay"><input type="hidden" name="order" value="${order.trackingToken}"><button class="v-button" type="submit">${t.payPending}</button></form></section>`;
}

export interface CheckoutPageInput {
  flash: Flash | null;
  draft: CheckoutDraft | null;
  editing: boolean;
  cartEmpty: boolean;
  defaultCountry: string;
  options: ShippingChoice[];
  chosen: string | null;
  quote: CheckoutQuote | null;
  /** An unpaid order the buyer came back to (cancel_url), when it still waits for payment. */
  resume: { number: number; trackingToken: string } | null;
}

/** /checkout */
export function checkoutPage(look: StoreLook, input: CheckoutPageInput): string {
  const t = checkoutMessagesOf(look);
  let body: Html | '';
  if (look.readyToSell === false) body = html`<p class="v-alert" role="alert" data-testid="checkout-not-ready">${t.notReady}</p>`;
  else if (input.cartEmpty) body = input.resume ? '' : html`<div class="v-empty" data-testid="cart-empty"><h2>${t.cartEmptyTitle}</h2><p><a href="/">${t.keepShopping}</a></p></div>`;
  else if (!input.draft || input.editing || input.flash?.errors) {
    body = detailsForm(look, t, detailsValues(input.draft, input.flash), input.flash?.errors ?? {}, input.defaultCountry);
  } else body = shippingAndPay(look, t, input.draft, input.options, input.chosen, input.quote);
  return documentOf(
    `${t.checkoutTitle} · ${look.name}`,
    html`${storeHeader(look)}<main class="v-page" style="max-width:760px"><h1>${t.checkoutTitle}</h1>${input.resume ? resumeNotice(t, input.resume) : ''}${
      input.flash?.errors ? '' : flashNotice(look, input.flash)
    }${body}<p><a href="/cart">← ${t.cart}</a></p></main>`,
    look,
    { noindex: true },
  );
}

export interface ConfirmationView {
  number: number;
  status: string;
  currency: string;
  subtotal: number;
  discount: number;
  couponCode: string | null;
  shipping: number;
  shippingMethodName: string;
  tax: number;
  total: number;
  items: { title: string; variantLabel: string; quantity: number; lineTotalAmount: number }[];
  trackingToken: string;
}

/** /checkout/confirmation?order=…: the order's number and status (waiting → paid), its items and totals. */
export function confirmationPage(look: StoreLook, order: ConfirmationView, flash: Flash | null, options: { awaitingPayment?: boolean } = {}): string {
  const t = checkoutMessagesOf(look);
  const pending = order.status === 'CREATED';
  const rows: TotalsRow[] = [
    { label: t.subtotal, amount: order.subtotal, testId: 'confirmation-subtotal' },
    ...(order.discount > 0 ? [{ label: `${t.discount}${order.couponCode ? ` (${order.couponCode})` : ''}`, amount: order.discount, testId: 'confirmation-discount', negative: true }] : []),
    { label: `${t.shipping} (${order.shippingMethodName})`, amount: order.shipping, testId: 'confirmation-shipping' },
    ...(order.tax > 0 ? [{ label: t.tax, amount: order.tax, testId: 'confirmation-tax' }] : []),
    { label: t.total, amount: order.total, testId: 'confirmation-total', strong: true },
  ];
  const statusText = order.status === 'CREATED' ? t.pendingBody : order.status === 'CANCELLED' ? t.cancelledBody : t.paidBody;
  const pay = pending
    ? html`<form method="post" action="/checkout/pay"><input type="hidden" name="order" value="${order.trackingToken}"><button class="v-button v-button--secondary" type="submit">${t.payPending}</button></form>`
    : '';
  const page = documentOf(
    `${t.confirmationTitle(order.number)} · ${look.name}`,
    html`${storeHeader(look)}<main class="v-page" style="max-width:760px"><h1 data-testid="order-number">${t.confirmationTitle(order.number)}</h1>${flashNotice(look, flash)}<p><strong>${t.statusLabel}:</strong> <span data-testid="order-status" data-status="${order.status}">${
      t.status[order.status] ?? order.status
    }</span></p><p role="status">${statusText}</p>${pay}<section class="v-card"><h2>${t.items}</h2><ul>${order.items.map(
      (i) => html`<li>${i.quantity} × ${i.title}${i.variantLabel ? html` — ${i.variantLabel}` : ''}: ${money(i.lineTotalAmount, order.currency, look)}</li>`,
    )}</ul>${totalsRows(look, order.currency, rows)}</section><p><a class="v-button" href="/orders/${encodeURIComponent(order.trackingToken)}" data-testid="tracking-link">${t.trackOrder}</a></p></main>`,
    look,
    { noindex: true },
  );
  // Back from the payment page and still waiting for its confirmation: the page asks again every few seconds.
  return pending && options.awaitingPayment ? page.replace('<head>', '<head><meta http-equiv="refresh" content="4">') : page;
}
