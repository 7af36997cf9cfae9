import { formatMoney } from '@vitrine/ui';
import type { Flash } from './cart-forms.ts';
import { checkoutMessagesOf } from './checkout-messages.ts';
import { html, type Html } from './html.ts';
import { documentOf, storeHeader, type StoreLook } from './pages.ts';
import { refusalText, type StoreRefusal } from './refusal-text.ts';

/** The cart as cart.get answers it (priced on the server now). */
export interface CartView {
  currency: string;
  items: {
    variantId: string;
    productSlug: string;
    title: string;
    variantLabel: string;
    unitPrice: number;
    quantity: number;
    lineTotal: number;
    available: number;
    /** The API's English sentence, and its reason for saying it in the page's language. */
    problem: string | null;
    problemReason?: StoreRefusal | null;
  }[];
  itemCount: number;
  subtotal: number;
  coupon: { code: string; discount: number; problem: string | null; problemReason?: StoreRefusal | null } | null;
  discount: number;
}

export const money = (amount: number, currency: string, look: Pick<StoreLook, 'locale'>) => formatMoney(amount, currency, look.locale);

/** The header's link to the cart, with the number of items in it. */
export function cartLink(look: StoreLook): Html {
  const t = checkoutMessagesOf(look);
  const count = look.cartCount ?? 0;
  return html`<a class="t-cart" href="/cart" data-testid="cart-link" data-count="${count}">${count > 0 ? t.cartWithCount(count) : t.cart}</a>`;
}

/** A flash sentence after a POST (an API refusal said in the page's language): announced to screen readers, red for a refusal. */
export function flashNotice(look: StoreLook, flash: Flash | null): Html | '' {
  const message = flash?.key ? checkoutMessagesOf(look)[flash.key] : flash?.message && refusalText(look, flash.message, flash.reason);
  if (!message) return '';
  return flash?.tone === 'success'
    ? html`<p class="t-checkout" role="status" data-testid="flash-success">${message}</p>`
    : html`<p class="v-alert" role="alert" data-testid="flash-error">${message}</p>`;
}

const variantName = (v: { title: string; attributes?: Record<string, string>; sku: string }) =>
  v.title.trim() || Object.values(v.attributes ?? {}).filter(Boolean).join(' / ') || v.sku;

/** The product page's form: the variant picker (sold-out options disabled), the quantity and "Add to cart". */
export function addToCartForm(
  look: StoreLook,
  product: { variants: { id?: string; sku: string; title: string; attributes?: Record<string, string>; priceAmount: number; currency: string; inStock: boolean }[] },
): Html | '' {
  if (look.readyToSell === false) return '';
  const variants = product.variants.filter((v): v is typeof v & { id: string } => Boolean(v.id));
  if (variants.length === 0) return '';
  const t = checkoutMessagesOf(look);
  const firstInStock = variants.find((v) => v.inStock);
  const picker =
    variants.length > 1
      ? html`<div class="v-field"><label for="add-variant">${t.variant}</label><select id="add-variant" name="variantId" required data-testid="variant-picker">${variants.map(
          (v) =>
            html`<option value="${v.id}"${v.inStock ? '' : ' disabled'}${v === firstInStock ? ' selected' : ''}>${variantName(v)} — ${money(v.priceAmount, v.currency, look)}${v.inStock ? '' : ` (${t.soldOut})`}</option>`,
        )}</select></div>`
      : html`<input type="hidden" name="variantId" value="${variants[0]!.id}">`;
  return html`<form class="t-add" method="post" action="/cart/add" data-testid="add-to-cart">${picker}<div class="v-field"><label for="add-quantity">${t.quantity}</label><input id="add-quantity" name="quantity" type="number" min="1" max="999" value="1" inputmode="numeric" style="max-width:7rem"></div><button class="v-button" type="submit"${firstInStock ? '' : ' disabled'}>${t.addToCart}</button></form>`;
}

export interface TotalsRow {
  label: string;
  amount: number;
  testId: string;
  negative?: boolean;
  strong?: boolean;
}

/** The totals table (subtotal, discount, shipping, tax, total), amounts as the server computed them. */
export function totalsRows(look: StoreLook, currency: string, rows: TotalsRow[]): Html {
  return html`<table class="v-table t-totals"><tbody>${rows.map(
    (r) =>
      html`<tr><th scope="row">${r.label}</th><td data-testid="${r.testId}" style="text-align:right">${r.strong ? html`<strong>${r.negative ? '− ' : ''}${money(r.amount, currency, look)}</strong>` : html`${r.negative ? '− ' : ''}${money(r.amount, currency, look)}`}</td></tr>`,
  )}</tbody></table>`;
}


/** /cart: the lines with their quantities (change, remove), the coupon, the totals from the server, checkout. */
export function cartPage(look: StoreLook, cart: CartView, flash: Flash | null): string {
  const t = checkoutMessagesOf(look);
  if (cart.items.length === 0) {
    return documentOf(
      `${t.cartTitle} · ${look.name}`,
      html`${storeHeader(look)}<main class="v-page">${flashNotice(look, flash)}<div class="v-empty" data-testid="cart-empty"><h1>${t.cartEmptyTitle}</h1><p>${t.cartEmptyBody}</p><p><a href="/">${t.keepShopping}</a></p></div></main>`,
      look,
      { noindex: true },
    );
  }
  const line = (i: CartView['items'][number]) => {
    const name = i.variantLabel ? `${i.title} — ${i.variantLabel}` : i.title;
    return html`<tr data-testid="cart-line"><td><a href="/products/${encodeURIComponent(i.productSlug)}">${i.title}</a>${i.variantLabel ? html`<br><small>${i.variantLabel}</small>` : ''}${
      i.problem ? html`<br><span class="v-field__error" role="alert" data-testid="line-problem">${refusalText(look, i.problem, i.problemReason)}</span>` : ''
    }</td><td>${money(i.unitPrice, cart.currency, look)}</td><td><form method="post" action="/cart/update" class="v-row" style="gap:6px"><input type="hidden" name="variantId" value="${i.variantId}"><label class="v-sr-only" for="qty-${i.variantId}">${t.quantityOf(name)}</label><input id="qty-${i.variantId}" name="quantity" type="number" min="0" max="999" value="${i.quantity}" inputmode="numeric" style="width:5rem" data-testid="line-quantity"><button class="v-button v-button--secondary" type="submit">${t.update}</button></form></td><td data-testid="line-total">${money(i.lineTotal, cart.currency, look)}</td><td><form method="post" action="/cart/remove"><input type="hidden" name="variantId" value="${i.variantId}"><button class="v-button v-button--secondary" type="submit" aria-label="${t.removeItem(name)}">${t.remove}</button></form></td></tr>`;
  };
  const couponError = flash?.errors?.code && refusalText(look, flash.errors.code, flash.errorReasons?.code);
  const coupon = cart.coupon
    ? html`<div class="t-coupon" data-testid="cart-coupon"><p>${cart.coupon.problem ? html`<span class="v-field__error" role="alert">${t.couponNotApplied(cart.coupon.code, refusalText(look, cart.coupon.problem, cart.coupon.problemReason))}</span>` : t.couponApplied(cart.coupon.code)}</p><form method="post" action="/cart/coupon/remove"><button class="v-button v-button--secondary" type="submit">${t.removeCoupon}</button></form></div>`
    : html`<form method="post" action="/cart/coupon" class="v-row" data-testid="coupon-form"><div class="v-field${couponError ? ' v-field--invalid' : ''}"><label for="coupon-code">${t.coupon}</label><input id="coupon-code" name="code" maxlength="40" autocomplete="off" value="${flash?.values?.code ?? ''}"${couponError ? html` aria-invalid="true" aria-describedby="coupon-code-error"` : ''}>${
        couponError ? html`<span id="coupon-code-error" class="v-field__error" role="alert" data-testid="coupon-error">${couponError}</span>` : ''
      }</div><button class="v-button v-button--secondary" type="submit">${t.applyCoupon}</button></form>`;
  const rows: TotalsRow[] = [{ label: t.subtotal, amount: cart.subtotal, testId: 'cart-subtotal' }];
  if (cart.discount > 0) rows.push({ label: t.discount, amount: cart.discount, testId: 'cart-discount', negative: true });
  rows.push({ label: t.total, amount: cart.subtotal - cart.discount, testId: 'cart-total', strong: true });
  const blocked = cart.items.some((i) => i.problem);
  return documentOf(
    `${t.cartTitle} · ${look.name}`,
    html`${storeHeader(look)}<main class="v-page"><h1>${t.cartTitle}</h1>${flashNotice(look, flash)}<table class="v-table" data-testid="cart-lines"><thead><tr><th>${t.product}</th><th>${t.unitPrice}</th><th>${t.quantity}</th><th>${t.lineTotal}</th><th><span class="v-sr-only">${t.remove}</span></th></tr></thead><tbody>${cart.items.map(line)}</tbody></table><div class="t-cart-foot">${coupon}${totalsRows(look, cart.currency, rows)}</div><p class="v-row" style="justify-content:space-between"><a href="/">${t.keepShopping}</a>${
      blocked || look.readyToSell === false ? html`<span class="v-button" aria-disabled="true" style="opacity:.6">${t.checkout}</span>` : html`<a class="v-button" href="/checkout" data-testid="go-checkout">${t.checkout}</a>`
    }</p>${look.readyToSell === false ? html`<p class="v-alert" role="status">${t.notReady}</p>` : ''}</main>`,
    look,
    { noindex: true },
  );
}
