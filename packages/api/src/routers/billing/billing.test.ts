import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let owner: SessionUser;
let store: { id: string };

beforeAll(async () => {
  h = await createApiHarness('billing');
  owner = await h.createUser('owner');
  store = await h.createStore(owner, 'billing-store');
  await h.caller(owner, { tenantId: store.id }).catalog.products.create({ title: 'Mug', variants: [{ sku: 'MUG-1', priceAmount: 1000 }] });
});
afterAll(() => h?.close());

describe('billing.plan', () => {
  it("shows the store's plan and every limit from the plans table", async () => {
    const result = await h.caller(owner, { tenantId: store.id }).billing.plan();
    const free = await h.owner.plan.findUniqueOrThrow({ where: { code: 'free' } });
    expect(result.plan).toMatchObject({ code: 'free', name: free.name, priceAmount: free.priceAmount, currency: free.currency });
    expect(result.limits).toEqual({ ...(free.limits as object), apiRatePerMinute: 120 });

    await h.owner.tenant.update({ where: { id: store.id }, data: { planCode: 'pro' } });
    const pro = await h.caller(owner, { tenantId: store.id }).billing.plan();
    expect(pro.plan.code).toBe('pro');
    expect(pro.limits).toMatchObject({ staffUsers: 15 });
  });

  it('refuses admins and staff without the billing permission; staff granted billing may read it', async () => {
    await h.setPlan(store.id, 'pro');
    const admin = await h.createUser('admin');
    const staff = await h.createUser('staff');
    const payer = await h.createUser('payer');
    await h.addMember(store.id, admin, 'ADMIN');
    await h.addMember(store.id, staff, 'STAFF', ['catalog', 'orders', 'settings']);
    await h.addMember(store.id, payer, 'STAFF', ['billing']);
    await expectTRPCError(h.caller(admin, { tenantId: store.id }).billing.plan(), 'FORBIDDEN', /billing:manage/);
    await expectTRPCError(h.caller(staff, { tenantId: store.id }).billing.plan(), 'FORBIDDEN', /billing:manage/);
    expect((await h.caller(payer, { tenantId: store.id }).billing.plan()).plan.code).toBe('pro');
    await expectTRPCError(h.caller(staff, { tenantId: store.id }).billing.usage(), 'FORBIDDEN', /billing:manage/);
    expect((await h.caller(payer, { tenantId: store.id }).billing.usage()).plan.code).toBe('pro');
  });

  it('refuses another store', async () => {
    const other = await h.createUser('other');
    const theirs = await h.createStore(other, 'billing-other');
    await expectTRPCError(h.caller(owner, { tenantId: theirs.id }).billing.plan(), 'FORBIDDEN', /do not have access/);
    await expectTRPCError(h.caller(owner, { tenantId: theirs.id }).billing.usage(), 'FORBIDDEN', /do not have access/);
  });
});

describe('billing.usage', () => {
  it('gives every limit with what the store uses, the percentage and the plan that lifts it, and the public plans', async () => {
    const person = await h.createUser('usage-owner');
    const shop = await h.createStore(person, 'billing-usage');
    const c = h.caller(person, { tenantId: shop.id });
    for (const sku of ['U-1', 'U-2', 'U-3']) await c.catalog.products.create({ title: `Usage ${sku}`, variants: [{ sku, priceAmount: 100 }] });
    const tdb = await h.db.forTenant(shop.id);
    const archived = await tdb.product.findFirstOrThrow({ where: { variants: { some: { sku: 'U-3' } } } });
    await c.catalog.products.archive({ id: archived.id });
    await tdb.mlAccount.create({ data: { tenantId: shop.id, mlUserId: 77n, nickname: 'USAGE', siteId: 'MLB' } });
    await tdb.mlAccount.create({ data: { tenantId: shop.id, mlUserId: 78n, nickname: 'GONE', siteId: 'MLB', status: 'DISCONNECTED' } });
    const product = await tdb.product.findFirstOrThrow({ where: { variants: { some: { sku: 'U-1' } } } });
    await tdb.productImage.create({ data: { tenantId: shop.id, productId: product.id, storageKey: 'fixtures/u', sizeBytes: 125 * 1024 * 1024 } });

    const usage = await c.billing.usage();
    expect(usage.plan).toEqual({ code: 'free', name: 'Free' });
    const basic = { code: 'basic', name: 'Basic' };
    expect(usage.meters).toEqual([
      { key: 'products', limit: 100, used: 2, percent: 2, reached: false, upgradeTo: { ...basic, limit: 2000 } },
      { key: 'ordersPerMonth', limit: 100, used: 0, percent: 0, reached: false, upgradeTo: { ...basic, limit: 2000 } },
      { key: 'staffUsers', limit: 1, used: 1, percent: 100, reached: true, upgradeTo: { ...basic, limit: 3 } },
      { key: 'mlAccounts', limit: 1, used: 1, percent: 100, reached: true, upgradeTo: { ...basic, limit: 3 } },
      { key: 'storageMb', limit: 500, used: 125, percent: 25, reached: false, upgradeTo: { ...basic, limit: 5000 } },
      { key: 'apiRatePerMinute', limit: 120, used: null, percent: null, reached: false, upgradeTo: { ...basic, limit: 600 } },
    ]);
    expect(usage.plans.map((p) => [p.code, p.current, p.limits.mlAccounts, p.priceAmount])).toEqual([
      ['free', true, 1, 0],
      ['basic', false, 3, 4900],
      ['pro', false, 10, 14900],
      ['enterprise', false, null, 0],
    ]);

    await h.setPlan(shop.id, 'enterprise');
    const unlimited = await c.billing.usage();
    expect(unlimited.meters.find((m) => m.key === 'products')).toEqual({ key: 'products', limit: null, used: 2, percent: null, reached: false, upgradeTo: null });
    expect(unlimited.plans.find((p) => p.current)?.code).toBe('enterprise');
  });
});
