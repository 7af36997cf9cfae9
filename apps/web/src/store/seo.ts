import { raw, type Html } from './html.ts';

/**
 * What search engines read, built from plain data (pure functions, so a page cache can wrap them): absolute
 * addresses on the request's own host, the sitemap, robots.txt and a product's JSON-LD.
 */

/** `https://shop.example` from the request: its Host header (already routed to this store) and protocol. */
export function originOf(host: string, protocol: string): string {
  const scheme = protocol.replace(/:$/, '') === 'https' ? 'https' : 'http';
  return `${scheme}://${host}`;
}

export const absoluteUrl = (origin: string, path: string) => `${origin}${path.startsWith('/') ? path : `/${path}`}`;

export interface SitemapEntry {
  path: string;
  lastModified?: Date | null;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** A sitemaps.org urlset: one <url> per address, <lastmod> as a W3C date when known. */
export function sitemapXml(origin: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (e) => `<url><loc>${escapeXml(absoluteUrl(origin, e.path))}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The store's addresses for the sitemap, from the storefront's sitemap answer. */
export function sitemapEntries(data: {
  products: { slug: string; updatedAt: Date }[];
  categories: { slug: string; updatedAt: Date }[];
  collections: { slug: string; updatedAt: Date }[];
  pages: { slug: string; updatedAt: Date }[];
}): SitemapEntry[] {
  const newest = [...data.products, ...data.categories, ...data.collections, ...data.pages].reduce<Date | null>(
    (latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest),
    null,
  );
  const at = (prefix: string) => (row: { slug: string; updatedAt: Date }) => ({ path: `${prefix}/${encodeURIComponent(row.slug)}`, lastModified: row.updatedAt });
  return [
    { path: '/', lastModified: newest },
    ...data.categories.map(at('/categories')),
    ...data.collections.map(at('/collections')),
    ...data.products.map(at('/products')),
    ...data.pages.map(at('/pages')),
  ];
}

/** Paths of a store that are nobody's business but the buyer's. */
export const PRIVATE_PATHS = ['/cart', '/checkout', '/account'] as const;

/** Everything may be crawled but the buyer's own pages; the sitemap is named by its absolute address. */
export function robotsTxt(origin: string): string {
  return ['User-agent: *', 'Allow: /', ...PRIVATE_PATHS.map((p) => `Disallow: ${p}`), '', `Sitemap: ${absoluteUrl(origin, '/sitemap.xml')}`, ''].join('\n');
}

/** Digits after the decimal point of a currency (BRL 2, JPY 0, BHD 3), as Intl knows them. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 4990 BRL → "49.90"; 500 JPY → "500": the price in major units as schema.org wants it (a dot, no grouping). */
export function majorUnits(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
}

export interface JsonLdProduct {
  title: string;
  description: string;
  url: string;
  images: string[];
  category?: string | null;
  variants: { sku: string; priceAmount: number; currency: string; inStock: boolean }[];
}

const availability = (inStock: boolean) => (inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock');

/** schema.org Product with one Offer per variant on sale (a single Offer when there is one). */
export function productJsonLd(p: JsonLdProduct): Record<string, unknown> {
  const offers = p.variants.map((v) => ({
    '@type': 'Offer',
    sku: v.sku,
    price: majorUnits(v.priceAmount, v.currency),
    priceCurrency: v.currency,
    availability: availability(v.inStock),
    url: p.url,
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.title,
    ...(p.description ? { description: p.description.slice(0, 5000) } : {}),
    url: p.url,
    ...(p.images.length ? { image: p.images } : {}),
    ...(p.variants[0] ? { sku: p.variants[0].sku } : {}),
    ...(p.category ? { category: p.category } : {}),
    ...(offers.length ? { offers: offers.length === 1 ? offers[0] : offers } : {}),
  };
}

/** A JSON-LD block that cannot close its <script> early (<, >, & and line separators escaped in the JSON). */
export function jsonLdScript(data: Record<string, unknown>): Html {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return raw(`<script type="application/ld+json">${json}</script>`);
}

/** A description for <meta>: one line, at most 160 characters, cut at a word. */
export function metaDescription(text: string | null | undefined): string | null {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!line) return null;
  if (line.length <= 160) return line;
  const cut = line.slice(0, 157);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 100 ? cut.lastIndexOf(' ') : 157)}…`;
}
