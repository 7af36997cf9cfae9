import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { twoStores, type TwoStores } from '../../test-support/two-stores.ts';

/** The dashboard counts only the active store's orders and visits; another store is FORBIDDEN. */
let h: ApiHarness;
let s: TwoStores;

beforeAll(async () => {
  h = await createApiHarness('dashboard_isolation');
  s = await twoStores(h, 'dash');
  const tdb = await h.db.forTenant(s.storeB.id);
  const account = await tdb.mlAccount.create({ data: { tenantId: s.storeB.id, mlUserId: 777n, nickname: 'B', siteId: 'MLB' } });
  await tdb.mlOrder.create({
    data: {
      tenantId: s.storeB.id, accountId: account.id, mlOrderId: 1n, status: 'paid', buyerId: 1n, totalMinor: 99_900n, currency: 'BRL', dateCreated: new Date(),
      items: { create: [{ mlItemId: 'MLB-SECRET', title: 'B secret', quantity: 1, unitPriceMinor: 99_900n, currency: 'BRL' }] },
    },
  });
  await s.asBob().tenant.settings.update({ published: true });
  await h.caller(null, { host: s.storeB.hostname }).storefront.recordVisit();
});
afterAll(() => h?.close());

describe('dashboard.summary isolation', () => {
  it("shows none of another store's orders, products or visits", async () => {
    const a = await s.asAlice().dashboard.summary({ days: 7 });
    expect(a).toMatchObject({ sales: [], orders: 0, visits: 0, topProducts: [] });
    const b = await s.asBob().dashboard.summary({ days: 7 });
    expect(b).toMatchObject({ orders: 1, visits: 1, topProducts: [expect.objectContaining({ key: 'MLB-SECRET' })] });
  });

  it('is FORBIDDEN for a store the user is not a member of', async () => {
    await expectTRPCError(h.caller(s.alice, { tenantId: s.storeB.id }).dashboard.summary({ days: 7 }), 'FORBIDDEN', /do not have access/);
  });

  it("storefront.recordVisit counts for the store behind the host only", async () => {
    const tdbA = await h.db.forTenant(s.storeA.id);
    expect(await tdbA.storeVisitDaily.count()).toBe(0);
  });
});
