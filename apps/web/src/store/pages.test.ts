import { describe, expect, it } from 'vitest';
import { storeListingPage, type ListingView } from './listing.ts';
import { storeHomePage, storeProductPage, type StoreLook } from './pages.ts';
import { productJsonLd } from './seo.ts';

const look = (language: StoreLook['language'], locale = 'pt-BR'): StoreLook => ({
  name: 'Loja Delta',
  locale,
  language,
  languages: ['pt-BR', 'es'],
  path: '/search?q=camiseta',
});

const view: ListingView = {
  kind: 'search',
  path: '/search',
  heading: '',
  params: { q: 'camiseta', options: { Size: ['M'] }, page: 1 },
  result: {
    suggestion: null,
    sort: 'relevance',
    page: 1,
    pageCount: 2,
    total: 30,
    currency: 'BRL',
    items: [{ slug: 'camiseta-basica', title: 'Camiseta Básica', priceMin: 4990, priceMax: 4990, currency: 'BRL', inStock: true }],
    facets: {
      categories: [{ slug: 'camisetas', name: 'Camisetas', count: 30, selected: false }],
      prices: [
        { min: 2000, max: 5000, count: 20, selected: false },
        { min: 5000, max: null, count: 10, selected: true },
      ],
      options: [{ name: 'Size', values: [{ value: 'M', count: 12, selected: true }, { value: 'G', count: 3, selected: false }] }],
    },
  },
};

describe('store pages', () => {
  it('renders a search page with the header search box, facets in a GET form, sort and paging', () => {
    const page = storeListingPage(look('pt-BR'), view, { canonical: 'http://delta.localhost/search?q=camiseta', noindex: true });
    expect(page).toContain('<form class="t-search" role="search" action="/search" method="get">');
    expect(page).toContain('name="q" value="camiseta"');
    expect(page).toContain('30 resultados para “camiseta”');
    expect(page).toContain('<a href="/search?q=camiseta&amp;category=camisetas&amp;o=Size%3AM">Camisetas</a>');
    expect(page).toContain('<input type="checkbox" name="o" value="Size:M" checked> M');
    expect(page).toContain('<input type="checkbox" name="o" value="Size:G"> G');
    expect(page).toMatch(/<input type="radio" name="price" value="5000-" checked> R\$\s50,00 ou mais/);
    expect(page).toMatch(/R\$\s20,00 – R\$\s50,00/);
    expect(page).toContain('<a rel="next" href="/search?q=camiseta&amp;o=Size%3AM&amp;page=2">Próxima →</a>');
    expect(page).toContain('<meta name="robots" content="noindex,follow">');
    expect(page).toContain('<link rel="canonical" href="http://delta.localhost/search?q=camiseta">');
    expect(page).toContain('<a href="/search?q=camiseta&amp;lang=es" hreflang="es" lang="es">Español</a>');
  });

  it('speaks the chosen language and offers the store\'s suggestion when nothing is found', () => {
    const empty = storeListingPage(look('es', 'es'), {
      ...view,
      params: { q: 'camista azul', options: {}, page: 1 },
      result: { ...view.result, total: 0, pageCount: 1, items: [], suggestion: 'camiseta azul' },
      browse: [{ name: 'Camisetas', slug: 'camisetas' }],
    });
    expect(empty).toContain('<html lang="es">');
    expect(empty).toContain('Sin resultados');
    expect(empty).toContain('Quisiste decir: <a href="/search?q=camiseta+azul">camiseta azul</a>?');
    expect(empty).toContain('<a href="/categories/camisetas">Camisetas</a>');
    expect(empty).not.toContain('data-testid="pager"');
  });

  it('puts the canonical address, Open Graph and the product JSON-LD in the product page head', () => {
    const url = 'http://delta.localhost:3000/products/camiseta-basica';
    const page = storeProductPage(
      look('pt-BR'),
      {
        slug: 'camiseta-basica',
        title: 'Camiseta Básica',
        description: 'Malha leve.',
        priceMin: 4990,
        priceMax: 4990,
        currency: 'BRL',
        inStock: true,
        category: { name: 'Camisetas', slug: 'camisetas' },
        variants: [{ sku: 'CB-1', title: '', priceAmount: 4990, currency: 'BRL', inStock: true }],
      },
      {
        canonical: url,
        description: 'Malha leve.',
        jsonLd: productJsonLd({ title: 'Camiseta Básica', description: 'Malha leve.', url, images: [], variants: [{ sku: 'CB-1', priceAmount: 4990, currency: 'BRL', inStock: true }] }),
      },
    );
    const head = page.slice(0, page.indexOf('</head>'));
    expect(head).toContain(`<link rel="canonical" href="${url}">`);
    expect(head).toContain('<meta name="description" content="Malha leve.">');
    expect(head).toContain('<meta property="og:type" content="product">');
    expect(head).toContain('<meta property="og:title" content="Camiseta Básica · Loja Delta">');
    expect(head).toContain('"price":"49.90","priceCurrency":"BRL","availability":"https://schema.org/InStock"');
    expect(page).toContain('<a href="/categories/camisetas">Camisetas</a>');
    expect(page).toContain('Em estoque');
  });

  it('links the home page to categories and collections, one link per product name', () => {
    const page = storeHomePage(
      look('pt-BR'),
      [{ slug: 'caneca', title: 'Caneca', priceMin: 1990, priceMax: 1990, currency: 'BRL', inStock: false }],
      null,
      { categories: [{ name: 'Canecas', slug: 'canecas' }], collections: [{ title: 'Verão', slug: 'verao' }] },
    );
    expect(page).toContain('<a href="/categories/canecas">Canecas</a>');
    expect(page).toContain('<a href="/collections/verao">Verão</a>');
    expect(page.match(/>Caneca<\/a>/g)).toHaveLength(1);
    expect(page).toContain('Esgotado');
  });
});
