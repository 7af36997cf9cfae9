import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { tenantAccessOf } from '../../errors.ts';
import { createApiHarness, PLATFORM_DOMAIN, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let ana: SessionUser;
let ben: SessionUser;
let shopA: { id: string; hostname: string };
let shopB: { id: string; hostname: string };

const visitor = (host: string) => h.caller(null, { host });

beforeAll(async () => {
  h = await createApiHarness('storefront');
  ana = await h.createUser('ana');
  ben = await h.createUser('ben');
  shopA = await h.createStore(ana, 'shop-a', 'Shop A');
  shopB = await h.createStore(ben, 'shop-b', 'Shop B');
  const a = h.caller(ana, { tenantId: shopA.id });
  const cat = await a.catalog.categories.create({ name: 'Tops' });
  await a.catalog.products.create({
    title: 'A Tee',
    status: 'ACTIVE',
    categoryId: cat.id,
    variants: [
      { sku: 'A-TEE-S', priceAmount: 3000, stock: 0 },
      { sku: 'A-TEE-M', priceAmount: 3500, stock: 2 },
    ],
  });
  await a.catalog.products.create({ title: 'A Draft', variants: [{ sku: 'A-DRAFT', priceAmount: 1 }] });
  const gone = await a.catalog.products.create({ title: 'A Gone', status: 'ACTIVE', variants: [{ sku: 'A-GONE', priceAmount: 1 }] });
  await a.catalog.products.archive({ id: gone.id });
  await a.tenant.settings.update({ published: true, storefront: { seoTitle: 'Shop A — tees' } });

  const b = h.caller(ben, { tenantId: shopB.id });
  await b.catalog.products.create({ title: 'B Secret', status: 'ACTIVE', variants: [{ sku: 'B-1', priceAmount: 1 }] });
  await b.tenant.settings.update({ published: true });
});
afterAll(() => h?.close());

describe('storefront', () => {
  it("shows only the host's store: its active products with price range and stock", async () => {
    const home = await visitor(`shop-a.${PLATFORM_DOMAIN}:3000`).storefront.home();
    expect(home.store).toMatchObject({ id: shopA.id, name: 'Shop A' });
    expect(await visitor(`shop-a.${PLATFORM_DOMAIN}:3000`).storefront.store()).toEqual(home.store);
    expect(home.seo.title).toBe('Shop A — tees');
    expect(home.categories.map((c) => c.slug)).toEqual(['tops']);
    expect(home.products.items).toEqual([
      expect.objectContaining({ title: 'A Tee', slug: 'a-tee', priceMin: 3000, priceMax: 3500, inStock: true, totalStock: 2 }),
    ]);
    const page = await visitor(shopA.hostname).storefront.products({ categorySlug: 'tops' });
    expect(page.items.map((p) => p.title)).toEqual(['A Tee']);
  });

  it('never shows another store\'s products through this host', async () => {
    const items = (await visitor(shopA.hostname).storefront.products({ limit: 100 })).items;
    expect(items.map((p) => p.title)).not.toContain('B Secret');
    await expectTRPCError(visitor(shopA.hostname).storefront.product({ slug: 'b-secret' }), 'NOT_FOUND');
    expect((await visitor(shopB.hostname).storefront.product({ slug: 'b-secret' })).title).toBe('B Secret');
  });

  it('shows one active product by slug and hides drafts and archived products', async () => {
    const tee = await visitor(shopA.hostname).storefront.product({ slug: 'a-tee' });
    expect(tee.variants.map((v) => [v.sku, v.inStock])).toEqual([
      ['A-TEE-S', false],
      ['A-TEE-M', true],
    ]);
    await expectTRPCError(visitor(shopA.hostname).storefront.product({ slug: 'a-draft' }), 'NOT_FOUND', /not available/);
    await expectTRPCError(visitor(shopA.hostname).storefront.product({ slug: 'a-gone' }), 'NOT_FOUND');
  });

  it('answers an unpublished store with a clear "not published"', async () => {
    const cleo = await h.createUser('cleo');
    const shop = await h.createStore(cleo, 'not-yet');
    const error = await expectTRPCError(visitor(shop.hostname).storefront.home(), 'NOT_FOUND', /not published yet/);
    expect(tenantAccessOf(error)?.reason).toBe('STORE_UNPUBLISHED');
  });

  it('answers unknown, suspended, unpaid and cancelled stores distinctly', async () => {
    const unknown = await expectTRPCError(visitor(`nope.${PLATFORM_DOMAIN}`).storefront.home(), 'NOT_FOUND', /no store at this address/);
    expect(tenantAccessOf(unknown)?.httpStatus).toBe(404);

    const dan = await h.createUser('dan');
    const shop = await h.createStore(dan, 'trouble-shop');
    await h.caller(dan, { tenantId: shop.id }).tenant.settings.update({ published: true });
    const set = async (data: object) => {
      await h.db.platform.tenant.update({ where: { id: shop.id }, data });
      await h.resolver.invalidateTenant(shop.id);
    };
    await set({ status: 'SUSPENDED' });
    await expectTRPCError(visitor(shop.hostname).storefront.home(), 'FORBIDDEN', /suspended/);
    await set({ status: 'ACTIVE', billingStatus: 'UNPAID' });
    const unpaid = await expectTRPCError(visitor(shop.hostname).storefront.products({}), 'PAYMENT_REQUIRED');
    expect(tenantAccessOf(unpaid)?.httpStatus).toBe(402);
    await set({ status: 'CANCELLED', billingStatus: 'CURRENT' });
    const cancelled = await expectTRPCError(visitor(shop.hostname).storefront.home(), 'NOT_FOUND', /closed/);
    expect(tenantAccessOf(cancelled)).toMatchObject({ reason: 'TENANT_CANCELLED', httpStatus: 410 });
  });
});
