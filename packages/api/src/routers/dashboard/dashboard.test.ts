import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { recordStoreVisits } from '../storefront/pages.ts';
import { periodDays } from './summary.ts';

let h: ApiHarness;
let owner: SessionUser;
let store: { id: string; hostname: string };
let mlOrderId = 7_000_000n;


const daysAgo = (n: number, hour = 12) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - n, hour));
};
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** One synced Mercado Livre order with its lines, as the sync writes them. */
async function mlOrder(tenantId: string, accountId: string, at: Date, status: string, lines: { item: string; title: string; qty: number; unit: number }[]) {
  const tdb = await h.db.forTenant(tenantId);
  const total = lines.reduce((n, l) => n + l.qty * l.unit, 0);
  await tdb.mlOrder.create({
    data: {
      tenantId, accountId, mlOrderId: (mlOrderId += 1n), status, buyerId: 1n, totalMinor: BigInt(total), paidMinor: status === 'paid' ? BigInt(total) : null,
      currency: 'BRL', dateCreated: at,
      items: { create: lines.map((l) => ({ mlItemId: l.item, title: l.title, quantity: l.qty, unitPriceMinor: BigInt(l.unit), currency: 'BRL' })) },
    },
  });
}

async function mlAccount(tenantId: string, mlUserId: bigint) {
  const tdb = await h.db.forTenant(tenantId);
  return tdb.mlAccount.create({ data: { tenantId, mlUserId, nickname: `SELLER${mlUserId}`, siteId: 'MLB' } });
}

beforeAll(async () => {
  h = await createApiHarness('dashboard');
  owner = await h.createUser('owner');
  store = await h.createStore(owner, 'dash-store');
  const account = await mlAccount(store.id, 501n);
  await mlOrder(store.id, account.id, daysAgo(0, 1), 'paid', [{ item: 'MLB1', title: 'Lamp', qty: 2, unit: 5_000 }]);
  await mlOrder(store.id, account.id, daysAgo(2), 'paid', [
    { item: 'MLB1', title: 'Lamp', qty: 1, unit: 5_000 },
    { item: 'MLB2', title: 'Shade', qty: 3, unit: 1_000 },
  ]);
  await mlOrder(store.id, account.id, daysAgo(2), 'cancelled', [{ item: 'MLB3', title: 'Cancelled chair', qty: 9, unit: 99_000 }]);
  await mlOrder(store.id, account.id, daysAgo(20), 'paid', [{ item: 'MLB4', title: 'Old table', qty: 1, unit: 40_000 }]);
  await mlOrder(store.id, account.id, daysAgo(200), 'paid', [{ item: 'MLB5', title: 'Ancient rug', qty: 1, unit: 1_000_000 }]);
});
afterAll(() => h?.close());

const asOwner = () => h.caller(owner, { tenantId: store.id });

describe('dashboard.summary', () => {
  it('adds up paid Mercado Livre orders of the last 7 days, per day, without cancelled or older ones', async () => {
    const s = await asOwner().dashboard.summary({ days: 7 });
    expect(s.sources).toEqual([{ id: 'mercadolivre', label: 'Mercado Livre orders' }]);
    expect(s.sales).toEqual([{ currency: 'BRL', totalMinor: 10_000 + 8_000 }]);
    expect(s.orders).toBe(2);
    expect(s.daily).toHaveLength(7);
    expect(s.daily.at(-1)).toMatchObject({ day: dayOf(daysAgo(0)), orders: 1, salesMinor: 10_000 });
    expect(s.daily.find((d) => d.day === dayOf(daysAgo(2)))).toMatchObject({ orders: 1, salesMinor: 8_000 });
    expect(s.daily.filter((d) => d.orders === 0)).toHaveLength(5);
    expect(s.topProducts).toEqual([
      { key: 'MLB1', title: 'Lamp', currency: 'BRL', quantity: 3, salesMinor: 15_000 },
      { key: 'MLB2', title: 'Shade', currency: 'BRL', quantity: 3, salesMinor: 3_000 },
    ]);
  });

  it('widens to 30 and 90 days', async () => {
    const month = await asOwner().dashboard.summary({ days: 30 });
    expect(month.orders).toBe(3);
    expect(month.sales).toEqual([{ currency: 'BRL', totalMinor: 58_000 }]);
    expect(month.topProducts[0]).toMatchObject({ key: 'MLB4', salesMinor: 40_000 });
    expect((await asOwner().dashboard.summary({ days: 90 })).daily).toHaveLength(90);
  });

  it('shows no conversion without visits, and orders per visit once the storefront counts visits', async () => {
    expect((await asOwner().dashboard.summary({ days: 7 })).conversion).toBeNull();
    await asOwner().tenant.settings.update({ published: true });
    const shopper = h.caller(null, { host: store.hostname });
    for (let i = 0; i < 4; i += 1) await shopper.storefront.recordVisit();
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.storeVisitDaily.findMany({ select: { visits: true } })).toEqual([{ visits: 4 }]);
    const s = await asOwner().dashboard.summary({ days: 7 });
    expect(s.visits).toBe(4);
    expect(s.conversion).toBe(0.5);
    expect(s.daily.at(-1)).toMatchObject({ visits: 4 });
  });

  it('counts concurrent visits without losing any', async () => {
    const before = (await asOwner().dashboard.summary({ days: 7 })).visits;
    const shopper = () => h.caller(null, { host: store.hostname });
    await Promise.all(Array.from({ length: 20 }, () => shopper().storefront.recordVisit()));
    expect((await asOwner().dashboard.summary({ days: 7 })).visits).toBe(before + 20);
  });

  it('adds a batch of visits counted by the page cache in one write; an empty batch writes nothing', async () => {
    const before = (await asOwner().dashboard.summary({ days: 7 })).visits;
    const tdb = await h.db.forTenant(store.id);
    await recordStoreVisits(tdb, store.id, 37);
    await recordStoreVisits(tdb, store.id, 0);
    expect((await asOwner().dashboard.summary({ days: 7 })).visits).toBe(before + 37);
  });

  it('shows an empty store as zeros, not as an error', async () => {
    const other = await h.createUser('empty-owner');
    const empty = await h.createStore(other, 'dash-empty');
    const s = await h.caller(other, { tenantId: empty.id }).dashboard.summary({ days: 30 });
    expect(s).toMatchObject({ sales: [], orders: 0, visits: 0, conversion: null, topProducts: [], currency: 'BRL' });
    expect(s.daily.every((d) => d.orders === 0 && d.salesMinor === 0)).toBe(true);
  });

  it('refuses another period with a sentence, and staff without the orders permission', async () => {
    const bad = await expectTRPCError(asOwner().dashboard.summary({ days: 12 as 7 }), 'BAD_REQUEST');
    expect(bad.cause?.message).toMatch(/7, 30 or 90/);
    const staff = await h.createUser('catalog-staff');
    await h.addMember(store.id, staff, 'STAFF', ['catalog']);
    await expectTRPCError(h.caller(staff, { tenantId: store.id }).dashboard.summary({ days: 7 }), 'FORBIDDEN', /orders:read/);
  });
});

describe('periodDays', () => {
  it('lists UTC days ending today', () => {
    expect(periodDays(3, new Date('2026-03-01T02:00:00Z'))).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});

