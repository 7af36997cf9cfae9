import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { markOrderPaid, recordRefund } from '../../commerce/order-lifecycle.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { openShop, placeOrderFor, type TestShop } from '../checkout/test-shop.ts';

/**
 * The stats kept by the triggers equal what the orders say, after every kind of event (placed, paid, refunded in
 * part and in full, cancelled before and after payment), and the platform's overview adds them up per currency.
 */
let h: ApiHarness;
let operator: SessionUser;
let one: TestShop;
let two: TestShop;

beforeAll(async () => {
  h = await createApiHarness('platform_stats');
  operator = await h.createUser('stats-operator', 'SUPER_ADMIN');
  one = await openShop(h, 'stats-one');
  two = await openShop(h, 'stats-two');
  for (const shop of [one, two]) {
    const tdb = await h.db.forTenant(shop.id);
    await tdb.productVariant.update({ where: { id: shop.variants.mug }, data: { stock: 1_000 } });
  }
});
afterAll(() => h?.close());

const order = (shop: TestShop, quantity = 1) => placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity }], { pickup: true });
let payments = 0;
const pay = (shop: TestShop, placed: { orderId: string; total: number }) =>
  markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: `pi_stats_${++payments}`, amount: placed.total });

/** What the orders themselves say (the owner's view, a full scan: only the test does this). */
async function fromOrders(tenantId: string) {
  const [row] = await h.owner.$queryRaw<{ placed: number; paid: number; net: number; refunded: number; cancelled: number }[]>`
    SELECT count(*)::int AS placed,
      count(*) FILTER (WHERE paid_at IS NOT NULL AND status <> 'CANCELLED')::int AS paid,
      coalesce(sum(total_amount - refunded_amount) FILTER (WHERE paid_at IS NOT NULL AND status <> 'CANCELLED'), 0)::int AS net,
      coalesce(sum(refunded_amount) FILTER (WHERE paid_at IS NOT NULL AND status <> 'CANCELLED'), 0)::int AS refunded,
      count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled
    FROM orders WHERE tenant_id = ${tenantId}`;
  return row!;
}

async function fromStats(tenantId: string) {
  const [row] = await h.owner.$queryRaw<{ placed: number; paid: number; net: number; refunded: number; cancelled: number }[]>`
    SELECT coalesce(sum(orders_placed), 0)::int AS placed, coalesce(sum(paid_orders), 0)::int AS paid, coalesce(sum(paid_total_minor), 0)::int AS net,
      coalesce(sum(refunded_minor), 0)::int AS refunded, coalesce(sum(cancelled_orders), 0)::int AS cancelled
    FROM tenant_daily_stats WHERE tenant_id = ${tenantId} AND currency <> 'XXX'`;
  return row!;
}

describe('tenant_daily_stats, kept by the orders trigger', () => {
  it('equals the orders after placing, paying, refunding in part and in full, and cancelling', async () => {
    const a = await order(one, 2);
    const b = await order(one, 3);
    const c = await order(one, 1);
    const d = await order(one, 1);
    expect(await fromStats(one.id)).toEqual(await fromOrders(one.id));
    expect((await fromStats(one.id)).paid).toBe(0);

    await pay(one, a);
    await pay(one, b);
    await pay(one, c);
    expect(await fromStats(one.id)).toEqual({ placed: 4, paid: 3, net: a.total + b.total + c.total, refunded: 0, cancelled: 0 });

    await recordRefund(h.db, one.id, b.orderId, { refundId: 're_stats_1', amount: 1_000 });
    expect(await fromStats(one.id)).toMatchObject({ paid: 3, net: a.total + b.total + c.total - 1_000, refunded: 1_000 });
    await recordRefund(h.db, one.id, b.orderId, { refundId: 're_stats_2', amount: b.total - 1_000 });
    expect(await fromStats(one.id)).toEqual(await fromOrders(one.id));

    // Cancelled unpaid, and cancelled after payment: neither counts as paid any more.
    const admin = one.admin();
    await admin.orders.cancel({ id: d.orderId, reason: 'Buyer asked' });
    await admin.orders.cancel({ id: c.orderId });
    const now = await fromStats(one.id);
    expect(now).toEqual(await fromOrders(one.id));
    expect(now).toMatchObject({ placed: 4, paid: 2, net: a.total, cancelled: 2 });

    // A repeated notice changes nothing.
    await pay(one, { orderId: a.orderId, total: a.total }).catch(() => undefined);
    await recordRefund(h.db, one.id, b.orderId, { refundId: 're_stats_2', amount: b.total - 1_000 });
    expect(await fromStats(one.id)).toEqual(await fromOrders(one.id));
  });

  it('counts products created', async () => {
    const [row] = await h.owner.$queryRaw<{ n: number }[]>`SELECT sum(new_products)::int AS n FROM tenant_daily_stats WHERE tenant_id = ${one.id} AND currency = 'XXX'`;
    expect(row!.n).toBe(2);
  });
});

describe('platformStats.overview', () => {
  it('adds every store up per currency, with stores by status and plan and sign-ups per day', async () => {
    const paidTwo = await order(two, 5);
    await pay(two, paidTwo);
    const stats = await h.caller(operator).platformStats.overview({ days: 30 });
    const [oneOrders, twoOrders] = [await fromOrders(one.id), await fromOrders(two.id)];
    expect(stats.currencies.map((c) => c.currency)).toEqual(['BRL']);
    const brl = stats.currencies[0]!;
    expect(brl).toMatchObject({
      paidOrders: oneOrders.paid + twoOrders.paid,
      paidMinor: oneOrders.net + twoOrders.net,
      refundedMinor: oneOrders.refunded + twoOrders.refunded,
      ordersPlaced: oneOrders.placed + twoOrders.placed,
      cancelledOrders: 2,
    });
    expect(brl.days).toHaveLength(30);
    expect(brl.days.at(-1)).toMatchObject({ paidOrders: oneOrders.paid + twoOrders.paid, paidMinor: oneOrders.net + twoOrders.net });
    expect(brl.topStores.map((s) => [s.slug, s.paidMinor])).toEqual([
      ['stats-two', twoOrders.net],
      ['stats-one', oneOrders.net],
    ].sort((x, y) => (y[1] as number) - (x[1] as number)));
    expect(stats.tenantsTotal).toBe(2);
    expect(stats.tenantsByPlan).toEqual([{ planCode: 'free', planName: 'Free', count: 2 }]);
    expect(stats.tenantsByStatus.reduce((n, s) => n + s.count, 0)).toBe(2);
    expect(stats.signups.at(-1)).toEqual({ day: stats.until, count: 2 });
    expect(stats.newProducts).toBe(4);
  });

  it('is for platform staff only', async () => {
    await expectTRPCError(one.admin().platformStats.overview({ days: 30 }), 'FORBIDDEN');
    await expectTRPCError(h.caller(operator).platformStats.overview({ days: 2 }), 'BAD_REQUEST');
  });
});
