import { describe, expect, it } from 'vitest';
import { jsonLdScript, majorUnits, metaDescription, originOf, productJsonLd, robotsTxt, sitemapEntries, sitemapXml } from './seo.ts';

const day = (d: string) => new Date(`${d}T12:00:00.000Z`);

describe('sitemap', () => {
  it('lists the home page, categories, collections, products and pages as absolute addresses with lastmod', () => {
    const entries = sitemapEntries({
      products: [{ slug: 'camiseta-basica', updatedAt: day('2026-03-02') }],
      categories: [{ slug: 'camisetas', updatedAt: day('2026-01-01') }],
      collections: [{ slug: 'verao', updatedAt: day('2026-02-01') }],
      pages: [{ slug: 'about', updatedAt: day('2026-04-01') }],
    });
    const xml = sitemapXml('https://loja.example', entries);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      'https://loja.example/',
      'https://loja.example/categories/camisetas',
      'https://loja.example/collections/verao',
      'https://loja.example/products/camiseta-basica',
      'https://loja.example/pages/about',
    ]);
    // The home page changes whenever anything on the store does.
    expect(xml).toContain('<url><loc>https://loja.example/</loc><lastmod>2026-04-01T12:00:00.000Z</lastmod></url>');
    expect(xml).toContain('<loc>https://loja.example/products/camiseta-basica</loc><lastmod>2026-03-02T12:00:00.000Z</lastmod>');
  });

  it('escapes what XML cannot hold and leaves out lastmod when unknown', () => {
    const xml = sitemapXml('http://a.localhost:3000', [{ path: '/search?q=a&b=<c>' }]);
    expect(xml).toContain('<url><loc>http://a.localhost:3000/search?q=a&amp;b=&lt;c&gt;</loc></url>');
  });
});

describe('robots.txt', () => {
  it('allows everything but the cart, checkout and account, and names the sitemap on the same host', () => {
    expect(robotsTxt(originOf('shop.alpha.com', 'https:'))).toBe(
      'User-agent: *\nAllow: /\nDisallow: /cart\nDisallow: /checkout\nDisallow: /account\n\nSitemap: https://shop.alpha.com/sitemap.xml\n',
    );
    expect(originOf('alpha.localhost:3000', 'http')).toBe('http://alpha.localhost:3000');
  });
});

describe('product JSON-LD', () => {
  it('gives a Product with an Offer: price in major units as a string, currency and availability from stock', () => {
    const data = productJsonLd({
      title: 'Camiseta',
      description: 'Algodão',
      url: 'https://loja.example/products/camiseta',
      images: ['https://loja.example/media/a/960.webp'],
      category: 'Camisetas',
      variants: [{ sku: 'CAM-1', priceAmount: 4990, currency: 'BRL', inStock: true }],
    });
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Camiseta',
      description: 'Algodão',
      url: 'https://loja.example/products/camiseta',
      image: ['https://loja.example/media/a/960.webp'],
      sku: 'CAM-1',
      category: 'Camisetas',
      offers: { '@type': 'Offer', sku: 'CAM-1', price: '49.90', priceCurrency: 'BRL', availability: 'https://schema.org/InStock', url: 'https://loja.example/products/camiseta' },
    });
  });

  it('gives one Offer per variant, out of stock ones marked so, in the currency\'s own decimals', () => {
    const data = productJsonLd({
      title: 'Mug',
      description: '',
      url: 'u',
      images: [],
      variants: [
        { sku: 'M-1', priceAmount: 500, currency: 'JPY', inStock: false },
        { sku: 'M-2', priceAmount: 1250, currency: 'JPY', inStock: true },
      ],
    });
    expect(data.offers).toEqual([
      expect.objectContaining({ price: '500', priceCurrency: 'JPY', availability: 'https://schema.org/OutOfStock' }),
      expect.objectContaining({ price: '1250', availability: 'https://schema.org/InStock' }),
    ]);
    expect(data).not.toHaveProperty('description');
    expect(majorUnits(12345, 'BHD')).toBe('12.345');
    expect(majorUnits(5, 'USD')).toBe('0.05');
  });

  it('cannot close its script tag early', () => {
    const script = jsonLdScript({ name: '</script><script>alert(1)</script>' }).value;
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    expect(script).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(script.replace(/^<script[^>]*>|<\/script>$/g, ''))).toEqual({ name: '</script><script>alert(1)</script>' });
  });

  it('makes one-line descriptions of at most 160 characters', () => {
    expect(metaDescription('  A\n\nshort   text ')).toBe('A short text');
    expect(metaDescription('')).toBeNull();
    const long = metaDescription('word '.repeat(80))!;
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith('…')).toBe(true);
  });
});
