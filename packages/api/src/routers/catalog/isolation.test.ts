import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness, type Caller } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

/**
 * Tenant isolation for every tenant procedure: another store's ids find nothing (NOT_FOUND, no data, no
 * change), and switching the active store to one the user is not a member of is FORBIDDEN.
 */
let h: ApiHarness;
let alice: SessionUser;
let bob: SessionUser;
let storeA: { id: string };
let storeB: { id: string };
let b: { categoryId: string; emptyCategoryId: string; productId: string; archivedProductId: string; variantId: string };
let aProductId: string;

beforeAll(async () => {
  h = await createApiHarness('isolation');
  alice = await h.createUser('alice');
  bob = await h.createUser('bob');
  storeA = await h.createStore(alice, 'store-a');
  storeB = await h.createStore(bob, 'store-b');

  const asBob = h.caller(bob, { tenantId: storeB.id });
  const category = await asBob.catalog.categories.create({ name: 'B shoes' });
  const empty = await asBob.catalog.categories.create({ name: 'B empty' });
  const product = await asBob.catalog.products.create({
    title: 'B secret boot',
    categoryId: category.id,
    status: 'ACTIVE',
    variants: [{ sku: 'B-BOOT-1', priceAmount: 9900, stock: 3 }],
  });
  const archived = await asBob.catalog.products.create({ title: 'B old boot', variants: [{ sku: 'B-OLD-1', priceAmount: 100 }] });
  await asBob.catalog.products.archive({ id: archived.id });
  b = { categoryId: category.id, emptyCategoryId: empty.id, productId: product.id, archivedProductId: archived.id, variantId: product.variants[0]!.id };

  const own = await h.caller(alice, { tenantId: storeA.id }).catalog.products.create({ title: 'A shirt', variants: [{ sku: 'A-1', priceAmount: 100 }] });
  aProductId = own.id;
});
afterAll(() => h?.close());

const asAlice = () => h.caller(alice, { tenantId: storeA.id });

async function snapshotOfB() {
  const tdb = await h.db.forTenant(storeB.id);
  return {
    products: await tdb.product.findMany({ orderBy: { id: 'asc' }, include: { variants: true } }),
    categories: await tdb.category.findMany({ orderBy: { id: 'asc' } }),
    audit: await tdb.auditLog.count(),
  };
}

describe("another store's ids give NOT_FOUND and no data", () => {
  it('catalog.products.get', async () => {
    await expectTRPCError(asAlice().catalog.products.get({ id: b.productId }), 'NOT_FOUND');
  });

  it('catalog.products.update, archive and restore change nothing in the other store', async () => {
    const before = await snapshotOfB();
    await expectTRPCError(asAlice().catalog.products.update({ id: b.productId, title: 'Stolen' }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.products.archive({ id: b.productId }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.products.restore({ id: b.archivedProductId }), 'NOT_FOUND');
    expect(await snapshotOfB()).toEqual(before);
  });

  it("catalog.products.update refuses another store's variant id inside one's own product", async () => {
    const before = await snapshotOfB();
    await expectTRPCError(
      asAlice().catalog.products.update({ id: aProductId, variants: [{ id: b.variantId, sku: 'A-1', priceAmount: 1 }] }),
      'NOT_FOUND',
    );
    expect(await snapshotOfB()).toEqual(before);
  });

  it("catalog.products.create and update refuse another store's category", async () => {
    await expectTRPCError(
      asAlice().catalog.products.create({ title: 'Sneaky', categoryId: b.categoryId, variants: [{ sku: 'SN-1', priceAmount: 1 }] }),
      'NOT_FOUND',
    );
    await expectTRPCError(asAlice().catalog.products.update({ id: aProductId, categoryId: b.categoryId }), 'NOT_FOUND');
  });

  it('catalog.categories.update and delete', async () => {
    const before = await snapshotOfB();
    await expectTRPCError(asAlice().catalog.categories.update({ id: b.categoryId, name: 'Stolen' }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.categories.delete({ id: b.emptyCategoryId }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.categories.create({ name: 'Child', parentId: b.categoryId }), 'NOT_FOUND');
    expect(await snapshotOfB()).toEqual(before);
  });

  it('catalog.products.list and categories.list show only the active store', async () => {
    const all = await asAlice().catalog.products.list({});
    expect(all.items.map((p) => p.id)).toEqual([aProductId]);
    expect((await asAlice().catalog.products.list({ search: 'B-BOOT' })).items).toEqual([]);
    expect((await asAlice().catalog.products.list({ search: 'secret' })).items).toEqual([]);
    expect((await asAlice().catalog.products.list({ categoryId: b.categoryId })).items).toEqual([]);
    expect((await asAlice().catalog.products.list({ status: 'ARCHIVED' })).items).toEqual([]);
    expect((await asAlice().catalog.categories.list()).map((c) => c.id)).toEqual([]);
  });

  it('lets each store use the same SKU (SKUs are unique per store, not globally)', async () => {
    const same = await asAlice().catalog.products.create({ title: 'A boot', variants: [{ sku: 'B-BOOT-1', priceAmount: 5 }] });
    expect(same.variants[0]!.sku).toBe('B-BOOT-1');
  });
});

describe('switching the active store to one the user is not a member of is FORBIDDEN', () => {
  const calls: [string, (c: Caller) => Promise<unknown>][] = [
    ['tenant.settings.get', (c) => c.tenant.settings.get()],
    ['tenant.settings.update', (c) => c.tenant.settings.update({ name: 'Taken over' })],
    ['catalog.categories.list', (c) => c.catalog.categories.list()],
    ['catalog.categories.create', (c) => c.catalog.categories.create({ name: 'X' })],
    ['catalog.categories.update', (c) => c.catalog.categories.update({ id: b.categoryId, name: 'X' })],
    ['catalog.categories.delete', (c) => c.catalog.categories.delete({ id: b.emptyCategoryId })],
    ['catalog.products.list', (c) => c.catalog.products.list({})],
    ['catalog.products.get', (c) => c.catalog.products.get({ id: b.productId })],
    ['catalog.products.create', (c) => c.catalog.products.create({ title: 'X', variants: [{ sku: 'X-1', priceAmount: 1 }] })],
    ['catalog.products.update', (c) => c.catalog.products.update({ id: b.productId, title: 'X' })],
    ['catalog.products.archive', (c) => c.catalog.products.archive({ id: b.productId })],
    ['catalog.products.restore', (c) => c.catalog.products.restore({ id: b.archivedProductId })],
  ];

  it.each(calls)('%s', async (_name, call) => {
    const before = await snapshotOfB();
    await expectTRPCError(call(h.caller(alice, { tenantId: storeB.id })), 'FORBIDDEN', /do not have access/);
    expect(await snapshotOfB()).toEqual(before);
  });

  it.each(calls)('%s without a session is UNAUTHORIZED', async (_name, call) => {
    await expectTRPCError(call(h.caller(null, { tenantId: storeB.id })), 'UNAUTHORIZED');
  });
});

describe('role checks', () => {
  it('refuses staff without the catalog permission on every catalog procedure', async () => {
    const clerk = await h.createUser('clerk');
    await h.addMember(storeB.id, clerk, 'STAFF', ['orders', 'support']);
    const c = h.caller(clerk, { tenantId: storeB.id });
    await expectTRPCError(c.catalog.products.list({}), 'FORBIDDEN', /catalog:read/);
    await expectTRPCError(c.catalog.products.get({ id: b.productId }), 'FORBIDDEN', /catalog:read/);
    await expectTRPCError(c.catalog.categories.list(), 'FORBIDDEN', /catalog:read/);
    await expectTRPCError(c.catalog.products.create({ title: 'X', variants: [{ sku: 'X-2', priceAmount: 1 }] }), 'FORBIDDEN', /catalog:write/);
    await expectTRPCError(c.catalog.products.archive({ id: b.productId }), 'FORBIDDEN', /catalog:write/);
    await expectTRPCError(c.catalog.categories.delete({ id: b.emptyCategoryId }), 'FORBIDDEN', /catalog:write/);
  });

  it('lets staff with the catalog permission work on the catalog but not on settings', async () => {
    const editor = await h.createUser('editor');
    await h.addMember(storeB.id, editor, 'STAFF', ['catalog']);
    const c = h.caller(editor, { tenantId: storeB.id });
    expect((await c.catalog.products.get({ id: b.productId })).title).toBe('B secret boot');
    const created = await c.catalog.products.create({ title: 'Editor product', variants: [{ sku: 'ED-1', priceAmount: 10 }] });
    expect(created.status).toBe('DRAFT');
    await expectTRPCError(c.tenant.settings.update({ name: 'No' }), 'FORBIDDEN', /settings:write/);
  });

  it('lets an admin manage the catalog and settings', async () => {
    const admin = await h.createUser('admin-user');
    await h.addMember(storeB.id, admin, 'ADMIN');
    const c = h.caller(admin, { tenantId: storeB.id });
    expect((await c.catalog.categories.list()).length).toBeGreaterThan(0);
    expect((await c.tenant.settings.get()).tenant.id).toBe(storeB.id);
  });
});
