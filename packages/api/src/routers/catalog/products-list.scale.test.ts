import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { seedBigCatalog } from '../../test-support/big-catalog.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';

/**
 * The admin product list at 50,000 products in one store (plus a neighbour store of the same size): every kind of
 * page answers correctly, and search words are read through the index under row-level security. How fast the pages
 * are is bench/products-list's figure.
 *
 * Note: under row-level security Postgres only uses `status = …` as an index condition when the enum
 * equality function is LEAKPROOF; until the database marks it so (a packages/db migration), the
 * (tenant_id, status, created_at, id) index is read as a bitmap over the tenant's rows plus a top-N sort.
 */
let h: ApiHarness;
let owner: SessionUser;
let store: { id: string };
const PRODUCTS = 50_000;

beforeAll(async () => {
  h = await createApiHarness('scale');
  owner = await h.createUser('owner');
  store = await h.createStore(owner, 'big-store');
  const other = await h.createStore(owner, 'other-big-store');
  // 50,000 products each: on the unlimited plan, as a store of that size would be.
  await h.setPlan(store.id, 'enterprise');
  await h.setPlan(other.id, 'enterprise');
  await seedBigCatalog(h.owner, store.id, 'p', PRODUCTS);
  await seedBigCatalog(h.owner, other.id, 'q', PRODUCTS);
  // 100,000 products and variants with their search terms: minutes on a busy 2-core machine.
}, 600_000);
afterAll(() => h?.close(), 300_000);

describe('product list at 50,000 products', () => {
  it('serves the first page, a deep page, every status, searches, stock filters and a collection, each right', async () => {
    const c = h.caller(owner, { tenantId: store.id });
    const first = await c.catalog.products.list({ status: 'ACTIVE', limit: 100 });
    expect(first.items).toHaveLength(100);

    // Walk to a deep position: the cursor of the 40,000th newest active product.
    const tdb = await h.db.forTenant(store.id);
    const deepRow = await tdb.product.findFirstOrThrow({
      where: { status: 'ACTIVE' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: 40_000,
      select: { id: true, createdAt: true },
    });
    const { encodeCursor } = await import('../../lib/keyset.ts');
    const deep = await c.catalog.products.list({ status: 'ACTIVE', limit: 100, cursor: encodeCursor(deepRow) });
    expect(deep.items).toHaveLength(100);
    expect(deep.items[0]!.createdAt.getTime()).toBeLessThanOrEqual(deepRow.createdAt.getTime());

    const mixed = await c.catalog.products.list({ limit: 100 });
    expect(mixed.items.map((p) => p.status)).toEqual(expect.arrayContaining(['ACTIVE', 'DRAFT']));
    expect(mixed.items.every((p) => p.id.startsWith('p'))).toBe(true);

    const sku = await c.catalog.products.list({ search: 'SKU-p012345' });
    expect(sku.items.map((p) => p.id)).toEqual(['p012345']);

    const words = await c.catalog.products.list({ search: 'PRODUCT 4242' });
    // Product 4242 and Product 42420–42429, less Product 42426 (archived).
    expect(words.items).toHaveLength(10);
    expect(words.items.map((p) => p.title)).toContain('Product 4242');
    expect(words.items.every((p) => /^Product 4242\d?$/.test(p.title))).toBe(true);

    const out = await c.catalog.products.list({ stock: 'out', limit: 100 });
    expect(out.items).toHaveLength(100);
    expect(out.items.every((p) => p.totalStock === 0)).toBe(true);
    const low = await c.catalog.products.list({ stock: 'low', status: 'ACTIVE', limit: 100 });
    expect(low.items.every((p) => p.totalStock >= 1 && p.totalStock <= 5)).toBe(true);
    const picks = await c.catalog.products.list({ collectionId: 'col-p', limit: 100 });
    expect(picks.items).toHaveLength(100);
    expect(picks.items.every((p) => Number(p.id.slice(1)) % 100 === 0)).toBe(true);

    // How long they take is measured by bench/products-list (speed is a benchmark's business, not a test's).
  });

  it('reads search words as index ranges of product_search_terms under row-level security', async () => {
    // The same range condition products.list sends, as the application role with the store set.
    const plan = await h.owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL ROLE vitrine_app`);
      await tx.$executeRawUnsafe(`SELECT set_config('app.tenant_id', '${store.id}', true)`);
      const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT product_id FROM product_search_terms WHERE term >= 'p012345' AND term < 'p012345' || chr(1114111)`,
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan using product_search_terms_pkey/);
    expect(plan).toMatch(/Index Cond: .*term >= 'p012345'/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
