import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let owner: SessionUser;
let store: { id: string };
const c = () => h.caller(owner, { tenantId: store.id });

beforeAll(async () => {
  h = await createApiHarness('catalog');
  owner = await h.createUser('owner');
  store = await h.createStore(owner, 'catalog-store');
});
afterAll(() => h?.close());

describe('categories', () => {
  it('creates, lists, renames and deletes a category, auditing each step', async () => {
    const shoes = await c().catalog.categories.create({ name: 'Sapatos Élegantes' });
    expect(shoes.slug).toBe('sapatos-elegantes');
    const child = await c().catalog.categories.create({ name: 'Boots', parentId: shoes.id, position: 2 });
    const renamed = await c().catalog.categories.update({ id: child.id, name: 'Botas', slug: 'botas' });
    expect(renamed).toMatchObject({ name: 'Botas', slug: 'botas', parentId: shoes.id });
    expect((await c().catalog.categories.list()).map((x) => x.name)).toEqual(expect.arrayContaining(['Sapatos Élegantes', 'Botas']));

    await expectTRPCError(c().catalog.categories.delete({ id: shoes.id }), 'PRECONDITION_FAILED', /subcategories/);
    await c().catalog.categories.delete({ id: child.id });
    await c().catalog.categories.delete({ id: shoes.id });
    expect(await c().catalog.categories.list()).toEqual([]);

    const actions = (await h.auditRows(store.id)).map((r) => r.action).filter((a) => a.startsWith('category.'));
    expect(actions).toEqual(['category.created', 'category.created', 'category.updated', 'category.deleted', 'category.deleted']);
  });

  it('refuses a duplicate address and a category inside its own subtree', async () => {
    const a = await c().catalog.categories.create({ name: 'Hats' });
    const b = await c().catalog.categories.create({ name: 'Caps', parentId: a.id });
    await expectTRPCError(c().catalog.categories.create({ name: 'Hats' }), 'CONFLICT', /"hats" already exists/);
    await expectTRPCError(c().catalog.categories.update({ id: a.id, parentId: b.id }), 'BAD_REQUEST', /inside itself/);
    await expectTRPCError(c().catalog.categories.update({ id: a.id, parentId: a.id }), 'BAD_REQUEST', /inside itself/);
  });

  it('refuses to delete a category that still has products, saying how many', async () => {
    const cat = await c().catalog.categories.create({ name: 'Bags' });
    await c().catalog.products.create({ title: 'Tote', categoryId: cat.id, variants: [{ sku: 'BAG-1', priceAmount: 1000 }] });
    await expectTRPCError(c().catalog.categories.delete({ id: cat.id }), 'PRECONDITION_FAILED', /"Bags" still has 1 product\. Move them/);
    expect((await c().catalog.categories.list()).find((x) => x.id === cat.id)?.productCount).toBe(1);
  });
});

describe('products', () => {
  it('creates a product with variants in the store currency, with an audit row naming the action and request', async () => {
    const product = await c().catalog.products.create({
      title: 'Camiseta Básica',
      description: 'Algodão',
      status: 'ACTIVE',
      variants: [
        { sku: 'TEE-P', title: 'P', attributes: { size: 'P' }, priceAmount: 4990, stock: 5 },
        { sku: 'TEE-M', title: 'M', attributes: { size: 'M' }, priceAmount: 5490, currency: 'USD', stock: 0 },
      ],
    });
    expect(product).toMatchObject({ slug: 'camiseta-basica', status: 'ACTIVE' });
    expect(product.variants.map((v) => [v.sku, v.currency, v.position])).toEqual([
      ['TEE-P', 'BRL', 0],
      ['TEE-M', 'USD', 1],
    ]);
    const rows = (await h.auditRows(store.id, 'product.created')).filter((r) => r.targetId === product.id);
    expect(rows).toEqual([
      expect.objectContaining({ actorUserId: owner.id, requestId: expect.stringMatching(/^req-catalog-/), data: expect.objectContaining({ skus: ['TEE-P', 'TEE-M'] }) }),
    ]);

    const again = await c().catalog.products.create({ title: 'Camiseta Básica', variants: [{ sku: 'TEE-2', priceAmount: 1 }] });
    expect(again.slug).toBe('camiseta-basica-2');
  });

  it('refuses a SKU already used in the store with CONFLICT naming it', async () => {
    await c().catalog.products.create({ title: 'Mug', variants: [{ sku: 'MUG-1', priceAmount: 100 }] });
    await expectTRPCError(
      c().catalog.products.create({ title: 'Mug 2', variants: [{ sku: 'MUG-2', priceAmount: 100 }, { sku: 'MUG-1', priceAmount: 100 }] }),
      'CONFLICT',
      /SKU "MUG-1" is already used/,
    );
    expect((await c().catalog.products.list({ search: 'Mug 2' })).items).toEqual([]);
  });

  it('refuses bad input with readable field messages', async () => {
    const dup = await expectTRPCError(
      c().catalog.products.create({ title: 'Dup', variants: [{ sku: 'D-1', priceAmount: 1 }, { sku: 'D-1', priceAmount: 2 }] }),
      'BAD_REQUEST',
    );
    expect(dup.cause?.message).toMatch(/used twice/);
    const price = await expectTRPCError(c().catalog.products.create({ title: 'Cheap', variants: [{ sku: 'C-1', priceAmount: 19.9 }] }), 'BAD_REQUEST');
    expect(price.cause?.message).toMatch(/whole minor units/);
    await expectTRPCError(c().catalog.products.create({ title: 'None', variants: [] }), 'BAD_REQUEST');
    await expectTRPCError(c().catalog.products.list({ limit: 101 }), 'BAD_REQUEST');
  });

  it('updates fields and replaces variants: updates kept ones, creates new ones, removes missing ones, allows SKU swaps', async () => {
    const p = await c().catalog.products.create({
      title: 'Socks',
      variants: [
        { sku: 'SOCK-A', priceAmount: 100 },
        { sku: 'SOCK-B', priceAmount: 200 },
        { sku: 'SOCK-C', priceAmount: 300 },
      ],
    });
    const [va, vb] = p.variants;
    const updated = await c().catalog.products.update({
      id: p.id,
      title: 'Wool socks',
      status: 'ACTIVE',
      variants: [
        { id: vb!.id, sku: 'SOCK-A', priceAmount: 250 },
        { id: va!.id, sku: 'SOCK-B', priceAmount: 150 },
        { sku: 'SOCK-D', priceAmount: 400, stock: 2 },
      ],
    });
    expect(updated).toMatchObject({ title: 'Wool socks', status: 'ACTIVE' });
    expect(updated.variants.map((v) => [v.id === va!.id ? 'a' : v.id === vb!.id ? 'b' : 'new', v.sku, v.priceAmount])).toEqual([
      ['b', 'SOCK-A', 250],
      ['a', 'SOCK-B', 150],
      ['new', 'SOCK-D', 400],
    ]);
    const audit = (await h.auditRows(store.id, 'product.updated')).find((r) => r.targetId === p.id);
    expect(audit?.data).toMatchObject({ variants: { created: ['SOCK-D'], removed: ['SOCK-C'] } });

    await expectTRPCError(c().catalog.products.update({ id: p.id, variants: [{ sku: 'MUG-1', priceAmount: 1 }] }), 'CONFLICT', /"MUG-1"/);
  });

  it('archives and restores a product (restored as a draft), audited, and hides archived ones from the default list', async () => {
    const p = await c().catalog.products.create({ title: 'Lamp', status: 'ACTIVE', variants: [{ sku: 'LAMP-1', priceAmount: 100 }] });
    expect(await c().catalog.products.archive({ id: p.id })).toMatchObject({ status: 'ARCHIVED', archivedAt: expect.any(Date) });
    expect((await c().catalog.products.list({})).items.map((x) => x.id)).not.toContain(p.id);
    expect((await c().catalog.products.list({ status: 'ARCHIVED' })).items.map((x) => x.id)).toContain(p.id);
    await expectTRPCError(c().catalog.products.update({ id: p.id, status: 'ACTIVE' }), 'BAD_REQUEST', /Restore/);
    expect(await c().catalog.products.restore({ id: p.id })).toMatchObject({ status: 'DRAFT', archivedAt: null });
    const actions = (await h.auditRows(store.id)).filter((r) => r.targetId === p.id).map((r) => r.action);
    expect(actions).toEqual(['product.created', 'product.archived', 'product.restored']);
  });
});

describe('product list paging', () => {
  it('walks every product exactly once, newest first, across statuses and identical timestamps', async () => {
    const paging = await h.createUser('pager');
    const shop = await h.createStore(paging, 'paging-store');
    const tdb = await h.db.forTenant(shop.id);
    const at = new Date('2026-03-01T12:00:00Z');
    // 23 products, several sharing a timestamp, mixed statuses.
    for (let i = 0; i < 23; i++) {
      await tdb.product.create({
        data: {
          tenantId: shop.id,
          title: `Item ${i}`,
          slug: `item-${i}`,
          status: i % 3 === 0 ? 'DRAFT' : 'ACTIVE',
          createdAt: new Date(at.getTime() - Math.floor(i / 4) * 1000),
        },
      });
    }
    const caller = h.caller(paging, { tenantId: shop.id });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await caller.catalog.products.list({ limit: 5, cursor });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    const all = await tdb.product.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } });
    expect(seen).toEqual(all.map((p) => p.id));

    const drafts = await caller.catalog.products.list({ status: 'DRAFT', limit: 100 });
    expect(drafts.items).toHaveLength(8);
    expect(drafts.nextCursor).toBeNull();
    await expectTRPCError(caller.catalog.products.list({ cursor: 'garbage' }), 'BAD_REQUEST', /page link/);
  });

  it('filters by category and searches title and SKU, and reports price range and stock', async () => {
    const cat = await c().catalog.categories.create({ name: 'Kitchen' });
    await c().catalog.products.create({
      title: 'Chef Knife',
      categoryId: cat.id,
      variants: [
        { sku: 'KNIFE-S', priceAmount: 8000, stock: 1 },
        { sku: 'KNIFE-L', priceAmount: 12000, stock: 4 },
      ],
    });
    const byCategory = await c().catalog.products.list({ categoryId: cat.id });
    expect(byCategory.items).toEqual([
      expect.objectContaining({ title: 'Chef Knife', priceMin: 8000, priceMax: 12000, totalStock: 5, variantCount: 2, currency: 'BRL' }),
    ]);
    expect((await c().catalog.products.list({ search: 'knife-l' })).items.map((p) => p.title)).toEqual(['Chef Knife']);
    expect((await c().catalog.products.list({ search: 'CHEF' })).items.map((p) => p.title)).toEqual(['Chef Knife']);
  });
});

describe('audit rows commit or roll back with the change', () => {
  it('a write that fails after the product row leaves neither the product nor an audit row', async () => {
    // Fault injection on this throwaway database: variants with this SKU are refused by the database.
    await h.owner.$executeRawUnsafe(`
      CREATE FUNCTION refuse_doomed_sku() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.sku = 'DOOMED' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await h.owner.$executeRawUnsafe(
      `CREATE TRIGGER refuse_doomed_sku BEFORE INSERT OR UPDATE ON product_variants FOR EACH ROW EXECUTE FUNCTION refuse_doomed_sku()`,
    );
    const auditBefore = (await h.auditRows(store.id)).length;
    const error = await expectTRPCError(
      c().catalog.products.create({ title: 'Doomed product', variants: [{ sku: 'DOOMED', priceAmount: 1 }] }),
      'INTERNAL_SERVER_ERROR',
    );
    expect(error.cause?.message).toMatch(/refused for the test/);
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.product.count({ where: { title: 'Doomed product' } })).toBe(0);
    expect((await h.auditRows(store.id)).length).toBe(auditBefore);

    const p = await c().catalog.products.create({ title: 'Survivor', variants: [{ sku: 'SURV-1', priceAmount: 1 }] });
    await expectTRPCError(c().catalog.products.update({ id: p.id, title: 'Renamed', variants: [{ sku: 'DOOMED', priceAmount: 1 }] }), 'INTERNAL_SERVER_ERROR');
    expect(await c().catalog.products.get({ id: p.id })).toMatchObject({ title: 'Survivor', variants: [expect.objectContaining({ sku: 'SURV-1' })] });
    expect(await h.auditRows(store.id, 'product.updated').then((rows) => rows.filter((r) => r.targetId === p.id))).toEqual([]);
  });

  it('a failing audit row undoes the change it records', async () => {
    const p = await c().catalog.products.create({ title: 'Kept', status: 'ACTIVE', variants: [{ sku: 'KEPT-1', priceAmount: 1 }] });
    await h.owner.$executeRawUnsafe(`
      CREATE FUNCTION refuse_archive_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'product.archived' THEN RAISE EXCEPTION 'audit refused for the test'; END IF; RETURN NEW; END $$`);
    await h.owner.$executeRawUnsafe(
      `CREATE TRIGGER refuse_archive_audit BEFORE INSERT ON audit_logs FOR EACH ROW EXECUTE FUNCTION refuse_archive_audit()`,
    );
    try {
      await expectTRPCError(c().catalog.products.archive({ id: p.id }), 'INTERNAL_SERVER_ERROR');
      expect(await c().catalog.products.get({ id: p.id })).toMatchObject({ status: 'ACTIVE', archivedAt: null });
    } finally {
      await h.owner.$executeRawUnsafe(`DROP TRIGGER refuse_archive_audit ON audit_logs`);
    }
  });
});
