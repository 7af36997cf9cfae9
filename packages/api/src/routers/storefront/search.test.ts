import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let ana: SessionUser;
let shopA: { id: string; hostname: string };
let shopB: { id: string; hostname: string };

const visitor = (host: string) => h.caller(null, { host });
const search = (input: Parameters<ReturnType<typeof visitor>['storefront']['search']>[0]) => visitor(shopA.hostname).storefront.search(input);
const titles = (result: { items: { title: string }[] }) => result.items.map((p) => p.title);

const sizes = (sku: string, price: number, values: [string, string][], stock = 3) =>
  values.map(([size, colour]) => ({ sku: `${sku}-${size}-${colour}`, priceAmount: price, stock, attributes: { Size: size, Colour: colour } }));

beforeAll(async () => {
  h = await createApiHarness('storefront_search');
  ana = await h.createUser('ana');
  const ben = await h.createUser('ben');
  shopA = await h.createStore(ana, 'search-a', 'Search A');
  shopB = await h.createStore(ben, 'search-b', 'Search B');
  const a = h.caller(ana, { tenantId: shopA.id });
  const tops = await a.catalog.categories.create({ name: 'Camisetas' });
  const mugs = await a.catalog.categories.create({ name: 'Canecas' });
  const kids = await a.catalog.categories.create({ name: 'Infantil', parentId: tops.id });
  const create = (input: Parameters<typeof a.catalog.products.create>[0]) => a.catalog.products.create({ status: 'ACTIVE', ...input });

  await create({
    title: 'Camiseta Básica',
    categoryId: tops.id,
    description: 'Malha leve para o dia a dia.',
    options: [{ name: 'Size', values: ['P', 'M'] }, { name: 'Colour', values: ['Preto', 'Branco'] }],
    variants: sizes('CB', 4990, [['P', 'Preto'], ['M', 'Preto'], ['M', 'Branco']]),
  });
  await create({
    title: 'Camiseta Estampada',
    categoryId: tops.id,
    options: [{ name: 'Size', values: ['G'] }, { name: 'Colour', values: ['Preto'] }],
    variants: sizes('CE', 7990, [['G', 'Preto']]),
  });
  await create({
    title: 'Camiseta Dino',
    categoryId: kids.id,
    options: [{ name: 'Size', values: ['P'] }, { name: 'Colour', values: ['Verde'] }],
    variants: sizes('CD', 3990, [['P', 'Verde']], 0),
  });
  await create({ title: 'Caneca Grande', categoryId: mugs.id, variants: [{ sku: 'CAN-G', priceAmount: 2990, stock: 5 }] });
  // Ranking: "algodao" in a title (A), a collection's name (B) and a description (C).
  await create({ title: 'Lençol de Algodão', variants: [{ sku: 'LEN-1', priceAmount: 12000, stock: 1 }] });
  const towel = await create({ title: 'Toalha Felpuda', variants: [{ sku: 'TOA-1', priceAmount: 8000, stock: 1 }] });
  await create({ title: 'Pano de Prato', description: 'Feito de algodão cru.', variants: [{ sku: 'PAN-1', priceAmount: 1500, stock: 1 }] });
  const organic = await a.catalog.collections.create({ title: 'Algodão Orgânico' });
  await a.catalog.collections.setProducts({ id: organic.id, productIds: [towel.id] });

  await create({ title: 'Camiseta Rascunho', status: 'DRAFT', categoryId: tops.id, variants: [{ sku: 'DRAFT-1', priceAmount: 100 }] });
  const old = await create({ title: 'Camiseta Antiga', categoryId: tops.id, variants: [{ sku: 'OLD-1', priceAmount: 100 }] });
  await a.catalog.products.archive({ id: old.id });
  await create({ title: 'Zebrafina Oculta', status: 'DRAFT', variants: [{ sku: 'ZEB-1', priceAmount: 100 }] });
  await a.tenant.settings.update({ published: true });

  const b = h.caller(ben, { tenantId: shopB.id });
  await b.catalog.products.create({ title: 'Camiseta Secreta', status: 'ACTIVE', variants: [{ sku: 'B-1', priceAmount: 1000, stock: 1 }] });
  await b.catalog.products.create({ title: 'Quimono Exclusivo', status: 'ACTIVE', variants: [{ sku: 'B-2', priceAmount: 1000, stock: 1 }] });
  await b.tenant.settings.update({ published: true });
});
afterAll(() => h?.close());

describe('storefront.search', () => {
  it('finds words without accents or case, and the last word as a prefix ("cami")', async () => {
    expect(titles(await search({ query: 'CAMISETA basica' }))).toEqual(['Camiseta Básica']);
    expect(titles(await search({ query: 'cami' })).sort()).toEqual(['Camiseta Básica', 'Camiseta Dino', 'Camiseta Estampada']);
    expect(titles(await search({ query: 'camiseta est' }))).toEqual(['Camiseta Estampada']);
  });

  it('forgives typos with the store\'s own words ("camista" finds "camiseta")', async () => {
    const result = await search({ query: 'camista' });
    expect(titles(result).sort()).toEqual(['Camiseta Básica', 'Camiseta Dino', 'Camiseta Estampada']);
    expect(titles(await search({ query: 'camisete estampda' }))).toEqual(['Camiseta Estampada']);
  });

  it('ranks a title match above a collection or category match above a description match', async () => {
    expect(titles(await search({ query: 'algodao' }))).toEqual(['Lençol de Algodão', 'Toalha Felpuda', 'Pano de Prato']);
    // The category's name is part of the document too.
    expect(titles(await search({ query: 'canecas' }))).toEqual(['Caneca Grande']);
  });

  it('never shows drafts, archived products or another store\'s products, not even as a suggestion', async () => {
    const all = await search({ query: 'camiseta', limit: 60 });
    expect(titles(all)).not.toEqual(expect.arrayContaining(['Camiseta Rascunho']));
    expect(titles(all)).not.toContain('Camiseta Antiga');
    expect(titles(all)).not.toContain('Camiseta Secreta');
    expect(all.total).toBe(3);
    const draft = await search({ query: 'zebrafina' });
    expect(draft.total).toBe(0);
    const typo = await search({ query: 'zebrafinna' });
    expect(typo.total).toBe(0);
    expect(typo.suggestion).toBeNull();
    const other = await search({ query: 'quimono' });
    expect(other.total).toBe(0);
    expect((await search({ query: 'quimonno' })).suggestion).toBeNull();
    // And B's store sees its own products only.
    const fromB = await visitor(shopB.hostname).storefront.search({ query: 'camiseta' });
    expect(titles(fromB)).toEqual(['Camiseta Secreta']);
    expect(fromB.facets.categories).toEqual([]);
  });

  it('counts facets over the results: categories, price bands and option values', async () => {
    const result = await search({ query: 'camiseta' });
    expect(result.facets.categories.map((c) => [c.slug, c.count])).toEqual([
      ['camisetas', 2],
      ['infantil', 1],
    ]);
    expect(result.facets.prices.reduce((n, b) => n + b.count, 0)).toBe(3);
    const size = result.facets.options.find((o) => o.name === 'Size')!;
    expect(size.values.map((v) => [v.value, v.count]).sort()).toEqual([
      ['G', 1],
      ['M', 1],
      ['P', 2],
    ]);
    const colour = result.facets.options.find((o) => o.name === 'Colour')!;
    expect(colour.values.map((v) => [v.value, v.count]).sort()).toEqual([
      ['Branco', 1],
      ['Preto', 2],
      ['Verde', 1],
    ]);
  });

  it('filters by option values (any value of one option, every option) and keeps the other values countable', async () => {
    const preto = await search({ query: 'camiseta', options: { colour: ['preto'] } });
    expect(titles(preto).sort()).toEqual(['Camiseta Básica', 'Camiseta Estampada']);
    // The colour facet still counts the other colours (its own filter is left out), the size facet follows the colour.
    const colour = preto.facets.options.find((o) => o.name === 'Colour')!;
    expect(colour.values.find((v) => v.value === 'Verde')).toMatchObject({ count: 1, selected: false });
    expect(colour.values.find((v) => v.value === 'Preto')).toMatchObject({ count: 2, selected: true });
    const size = preto.facets.options.find((o) => o.name === 'Size')!;
    expect(size.values.map((v) => v.value).sort()).toEqual(['G', 'M', 'P']);
    expect(size.values.find((v) => v.value === 'P')!.count).toBe(1);

    const pOrG = await search({ query: 'camiseta', options: { Size: ['P', 'G'], Colour: ['Preto'] } });
    expect(titles(pOrG).sort()).toEqual(['Camiseta Básica', 'Camiseta Estampada']);
  });

  it('filters by price (from inclusive, to exclusive) and sorts by price', async () => {
    expect(titles(await search({ query: 'camiseta', priceMin: 4000, priceMax: 7990 }))).toEqual(['Camiseta Básica']);
    expect(titles(await search({ query: 'camiseta', sort: 'price_asc' }))).toEqual(['Camiseta Dino', 'Camiseta Básica', 'Camiseta Estampada']);
    expect(titles(await search({ query: 'camiseta', sort: 'price_desc' }))).toEqual(['Camiseta Estampada', 'Camiseta Básica', 'Camiseta Dino']);
    const bands = (await search({ query: 'camiseta' })).facets.prices;
    for (const band of bands) {
      const within = await search({ query: 'camiseta', priceMin: band.min, ...(band.max === null ? {} : { priceMax: band.max }) });
      expect(within.total).toBe(band.count);
    }
  });

  it('lists a category with its subcategories and a collection, and refuses unknown ones with NOT_FOUND', async () => {
    expect(titles(await search({ category: 'camisetas', sort: 'price_asc' }))).toEqual(['Camiseta Dino', 'Camiseta Básica', 'Camiseta Estampada']);
    expect(titles(await search({ category: 'infantil' }))).toEqual(['Camiseta Dino']);
    expect(titles(await search({ collection: 'algodao-organico' }))).toEqual(['Toalha Felpuda']);
    await expectTRPCError(search({ category: 'nope' }), 'NOT_FOUND', /category does not exist/);
    await expectTRPCError(search({ collection: 'nope' }), 'NOT_FOUND', /collection does not exist/);
    // B's category addresses are not A's.
    await expectTRPCError(visitor(shopB.hostname).storefront.search({ category: 'camisetas' }), 'NOT_FOUND');
    await expectTRPCError(visitor(shopB.hostname).storefront.category({ slug: 'camisetas' }), 'NOT_FOUND');
    await expectTRPCError(visitor(shopB.hostname).storefront.collection({ slug: 'algodao-organico' }), 'NOT_FOUND');
    expect(await visitor(shopA.hostname).storefront.category({ slug: 'infantil' })).toMatchObject({ name: 'Infantil', parent: { slug: 'camisetas' } });
  });

  it('pages through the results and answers an empty query with the newest products', async () => {
    const first = await search({ limit: 2 });
    const second = await search({ limit: 2, page: 2 });
    expect(first.total).toBe(7);
    expect(first.pageCount).toBe(4);
    expect(first.sort).toBe('newest');
    expect(titles(first)).toEqual(['Pano de Prato', 'Toalha Felpuda']);
    expect(titles(second)).toEqual(['Lençol de Algodão', 'Caneca Grande']);
  });

  it('suggests the store\'s words when nothing matches', async () => {
    const result = await search({ query: 'camista azul' });
    expect(result.total).toBe(0);
    expect(result.suggestion).toBe('camiseta azul');
    expect((await search({ query: '!!!' })).total).toBe(0);
  });

  it('follows renamed categories and collection membership', async () => {
    const a = h.caller(ana, { tenantId: shopA.id });
    const mugs = (await a.catalog.categories.list()).find((c) => c.slug === 'canecas')!;
    await a.catalog.categories.update({ id: mugs.id, name: 'Xícaras e Canecas' });
    expect(titles(await search({ query: 'xicaras' }))).toEqual(['Caneca Grande']);
    const organic = (await a.catalog.collections.list()).find((c) => c.slug === 'algodao-organico')!;
    await a.catalog.collections.setProducts({ id: organic.id, productIds: [] });
    expect(titles(await search({ query: 'algodao' }))).toEqual(['Lençol de Algodão', 'Pano de Prato']);
  });

  it('refuses bad input with a readable BAD_REQUEST', async () => {
    await expectTRPCError(search({ priceMin: 5000, priceMax: 1000 }), 'BAD_REQUEST', /lowest price must be below/);
    await expectTRPCError(search({ page: 0 }), 'BAD_REQUEST', /Pages start at 1/);
    await expectTRPCError(search({ query: 'x'.repeat(201) }), 'BAD_REQUEST', /200 characters/);
  });
});
