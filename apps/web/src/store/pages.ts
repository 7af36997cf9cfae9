import { baseCss, formatPriceRange } from '@vitrine/ui';
import { html, raw, type Html } from './html.ts';

export interface StoreLook {
  name: string;
  locale: string;
  primaryColor?: string;
}

const safeColor = (c?: string) => (c && /^#[0-9a-fA-F]{6}$/.test(c) ? c : undefined);

export function documentOf(title: string, body: Html, look?: StoreLook): string {
  const brand = safeColor(look?.primaryColor);
  return `<!doctype html>${html`<html lang="${look?.locale ?? 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${raw(baseCss)}${brand ? raw(`:root{--brand:${brand}}`) : ''}</style></head><body>${body}</body></html>`}`;
}

export function storeHeader(look: StoreLook, homeHref = '/'): Html {
  return html`<header style="background:var(--brand);color:var(--brand-contrast)"><div class="v-page" style="padding-block:var(--space-4)"><a href="${homeHref}" style="color:inherit;text-decoration:none;font-weight:700;font-size:1.3rem" data-testid="store-name">${look.name}</a></div></header>`;
}

export interface ListedProduct {
  slug: string;
  title: string;
  priceMin: number | null;
  priceMax: number | null;
  currency: string | null;
  inStock: boolean;
}

export function priceText(p: { priceMin: number | null; priceMax: number | null; currency: string | null }, locale: string): string {
  if (p.priceMin === null || p.priceMax === null || !p.currency) return 'Price on request';
  return formatPriceRange(p.priceMin, p.priceMax, p.currency, locale);
}

const stockBadge = (inStock: boolean) =>
  inStock ? html`<span class="v-badge v-badge--success">In stock</span>` : html`<span class="v-badge v-badge--warning">Out of stock</span>`;

export function storeHomePage(look: StoreLook, products: ListedProduct[], description: string | null): string {
  const list = products.length
    ? html`<ul class="v-grid" style="list-style:none;padding:0" data-testid="product-list">${products.map(
        (p) =>
          html`<li class="v-card" data-testid="product-card"><h2 style="margin:0 0 var(--space-2);font-size:1.1rem"><a href="/products/${encodeURIComponent(p.slug)}">${p.title}</a></h2><p style="margin:0">${priceText(p, look.locale)}</p><p style="margin:var(--space-2) 0 0">${stockBadge(p.inStock)}</p></li>`,
      )}</ul>`
    : html`<div class="v-empty"><h2>No products yet</h2><p>This store has not put any products on sale yet. Please come back soon.</p></div>`;
  return documentOf(
    look.name,
    html`${storeHeader(look)}<main class="v-page">${description ? html`<p>${description}</p>` : ''}${list}</main>`,
    look,
  );
}

export interface ProductView extends ListedProduct {
  description: string;
  variants: { sku: string; title: string; priceAmount: number; currency: string; inStock: boolean }[];
}

export function storeProductPage(look: StoreLook, p: ProductView): string {
  const variants =
    p.variants.length > 1
      ? html`<table class="v-table"><thead><tr><th>Option</th><th>Price</th><th>Availability</th></tr></thead><tbody>${p.variants.map(
          (v) => html`<tr><td>${v.title || v.sku}</td><td>${formatPriceRange(v.priceAmount, v.priceAmount, v.currency, look.locale)}</td><td>${stockBadge(v.inStock)}</td></tr>`,
        )}</tbody></table>`
      : '';
  return documentOf(
    `${p.title} · ${look.name}`,
    html`${storeHeader(look)}<main class="v-page"><article class="v-card"><h1 data-testid="product-title">${p.title}</h1><p style="font-size:1.3rem">${priceText(p, look.locale)}</p><p>${stockBadge(p.inStock)}</p>${p.description ? html`<p style="white-space:pre-line">${p.description}</p>` : ''}${variants}</article><p><a href="/">← All products</a></p></main>`,
    look,
  );
}

/** Why a store (or a page of it) cannot be shown, as a page of its own. */
export function storeMessagePage(title: string, message: string, look?: StoreLook): string {
  return documentOf(
    title,
    html`${look ? storeHeader(look) : ''}<main class="v-page"><div class="v-empty"><h1 data-testid="store-message-title">${title}</h1><p>${message}</p></div></main>`,
    look,
  );
}
