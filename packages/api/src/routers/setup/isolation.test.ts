import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { twoStores, type TwoStores } from '../../test-support/two-stores.ts';

/**
 * Tenant isolation of the setup wizard: every procedure works on the caller's active store only; naming
 * another store is FORBIDDEN, and whatever one store does in its wizard leaves the other's rows unchanged.
 */
let h: ApiHarness;
let s: TwoStores;

beforeAll(async () => {
  h = await createApiHarness('setup_isolation');
  s = await twoStores(h, 'store');
  const b = s.asBob();
  await b.setup.payments.saveStripe({ publishableKey: 'pk_test_bobbobbob1', secretKey: 'sk_test_bobsecret1234' });
  await b.setup.shipping.save({ basis: 'WEIGHT', bands: [{ name: 'B band', minValue: 0, maxValue: null, priceAmount: 700 }], pickup: null });
  await b.setup.domain.addCustom({ hostname: 'shop.bob.example' });
  await b.setup.theme({ theme: 'market' });
});
afterAll(() => h?.close());

const aliceInB = () => h.caller(s.alice, { tenantId: s.storeB.id });

async function snapshotOfB() {
  const tdb = await h.db.forTenant(s.storeB.id);
  return {
    tenant: await h.db.platform.tenant.findUnique({ where: { id: s.storeB.id } }),
    domains: await h.db.platform.domain.findMany({ where: { tenantId: s.storeB.id }, orderBy: { id: 'asc' } }),
    setup: await tdb.storeSetup.findFirst(),
    payments: await tdb.paymentSettings.findFirst(),
    shipping: await tdb.shippingRate.findMany({ orderBy: { id: 'asc' } }),
    config: await tdb.storefrontConfig.findFirst(),
    products: await tdb.product.count(),
    audit: await tdb.auditLog.count(),
  };
}

describe('setup procedures on another store are FORBIDDEN and change nothing', () => {
  it('reads: progress, preview, payments, shipping, domains', async () => {
    await expectTRPCError(aliceInB().setup.progress(), 'FORBIDDEN');
    await expectTRPCError(aliceInB().setup.preview({}), 'FORBIDDEN');
    await expectTRPCError(aliceInB().setup.payments.get(), 'FORBIDDEN');
    await expectTRPCError(aliceInB().setup.shipping.get(), 'FORBIDDEN');
    await expectTRPCError(aliceInB().setup.domain.get(), 'FORBIDDEN');
  });

  it('writes: every step', async () => {
    const before = await snapshotOfB();
    const calls = [
      () => aliceInB().setup.identity({ name: 'Stolen', slug: 'store-b', primaryColor: '#000000', accentColor: '#000000' }),
      () => aliceInB().setup.theme({ theme: 'classic' }),
      () => aliceInB().setup.market({ niche: 'home', country: 'US', currency: 'USD', locale: 'en' }),
      () => aliceInB().setup.product({ title: 'Sneaky', priceAmount: 1, stock: 1, options: [] }),
      () => aliceInB().setup.payments.saveStripe({ publishableKey: 'pk_test_alicealice', secretKey: 'sk_test_alicealice99' }),
      () => aliceInB().setup.payments.skip(),
      () => aliceInB().setup.shipping.save({ basis: 'WEIGHT', bands: [], pickup: { name: 'x', priceAmount: 0 } }),
      () => aliceInB().setup.domain.addCustom({ hostname: 'alice-in-b.example' }),
      () => aliceInB().setup.domain.confirm(),
      () => aliceInB().setup.publish({ published: true }),
    ];
    for (const call of calls) await expectTRPCError(call(), 'FORBIDDEN');
    expect(await snapshotOfB()).toEqual(before);
  });
});

describe("one store's wizard leaves the other's rows alone", () => {
  it('every step on store A changes nothing in store B', async () => {
    const before = await snapshotOfB();
    const a = s.asAlice();
    await a.setup.identity({ name: 'Store A', slug: 'store-a', primaryColor: '#111111', accentColor: '#222222' });
    await a.setup.theme({ theme: 'boutique' });
    await a.setup.market({ niche: 'home', country: 'BR', currency: 'BRL', locale: 'pt-BR' });
    await a.setup.product({ title: 'A thing', priceAmount: 100, stock: 1, options: [] });
    await a.setup.payments.skip();
    await a.setup.shipping.save({ basis: 'ORDER_VALUE', bands: [], pickup: { name: 'A shop counter', priceAmount: 0 } });
    await a.setup.domain.confirm();
    await a.setup.publish({ published: true });
    expect(await snapshotOfB()).toEqual(before);

    expect((await a.setup.payments.get()).readyToSell).toBe(false);
    expect((await a.setup.shipping.get()).bands).toEqual([]);
    expect((await a.setup.domain.get()).custom).toEqual([]);
  });

  it("cannot take the other store's address or domain", async () => {
    await expectTRPCError(
      s.asAlice().setup.identity({ name: 'Store A', slug: s.storeB.slug, primaryColor: '#111111', accentColor: '#222222' }),
      'CONFLICT',
    );
    await expectTRPCError(s.asAlice().setup.domain.addCustom({ hostname: 'shop.bob.example' }), 'CONFLICT');
    expect((await s.asAlice().setup.slugAvailable({ slug: s.storeB.slug })).available).toBe(false);
  });
});
