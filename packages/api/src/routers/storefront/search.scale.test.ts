import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';

/**
 * The storefront search at 50,000 products in one store (plus a neighbour store with the same titles): answers
 * only, no timings (bench/storefront-search.ts measures them). Titles are "<Kind> <Colour> <n>": eight kinds in
 * eight categories, five colours; every product has two variants with Size and Colour; 10% drafts, 4% archived.
 */
let h: ApiHarness;
let store: { id: string; hostname: string };
const PRODUCTS = 50_000;
const KINDS = ['Camiseta', 'Caneca', 'Mochila', 'Boné', 'Garrafa', 'Caderno', 'Meia', 'Chaveiro'];
const COLOURS = ['Azul', 'Preta', 'Branca', 'Verde', 'Vermelha'];

async function seed(tenantId: string, prefix: string) {
  const kinds = `ARRAY[${KINDS.map((k) => `'${k}'`).join(',')}]`;
  const colours = `ARRAY[${COLOURS.map((c) => `'${c}'`).join(',')}]`;
  await h.owner.$executeRawUnsafe(`
    INSERT INTO categories (id, tenant_id, name, slug, updated_at)
    SELECT '${prefix}-cat-' || k, '${tenantId}', (${kinds})[k], lower(unaccent((${kinds})[k])) || 's', now() FROM generate_series(1, 8) AS k`);
  await h.owner.$executeRawUnsafe(`
    INSERT INTO products (id, tenant_id, title, slug, description, category_id, status, archived_at, created_at, updated_at)
    SELECT '${prefix}' || lpad(g::text, 6, '0'), '${tenantId}',
           (${kinds})[1 + g % 8] || ' ' || (${colours})[1 + (g / 8) % 5] || ' ' || g,
           '${prefix}-' || g,
           CASE WHEN g % 3 = 0 THEN 'Feito de algodão orgânico.' ELSE 'Produto resistente.' END,
           '${prefix}-cat-' || (1 + g % 8),
           (CASE WHEN g % 10 = 0 THEN 'DRAFT' WHEN g % 25 = 1 THEN 'ARCHIVED' ELSE 'ACTIVE' END)::"ProductStatus",
           CASE WHEN g % 25 = 1 THEN now() END,
           timestamp '2026-01-01' + g * interval '1 second', now()
    FROM generate_series(1, ${PRODUCTS}) AS g`);
  await h.owner.$executeRawUnsafe(`
    INSERT INTO product_variants (id, tenant_id, product_id, sku, price_amount, currency, stock, attributes, updated_at)
    SELECT 'v' || s.size || p.id, p.tenant_id, p.id, 'SKU-' || p.id || '-' || s.size, 1000 + (substr(p.id, 2)::int % 90) * 100, 'BRL',
           substr(p.id, 2)::int % 4,
           jsonb_build_object('Size', s.size, 'Colour', (${colours})[1 + (substr(p.id, 2)::int / 8) % 5]), now()
      FROM products p CROSS JOIN (VALUES ('M'), ('G')) AS s(size) WHERE p.tenant_id = '${tenantId}'`);
}

/** What the search should find, counted straight from the seed's rule. */
function expected(predicate: (g: number) => boolean): number {
  let n = 0;
  for (let g = 1; g <= PRODUCTS; g++) if (g % 10 !== 0 && g % 25 !== 1 && predicate(g)) n++;
  return n;
}
const kindOf = (g: number) => KINDS[g % 8]!;
const colourOf = (g: number) => COLOURS[Math.floor(g / 8) % 5]!;

beforeAll(async () => {
  h = await createApiHarness('search_scale');
  const owner: SessionUser = await h.createUser('owner');
  store = await h.createStore(owner, 'big-shop');
  const other = await h.createStore(owner, 'other-big-shop');
  await h.owner.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS unaccent');
  await seed(store.id, 'p');
  await seed(other.id, 'q');
  await h.owner.$executeRawUnsafe(`UPDATE storefront_configs SET published_at = now()`);
  await h.caller(owner, { tenantId: store.id }).tenant.settings.update({ published: true });
  await h.caller(owner, { tenantId: other.id }).tenant.settings.update({ published: true });
  await h.owner.$executeRawUnsafe('ANALYZE products; ANALYZE product_variants; ANALYZE product_search_terms; ANALYZE categories');
}, 300_000);
afterAll(() => h?.close());

const visitor = () => h.caller(null, { host: store.hostname });

describe('storefront search at 50,000 products', () => {
  it('finds a mistyped kind and colour among 50,000 products, only published ones of this store', async () => {
    const result = await visitor().storefront.search({ query: 'camista preta', limit: 60 });
    expect(result.total).toBe(expected((g) => kindOf(g) === 'Camiseta' && colourOf(g) === 'Preta'));
    expect(result.items).toHaveLength(60);
    expect(result.items.every((p) => /^Camiseta Preta \d+$/.test(p.title) && p.id.startsWith('p'))).toBe(true);
  });

  it('completes the last word as a prefix and counts the facets of the results', async () => {
    const result = await visitor().storefront.search({ query: 'moch' });
    const total = expected((g) => kindOf(g) === 'Mochila');
    expect(result.total).toBe(total);
    expect(result.facets.categories).toEqual([{ slug: 'mochilas', name: 'Mochila', count: total, selected: false }]);
    expect(result.facets.prices.reduce((n, b) => n + b.count, 0)).toBe(total);
    const colours = result.facets.options.find((o) => o.name === 'Colour')!;
    expect(colours.values.reduce((n, v) => n + v.count, 0)).toBe(total);
    expect(colours.values.find((v) => v.value === 'Verde')!.count).toBe(expected((g) => kindOf(g) === 'Mochila' && colourOf(g) === 'Verde'));
  });

  it('filters by price and option, sorts by price, and finds words of descriptions', async () => {
    const result = await visitor().storefront.search({ query: 'verde', priceMin: 2000, priceMax: 3000, options: { colour: ['verde'] }, sort: 'price_asc' });
    const price = (g: number) => 1000 + (g % 90) * 100;
    expect(result.total).toBe(expected((g) => colourOf(g) === 'Verde' && price(g) >= 2000 && price(g) < 3000));
    let cheapest = Infinity;
    for (let g = 1; g <= PRODUCTS; g++) if (g % 10 !== 0 && g % 25 !== 1 && colourOf(g) === 'Verde' && price(g) >= 2000) cheapest = Math.min(cheapest, price(g));
    expect(result.items.map((p) => p.priceMin)).toEqual([...result.items.map((p) => p.priceMin)].sort((a, b) => a! - b!));
    expect(result.items[0]!.priceMin).toBe(cheapest);
    const organic = await visitor().storefront.search({ query: 'algodao' });
    expect(organic.total).toBe(expected((g) => g % 3 === 0));
  });

  it('lists a whole category (the busiest page: no query, every facet) and pages deep into it', async () => {
    const result = await visitor().storefront.search({ category: 'canecas', sort: 'newest', page: 100 });
    const total = expected((g) => kindOf(g) === 'Caneca');
    expect(result.total).toBe(total);
    expect(result.pageCount).toBe(Math.ceil(total / 24));
    expect(result.items).toHaveLength(24);
    const all = await visitor().storefront.search({});
    expect(all.total).toBe(expected(() => true));
    expect(all.facets.categories).toHaveLength(8);
  });
});
