import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness, type Caller } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { twoStores, type TwoStores } from '../../test-support/two-stores.ts';

/** Pages, settings and the plan of one store are never read or changed through another. */
let h: ApiHarness;
let s: TwoStores;

beforeAll(async () => {
  h = await createApiHarness('pages_isolation');
  s = await twoStores(h, 'pages');
  await s.asAlice().tenant.settings.update({ published: true });
  await s.asBob().tenant.settings.update({ published: true, contact: { email: 'b@example.test' } });
  await s.asBob().pages.save({ slug: 'secret', title: 'B only', body: 'B text' });
});
afterAll(() => h?.close());

async function pagesOfB() {
  const tdb = await h.db.forTenant(s.storeB.id);
  return tdb.storePage.findMany({ orderBy: { slug: 'asc' } });
}

describe("another store's pages are out of reach", () => {
  it('pages.get and pages.delete give NOT_FOUND; pages.save writes into the own store only', async () => {
    const asAlice = s.asAlice();
    const before = await pagesOfB();
    await expectTRPCError(asAlice.pages.get({ slug: 'secret' }), 'NOT_FOUND');
    await expectTRPCError(asAlice.pages.delete({ slug: 'secret' }), 'NOT_FOUND');
    await asAlice.pages.save({ slug: 'secret', title: 'A own', body: 'A text' });
    expect(await pagesOfB()).toEqual(before);
    expect((await asAlice.pages.list()).custom.map((p) => p.title)).toEqual(['A own']);
  });

  it("the storefront of one store never shows another store's page", async () => {
    await s.asAlice().pages.delete({ slug: 'secret' });
    await expectTRPCError(h.caller(null, { host: s.storeA.hostname }).storefront.page({ slug: 'secret' }), 'NOT_FOUND');
    expect(await h.caller(null, { host: s.storeA.hostname }).storefront.footer()).toEqual({ pages: [], contact: { email: null, phone: null, address: null } });
    expect(await h.caller(null, { host: s.storeB.hostname }).storefront.page({ slug: 'secret' })).toMatchObject({ title: 'B only' });
  });

  it("settings show the own store's contact details only", async () => {
    expect((await s.asAlice().tenant.settings.get()).contact).toEqual({ email: null, phone: null, address: null });
  });
});

describe('switching the active store to one the user is not a member of is FORBIDDEN', () => {
  const calls: [string, (c: Caller) => Promise<unknown>][] = [
    ['pages.list', (c) => c.pages.list()],
    ['pages.get', (c) => c.pages.get({ slug: 'secret' })],
    ['pages.save', (c) => c.pages.save({ slug: 'secret', title: 'Taken' })],
    ['pages.delete', (c) => c.pages.delete({ slug: 'secret' })],
    ['billing.plan', (c) => c.billing.plan()],
    ['tenant.settings.update (contact)', (c) => c.tenant.settings.update({ contact: { email: 'evil@example.test' } })],
  ];
  it.each(calls)('%s', async (_name, call) => {
    const before = await pagesOfB();
    await expectTRPCError(call(h.caller(s.alice, { tenantId: s.storeB.id })), 'FORBIDDEN', /do not have access/);
    expect(await pagesOfB()).toEqual(before);
  });
});
