import { baseCss, formatPriceRange } from '@vitrine/ui';
import { storefrontMessages, type StorefrontMessages } from '../i18n/messages/storefront.ts';
import { accountLink } from './account-link.ts';
import { addToCartForm, cartLink } from './cart-page.ts';
import { html, raw, type Html } from './html.ts';
import { LANGUAGE_NAMES, type StoreLanguage } from './language.ts';
import { renderPageBody } from './page-body.ts';
import { jsonLdScript, metaDescription } from './seo.ts';
import { checkoutArea, productPhoto, productTile, type StoredPhoto, themeClass, themeCss, themeHeader, themeHero } from './themes.ts';

/**
 * The store's pages as HTML strings, from plain data (no request, no database): a page cache can keep what these
 * return by (host, path, language).
 */
export interface StoreLook {
  name: string;
  /** The locale prices are written in (the store's own, or the visitor's language). */
  locale: string;
  primaryColor?: string;
  /** The storefront theme and the rest of the branding (see themes.ts). */
  theme?: string;
  accentColor?: string;
  logoUrl?: string | null;
  /** False: the checkout area says the store is not ready to sell. */
  readyToSell?: boolean;
  /** The store's published institutional pages and contact details, shown in the footer. */
  footer?: StoreFooter;
  /** The language of the page's words (English when not given) and the languages the store offers. */
  language?: StoreLanguage;
  languages?: readonly StoreLanguage[];
  /** The page's own address (path and query, without lang=), for the language links. */
  path?: string;
  /** Items in the visitor's cart (shown on the header's cart link); 0 or absent for a visitor without one. */
  cartCount?: number;
  /** Whether the visitor has a buyer session at this store (false: the header offers "Sign in"); absent when unknown. */
  buyerSignedIn?: boolean;
}

export interface StoreFooter {
  pages: readonly { slug: string; title: string }[];
  contact: { email: string | null; phone: string | null; address: string | null };
}

/** What search engines and link previews read in <head>. */
export interface PageMeta {
  description?: string | null;
  /** Absolute address of the page on the request's host. */
  canonical?: string;
  ogType?: 'website' | 'product';
  ogImage?: string | null;
  jsonLd?: Record<string, unknown>;
  noindex?: boolean;
  /** The same page in the store's other languages: absolute addresses by language. */
  alternates?: readonly { language: StoreLanguage; href: string }[];
}

export const messagesOf = (look?: Pick<StoreLook, 'language'>): StorefrontMessages => storefrontMessages[look?.language ?? 'en'];

const safeColor = (c?: string) => (c && /^#[0-9a-fA-F]{6}$/.test(c) ? c : undefined);

export function documentOf(title: string, body: Html, look?: StoreLook, meta: PageMeta = {}): string {
  const brand = safeColor(look?.primaryColor);
  const description = metaDescription(meta.description);
  const head = html`<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${
    description ? html`<meta name="description" content="${description}">` : ''
  }${meta.noindex ? html`<meta name="robots" content="noindex,follow">` : ''}${meta.canonical ? html`<link rel="canonical" href="${meta.canonical}">` : ''}${(
    meta.alternates ?? []
  ).map((a) => html`<link rel="alternate" hreflang="${a.language}" href="${a.href}">`)}<meta property="og:title" content="${title}"><meta property="og:type" content="${
    meta.ogType ?? 'website'
  }">${meta.canonical ? html`<meta property="og:url" content="${meta.canonical}">` : ''}${look ? html`<meta property="og:site_name" content="${look.name}">` : ''}${
    description ? html`<meta property="og:description" content="${description}">` : ''
  }${meta.ogImage ? html`<meta property="og:image" content="${meta.ogImage}">` : ''}${look?.language ? html`<meta property="og:locale" content="${look.language.replace('-', '_')}">` : ''}${
    meta.jsonLd ? jsonLdScript(meta.jsonLd) : ''
  }<style>${raw(baseCss)}${brand ? raw(`:root{--brand:${brand}}`) : ''}${raw(themeCss(look))}</style>`;
  return `<!doctype html>${html`<html lang="${look?.language ?? look?.locale ?? 'en'}"><head>${head}</head><body class="${themeClass(look)}">${body}${storeFooter(look)}</body></html>`}`;
}

/** Links to the store's institutional pages (about, returns, privacy…) and its contact details, when it has any. */
export function storeFooter(look?: StoreLook): Html | '' {
  const footer = look?.footer;
  const { email, phone, address } = footer?.contact ?? { email: null, phone: null, address: null };
  if (!footer || (!footer.pages.length && !email && !phone && !address)) return '';
  const links = footer.pages.length
    ? html`<nav aria-label="${messagesOf(look).storeInformation}" class="v-row">${footer.pages.map((p) => html`<a href="/pages/${encodeURIComponent(p.slug)}">${p.title}</a>`)}</nav>`
    : '';
  const contact =
    email || phone || address
      ? html`<address data-testid="store-contact" style="font-style:normal;margin-top:var(--space-3)">${email ? html`<a href="mailto:${email}">${email}</a> ` : ''}${phone ? html`<span>${phone}</span> ` : ''}${address ? html`<span style="white-space:pre-line">${address}</span>` : ''}</address>`
      : '';
  return html`<footer class="v-page" data-testid="store-footer" style="border-top:1px solid var(--border, #ddd);margin-top:var(--space-6, 2rem);padding-block:var(--space-4)">${links}${contact}</footer>`;
}

/** An institutional page (about, returns, privacy, custom) with its text rendered safely. */
export function storeInstitutionalPage(look: StoreLook, page: { title: string; body: string }, meta: PageMeta = {}): string {
  const t = messagesOf(look);
  return documentOf(
    `${page.title} · ${look.name}`,
    html`${storeHeader(look)}<main class="v-page"><article class="v-card"><h1 data-testid="page-title">${page.title}</h1><div data-testid="page-body">${renderPageBody(page.body)}</div></article><p><a href="/">${t.backHome}</a></p></main>`,
    look,
    { description: page.body, ...meta },
  );
}

/** The store's masthead: logo and name, the search box and, when the store offers several, the languages. */
export function storeHeader(look: StoreLook, homeHref = '/', query = ''): Html {
  const t = messagesOf(look);
  const search = html`<form class="t-search" role="search" action="/search" method="get"><label class="v-sr-only" for="store-search">${t.searchLabel}</label><input id="store-search" type="search" name="q" value="${query}" placeholder="${t.searchPlaceholder}" maxlength="200"><button type="submit">${t.search}</button></form>`;
  return themeHeader(look, homeHref, html`<div class="t-tools">${search}${cartLink(look)}${accountLink(look)}${languageLinks(look, t)}</div>`);
}

function languageLinks(look: StoreLook, t: StorefrontMessages): Html | '' {
  const languages = look.languages ?? [];
  if (languages.length < 2) return '';
  const base = look.path ?? '/';
  const join = base.includes('?') ? '&' : '?';
  return html`<nav class="t-langs" aria-label="${t.language}" data-testid="language-links">${languages.map((l) =>
    l === look.language
      ? html`<a href="${base}${join}lang=${l}" hreflang="${l}" lang="${l}" aria-current="true">${LANGUAGE_NAMES[l]}</a>`
      : html`<a href="${base}${join}lang=${l}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</a>`,
  )}</nav>`;
}

export interface ListedProduct {
  slug: string;
  title: string;
  priceMin: number | null;
  priceMax: number | null;
  currency: string | null;
  inStock: boolean;
  /** The first photo (storage key and stored width), when the product has one. */
  image?: StoredPhoto | null;
}

export function priceText(p: { priceMin: number | null; priceMax: number | null; currency: string | null }, locale: string, t = storefrontMessages.en): string {
  if (p.priceMin === null || p.priceMax === null || !p.currency) return t.priceOnRequest;
  return formatPriceRange(p.priceMin, p.priceMax, p.currency, locale);
}

export const stockBadge = (inStock: boolean, t = storefrontMessages.en) =>
  inStock ? html`<span class="v-badge v-badge--success">${t.inStock}</span>` : html`<span class="v-badge v-badge--warning">${t.outOfStock}</span>`;

/** A grid of product cards (one link per product, on its title). */
export function productGrid(look: StoreLook, products: readonly ListedProduct[]): Html {
  const t = messagesOf(look);
  return html`<ul class="v-grid" style="list-style:none;padding:0" data-testid="product-list">${products.map(
    (p) =>
      html`<li class="v-card" data-testid="product-card">${productTile(p.title, p.image)}<h2 style="margin:0 0 var(--space-2);font-size:1.1rem"><a href="/products/${encodeURIComponent(p.slug)}">${p.title}</a></h2><p style="margin:0">${priceText(p, look.locale, t)}</p><p style="margin:var(--space-2) 0 0">${stockBadge(p.inStock, t)}</p></li>`,
  )}</ul>`;
}

export interface StoreNavigation {
  categories: readonly { name: string; slug: string }[];
  collections: readonly { title: string; slug: string }[];
}

/** Links to the store's categories and collections. */
export function groupLinks(look: StoreLook, nav: StoreNavigation): Html | '' {
  const t = messagesOf(look);
  if (!nav.categories.length && !nav.collections.length) return '';
  return html`${nav.categories.length ? html`<nav aria-label="${t.categories}" data-testid="store-categories"><ul class="t-nav">${nav.categories.map((c) => html`<li><a href="/categories/${encodeURIComponent(c.slug)}">${c.name}</a></li>`)}</ul></nav>` : ''}${
    nav.collections.length
      ? html`<nav aria-label="${t.collections}" data-testid="store-collections"><ul class="t-nav">${nav.collections.map((c) => html`<li><a href="/collections/${encodeURIComponent(c.slug)}">${c.title}</a></li>`)}</ul></nav>`
      : ''
  }`;
}

export function storeHomePage(
  look: StoreLook,
  products: ListedProduct[],
  description: string | null,
  nav: StoreNavigation = { categories: [], collections: [] },
  meta: PageMeta = {},
): string {
  const t = messagesOf(look);
  const list = products.length
    ? productGrid(look, products)
    : html`<div class="v-empty"><h2>${t.noProductsTitle}</h2><p>${t.noProductsBody}</p></div>`;
  return documentOf(
    look.name,
    html`${storeHeader(look)}${themeHero(look, description)}<main class="v-page">${groupLinks(look, nav)}${list}</main>`,
    look,
    { description, ...meta },
  );
}

export interface ProductView extends ListedProduct {
  description: string;
  images?: StoredPhoto[];
  category?: { name: string; slug: string } | null;
  variants: { id?: string; sku: string; title: string; attributes?: Record<string, string>; priceAmount: number; currency: string; inStock: boolean }[];
}

export function storeProductPage(look: StoreLook, p: ProductView, meta: PageMeta = {}): string {
  const t = messagesOf(look);
  const variants =
    p.variants.length > 1
      ? html`<table class="v-table"><thead><tr><th>${t.option}</th><th>${t.price}</th><th>${t.availability}</th></tr></thead><tbody>${p.variants.map(
          (v) => html`<tr><td>${v.title || v.sku}</td><td>${formatPriceRange(v.priceAmount, v.priceAmount, v.currency, look.locale)}</td><td>${stockBadge(v.inStock, t)}</td></tr>`,
        )}</tbody></table>`
      : '';
  const crumbs = p.category
    ? html`<p class="t-crumbs" data-testid="product-category"><a href="/">${t.home}</a> › <a href="/categories/${encodeURIComponent(p.category.slug)}">${p.category.name}</a></p>`
    : '';
  return documentOf(
    `${p.title} · ${look.name}`,
    html`${storeHeader(look)}<main class="v-page">${crumbs}<article class="v-card">${p.images?.[0] ? productPhoto(p.images[0], p.title, 960) : ''}<h1 data-testid="product-title">${p.title}</h1><p style="font-size:1.3rem">${priceText(p, look.locale, t)}</p><p>${stockBadge(p.inStock, t)}</p>${checkoutArea(look, t)}${addToCartForm(look, p)}${p.description ? html`<p style="white-space:pre-line">${p.description}</p>` : ''}${variants}</article><p><a href="/">${t.allProducts}</a></p></main>`,
    look,
    { description: p.description, ogType: 'product', ...meta },
  );
}

/** Why a store (or a page of it) cannot be shown, as a page of its own. */
export function storeMessagePage(title: string, message: string, look?: StoreLook): string {
  return documentOf(
    title,
    html`${look ? storeHeader(look) : ''}<main class="v-page"><div class="v-empty"><h1 data-testid="store-message-title">${title}</h1><p>${message}</p></div></main>`,
    look,
    { noindex: true },
  );
}
