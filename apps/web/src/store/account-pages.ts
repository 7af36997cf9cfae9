import { formatMoney } from '@vitrine/ui';
import type { AccountFlash } from './account-forms.ts';
import { accountMessagesOf, type AccountMessages } from './account-messages.ts';
import { checkoutMessagesOf } from './checkout-messages.ts';
import { html, type Html } from './html.ts';
import { documentOf, storeHeader, type StoreLook } from './pages.ts';

/** The buyer account pages as HTML strings, from plain data (the routes call the API and pass what it answered). */

export interface AccountView {
  email: string;
  name: string;
  emailVerified: boolean;
}

export interface HistoryView {
  emailVerified: boolean;
  orders: { number: number; createdAt: Date; status: string; totalAmount: number; currency: string; itemCount: number; trackingPath: string }[];
}

export interface AddressView {
  id: string;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
  isDefault: boolean;
}

type FieldKind = 'text' | 'email' | 'password' | 'tel';

interface FieldSpec {
  name: string;
  label: string;
  type?: FieldKind;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  maxlength?: number;
  value?: string;
}

/** A labelled input with its error beside it (announced, linked by aria-describedby). */
function field(flash: AccountFlash | null, spec: FieldSpec): Html {
  const id = `account-${spec.name}`;
  const error = flash?.errors?.[spec.name];
  const value = spec.type === 'password' ? '' : (flash?.values?.[spec.name] ?? spec.value ?? '');
  const described = [error ? `${id}-error` : '', spec.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return html`<div class="v-field${error ? ' v-field--invalid' : ''}"><label for="${id}">${spec.label}</label><input id="${id}" name="${spec.name}" type="${spec.type ?? 'text'}" value="${value}"${
    spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''
  }${spec.required ? ' required' : ''} maxlength="${spec.maxlength ?? 200}"${error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}>${
    spec.hint ? html`<small id="${id}-hint">${spec.hint}</small>` : ''
  }${error ? html`<span id="${id}-error" class="v-field__error" role="alert" data-testid="field-error-${spec.name}">${error}</span>` : ''}</div>`;
}

/** The notice or refusal of the last POST. */
function flashNotice(t: AccountMessages, flash: AccountFlash | null): Html | '' {
  if (!flash) return '';
  if (flash.error) return html`<p class="v-alert" role="alert" data-testid="account-error">${flash.error}</p>`;
  const message = flash.signedUp ? t.signedUp(flash.signedUp) : flash.notice ? t[flash.notice] : null;
  return message ? html`<p class="v-card" role="status" data-testid="account-notice">${message}</p>` : '';
}

function page(look: StoreLook, title: string, body: Html): string {
  return documentOf(`${title} · ${look.name}`, html`${storeHeader(look)}<main class="v-page" style="max-width:720px">${body}</main>`, look, { noindex: true });
}

/** The signed-in pages' navigation: orders, addresses, my data, sign out. */
function accountNav(t: AccountMessages, current: 'overview' | 'addresses' | 'data'): Html {
  const link = (href: string, key: typeof current, label: string) =>
    html`<a href="${href}"${current === key ? ' aria-current="page"' : ''}>${label}</a>`;
  return html`<nav aria-label="${t.nav}" class="v-row" style="align-items:center;margin-bottom:var(--space-4)" data-testid="account-nav">${link('/account', 'overview', t.overview)}${link(
    '/account/addresses',
    'addresses',
    t.addressesTitle,
  )}${link('/account/data', 'data', t.dataTitle)}<form method="post" action="/account/sign-out" style="margin-left:auto"><button class="v-button v-button--secondary" type="submit" data-testid="sign-out">${t.signOut}</button></form></nav>`;
}

export function signUpPage(look: StoreLook, flash: AccountFlash | null): string {
  const t = accountMessagesOf(look);
  return page(
    look,
    t.signUpTitle,
    html`<h1>${t.signUpTitle}</h1>${flashNotice(t, flash)}<form method="post" action="/account/sign-up" class="v-card" data-testid="sign-up-form" novalidate>${field(flash, {
      name: 'name',
      label: t.name,
      autocomplete: 'name',
      required: true,
      maxlength: 120,
    })}${field(flash, { name: 'email', label: t.email, type: 'email', autocomplete: 'email', required: true, maxlength: 254 })}${field(flash, {
      name: 'password',
      label: t.password,
      type: 'password',
      autocomplete: 'new-password',
      required: true,
      hint: t.passwordHint,
    })}${field(flash, { name: 'phone', label: t.phone, type: 'tel', autocomplete: 'tel', maxlength: 30 })}<button class="v-button" type="submit">${t.createAccount}</button></form><p>${t.haveAccount} <a href="/account/sign-in">${t.signInButton}</a></p>`,
  );
}

export function signInPage(look: StoreLook, flash: AccountFlash | null): string {
  const t = accountMessagesOf(look);
  return page(
    look,
    t.signInTitle,
    html`<h1>${t.signInTitle}</h1>${flashNotice(t, flash)}<form method="post" action="/account/sign-in" class="v-card" data-testid="sign-in-form" novalidate>${field(flash, {
      name: 'email',
      label: t.email,
      type: 'email',
      autocomplete: 'email',
      required: true,
      maxlength: 254,
    })}${field(flash, { name: 'password', label: t.password, type: 'password', autocomplete: 'current-password', required: true })}<button class="v-button" type="submit">${t.signInButton}</button></form><p><a href="/account/forgot">${t.forgotLink}</a></p><p>${t.noAccount} <a href="/account/sign-up">${t.createOne}</a></p>`,
  );
}

export function forgotPage(look: StoreLook, flash: AccountFlash | null): string {
  const t = accountMessagesOf(look);
  return page(
    look,
    t.forgotTitle,
    html`<h1>${t.forgotTitle}</h1>${flashNotice(t, flash)}<p>${t.forgotIntro}</p><form method="post" action="/account/forgot" class="v-card" data-testid="forgot-form" novalidate>${field(flash, {
      name: 'email',
      label: t.email,
      type: 'email',
      autocomplete: 'email',
      required: true,
      maxlength: 254,
    })}<button class="v-button" type="submit">${t.sendLink}</button></form><p><a href="/account/sign-in">${t.backToSignIn}</a></p>`,
  );
}

/** The reset link's page: the new password, posted with the link's token. */
export function resetPage(look: StoreLook, token: string, flash: AccountFlash | null): string {
  const t = accountMessagesOf(look);
  return page(
    look,
    t.resetTitle,
    html`<h1>${t.resetTitle}</h1>${flashNotice(t, flash)}<form method="post" action="/account/reset" class="v-card" data-testid="reset-form" novalidate><input type="hidden" name="token" value="${token}">${field(
      flash,
      { name: 'password', label: t.newPassword, type: 'password', autocomplete: 'new-password', required: true, hint: t.passwordHint },
    )}<button class="v-button" type="submit">${t.savePassword}</button></form><p><a href="/account/forgot">${t.forgotLink}</a></p>`,
  );
}

/**
 * The verification link's page: a button that confirms (a POST, so a mail scanner opening the link confirms
 * nothing).
 */
export function verifyPage(look: StoreLook, token: string, flash: AccountFlash | null): string {
  const t = accountMessagesOf(look);
  return page(
    look,
    t.verifyTitle,
    html`<h1>${t.verifyTitle}</h1>${flashNotice(t, flash)}<p>${t.verifyIntro}</p><form method="post" action="/account/verify"><input type="hidden" name="token" value="${token}"><button class="v-button" type="submit" data-testid="confirm-email">${t.confirmEmail}</button></form>`,
  );
}

export function overviewPage(look: StoreLook, account: AccountView, history: HistoryView, flash: AccountFlash | null): string {
  const t = accountMessagesOf(look);
  const status = checkoutMessagesOf(look).status;
  const date = (d: Date) => new Intl.DateTimeFormat(look.locale, { dateStyle: 'medium' }).format(new Date(d));
  const verify = account.emailVerified
    ? ''
    : html`<div class="v-alert" role="status" data-testid="verify-banner"><p style="margin:0 0 var(--space-2)">${t.notVerified(account.email)}</p><form method="post" action="/account/verify/resend"><button class="v-button v-button--secondary" type="submit">${t.resend}</button></form></div>`;
  const orders = !history.emailVerified
    ? ''
    : history.orders.length === 0
      ? html`<p data-testid="no-orders">${t.noOrders}</p>`
      : html`<table class="v-table" data-testid="order-history"><thead><tr><th scope="col">${t.order}</th><th scope="col">${t.date}</th><th scope="col">${t.status}</th><th scope="col">${t.total}</th><th scope="col">${t.tracking}</th></tr></thead><tbody>${history.orders.map(
          (o) =>
            html`<tr data-testid="order-row"><td>#${o.number}</td><td>${date(o.createdAt)}</td><td data-testid="order-status">${status[o.status] ?? o.status}</td><td>${formatMoney(o.totalAmount, o.currency, look.locale)}</td><td><a href="${o.trackingPath}" aria-label="${t.track(o.number)}">${t.tracking}</a></td></tr>`,
        )}</tbody></table>`;
  return page(
    look,
    t.accountTitle,
    html`<h1>${t.accountTitle}</h1>${accountNav(t, 'overview')}${flashNotice(t, flash)}<p data-testid="signed-in-as">${t.signedInAs(account.name, account.email)}</p>${verify}<h2>${t.ordersTitle}</h2>${orders}`,
  );
}

function addressLines(a: AddressView): Html {
  return html`<span style="white-space:pre-line">${[a.name, a.line1, a.line2, `${a.postalCode} ${a.city}${a.region ? ` – ${a.region}` : ''}`, a.country, a.phone].filter(Boolean).join('\n')}</span>`;
}

/** The address form: a new address, or `editing` (its values filled in). */
function addressForm(t: AccountMessages, flash: AccountFlash | null, editing: AddressView | null): Html {
  const v = (key: keyof AddressView) => {
    const value = editing?.[key];
    return typeof value === 'string' ? value : '';
  };
  const isDefault = flash?.values ? flash.values.isDefault === 'on' : Boolean(editing?.isDefault);
  return html`<form method="post" action="${editing ? '/account/addresses/update' : '/account/addresses'}" class="v-card" data-testid="address-form" novalidate><h2 style="margin-top:0">${
    editing ? t.editAddress : t.addAddress
  }</h2>${editing ? html`<input type="hidden" name="addressId" value="${editing.id}">` : ''}${field(flash, { name: 'name', label: t.recipient, autocomplete: 'name', required: true, maxlength: 120, value: v('name') })}${field(flash, {
    name: 'line1',
    label: t.line1,
    autocomplete: 'address-line1',
    required: true,
    value: v('line1'),
  })}${field(flash, { name: 'line2', label: t.line2, autocomplete: 'address-line2', value: v('line2') })}${field(flash, {
    name: 'city',
    label: t.city,
    autocomplete: 'address-level2',
    required: true,
    maxlength: 100,
    value: v('city'),
  })}${field(flash, { name: 'region', label: t.region, autocomplete: 'address-level1', maxlength: 50, value: v('region') })}${field(flash, {
    name: 'postalCode',
    label: t.postalCode,
    autocomplete: 'postal-code',
    required: true,
    maxlength: 20,
    value: v('postalCode'),
  })}${field(flash, { name: 'country', label: t.country, autocomplete: 'country', required: true, maxlength: 2, hint: t.countryHint, value: v('country') })}${field(flash, {
    name: 'phone',
    label: t.phone,
    type: 'tel',
    autocomplete: 'tel',
    maxlength: 30,
    value: v('phone'),
  })}<div class="v-field"><label><input type="checkbox" name="isDefault"${isDefault ? ' checked' : ''}> ${t.makeDefaultField}</label></div><p class="v-row"><button class="v-button" type="submit">${t.saveAddress}</button>${
    editing ? html`<a href="/account/addresses">${t.cancel}</a>` : ''
  }</p></form>`;
}

export function addressesPage(look: StoreLook, addresses: AddressView[], editing: AddressView | null, flash: AccountFlash | null): string {
  const t = accountMessagesOf(look);
  const list = addresses.length
    ? html`<ul style="list-style:none;padding:0" data-testid="address-list">${addresses.map(
        (a) =>
          html`<li class="v-card" data-testid="address" style="margin-bottom:var(--space-3)">${a.isDefault ? html`<p style="margin:0 0 var(--space-2)"><span class="v-badge v-badge--success" data-testid="default-address">${t.defaultBadge}</span></p>` : ''}${addressLines(
            a,
          )}<div class="v-row" style="margin-top:var(--space-3);align-items:center"><a href="/account/addresses?edit=${encodeURIComponent(a.id)}">${t.edit}</a>${
            a.isDefault
              ? ''
              : html`<form method="post" action="/account/addresses/default"><input type="hidden" name="addressId" value="${a.id}"><button class="v-button v-button--secondary" type="submit">${t.makeDefault}</button></form>`
          }<form method="post" action="/account/addresses/remove"><input type="hidden" name="addressId" value="${a.id}"><button class="v-button v-button--secondary" type="submit" aria-label="${t.remove}: ${a.line1}">${t.remove}</button></form></div></li>`,
      )}</ul>`
    : html`<p data-testid="no-addresses">${t.noAddresses}</p>`;
  return page(
    look,
    t.addressesTitle,
    html`<h1>${t.addressesTitle}</h1>${accountNav(t, 'addresses')}${flashNotice(t, flash)}${list}${addressForm(t, flash, editing)}`,
  );
}

export function myDataPage(look: StoreLook, flash: AccountFlash | null): string {
  const t = accountMessagesOf(look);
  const confirmError = flash?.errors?.confirm;
  return page(
    look,
    t.dataTitle,
    html`<h1>${t.dataTitle}</h1>${accountNav(t, 'data')}${flashNotice(t, flash)}<p>${t.dataIntro}</p><section class="v-card" style="margin-bottom:var(--space-4)"><h2 style="margin-top:0">${t.downloadTitle}</h2><p>${t.downloadIntro}</p><a class="v-button" href="/account/data/download" download data-testid="download-data">${t.download}</a></section><section class="v-card"><h2 style="margin-top:0">${t.deleteTitle}</h2><p>${t.deleteIntro}</p><form method="post" action="/account/data/delete" data-testid="delete-form" novalidate>${field(
      flash,
      { name: 'password', label: t.passwordToDelete, type: 'password', autocomplete: 'current-password', required: true },
    )}<div class="v-field${confirmError ? ' v-field--invalid' : ''}"><label><input type="checkbox" name="confirm" value="yes" required${confirmError ? html` aria-invalid="true" aria-describedby="account-confirm-error"` : ''}> ${t.deleteConfirm}</label>${
      confirmError ? html`<span id="account-confirm-error" class="v-field__error" role="alert">${confirmError}</span>` : ''
    }</div><button class="v-button v-button--danger" type="submit">${t.deleteButton}</button></form></section>`,
  );
}
