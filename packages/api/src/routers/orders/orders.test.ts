import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markOrderPaid } from '../../commerce/order-lifecycle.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { openShop, placeOrderFor, stockOf, type TestShop } from '../checkout/test-shop.ts';

let h: ApiHarness;
let shop: TestShop;

beforeAll(async () => {
  h = await createApiHarness('orders');
  shop = await openShop(h, 'orders-shop');
  await shop.admin().coupons.create({ code: 'FIVE', kind: 'FIXED', value: 500 });
  const tdb = await h.db.forTenant(shop.id);
  await tdb.productVariant.update({ where: { id: shop.variants.mug }, data: { stock: 500 } });
});
afterAll(() => h?.close());

async function paidOrder(options: { pickup?: boolean; email?: string; quantity?: number; coupon?: string } = {}) {
  const placed = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: options.quantity ?? 1 }], options);
  await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: `pi_${placed.orderId}`, amount: placed.total });
  return placed;
}

describe('orders: moving an order along', () => {
  it('ships a paid order with carrier and tracking number, then delivers it; each move audited and on the timeline', async () => {
    const placed = await paidOrder();
    const shipped = await shop.admin().orders.markShipped({ id: placed.orderId, carrier: 'Correios', trackingNumber: 'BR123456789' });
    expect(shipped).toMatchObject({ status: 'SHIPPED', carrier: 'Correios', trackingNumber: 'BR123456789', shippedAt: expect.any(Date) });
    const delivered = await shop.admin().orders.markDelivered({ id: placed.orderId });
    expect(delivered).toMatchObject({ status: 'DELIVERED', deliveredAt: expect.any(Date) });
    expect(delivered.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'CREATED'],
      ['paid', 'CREATED', 'PAID'],
      ['shipped', 'PAID', 'SHIPPED'],
      ['delivered', 'SHIPPED', 'DELIVERED'],
    ]);
    expect(delivered.events.find((e) => e.type === 'shipped')!.actorUserId).toBe(shop.owner.id);
    const audits = (await h.auditRows(shop.id)).filter((a) => a.targetId === placed.orderId);
    expect(audits.map((a) => a.action)).toEqual(['order.shipped', 'order.delivered']);
    expect(audits[0]).toMatchObject({ actorUserId: shop.owner.id, data: expect.objectContaining({ number: placed.number, from: 'PAID', to: 'SHIPPED', carrier: 'Correios' }) });

    const tracked = await shop.visitor().orderTracking.get({ token: placed.trackingToken });
    expect(tracked).toMatchObject({ status: 'DELIVERED', carrier: 'Correios', trackingNumber: 'BR123456789' });
    expect(tracked.timeline.map((t) => t.status)).toEqual(['CREATED', 'PAID', 'SHIPPED', 'DELIVERED']);
  });

  it('refuses moves the state machine does not allow, with a sentence, and changes nothing', async () => {
    const unpaid = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }]);
    await expectTRPCError(
      shop.admin().orders.markShipped({ id: unpaid.orderId, carrier: 'X', trackingNumber: '1' }),
      'CONFLICT',
      new RegExp(`^Order #${unpaid.number} is waiting for payment, so it cannot be marked shipped\\.$`),
    );
    const paid = await paidOrder();
    await expectTRPCError(shop.admin().orders.markDelivered({ id: paid.orderId }), 'CONFLICT', /is for delivery: mark it shipped before/);
    await shop.admin().orders.markShipped({ id: paid.orderId, carrier: 'X', trackingNumber: '1' });
    await expectTRPCError(shop.admin().orders.cancel({ id: paid.orderId }), 'CONFLICT', /has shipped already, so it cannot be cancelled/);
    expect((await shop.admin().orders.get({ id: paid.orderId })).status).toBe('SHIPPED');
    expect((await h.auditRows(shop.id, 'order.cancelled')).filter((a) => a.targetId === paid.orderId)).toEqual([]);
  });

  it('delivers a paid pickup order without shipping', async () => {
    const placed = await paidOrder({ pickup: true });
    expect((await shop.admin().orders.markDelivered({ id: placed.orderId })).status).toBe('DELIVERED');
  });

  it('cancels an order not shipped: stock and coupon use come back; a paid one is flagged for refund', async () => {
    const tdb = await h.db.forTenant(shop.id);
    const stock = await stockOf(h, shop, shop.variants.mug);
    const uses = (await tdb.coupon.findFirstOrThrow({ where: { code: 'FIVE' } })).usedCount;
    const placed = await paidOrder({ quantity: 3, coupon: 'FIVE' });
    expect(await stockOf(h, shop, shop.variants.mug)).toBe(stock - 3);
    const cancelled = await shop.admin().orders.cancel({ id: placed.orderId, reason: 'Buyer asked.' });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledAt: expect.any(Date) });
    expect(cancelled.events.at(-1)).toMatchObject({ type: 'cancelled', note: 'Buyer asked. The payment still needs to be refunded.' });
    expect(await stockOf(h, shop, shop.variants.mug)).toBe(stock);
    expect((await tdb.coupon.findFirstOrThrow({ where: { code: 'FIVE' } })).usedCount).toBe(uses);
    expect(await tdb.couponRedemption.count({ where: { orderId: placed.orderId } })).toBe(0);
    expect(await h.auditRows(shop.id, 'order.cancelled')).toEqual([expect.objectContaining({ targetId: placed.orderId, data: expect.objectContaining({ reason: 'Buyer asked.' }) })]);
    // Cancelling twice is refused and gives nothing back twice.
    await expectTRPCError(shop.admin().orders.cancel({ id: placed.orderId }), 'CONFLICT', /was cancelled/);
    expect(await stockOf(h, shop, shop.variants.mug)).toBe(stock);
  });

  it('answers an unknown order NOT_FOUND', async () => {
    await expectTRPCError(shop.admin().orders.get({ id: 'nope' }), 'NOT_FOUND', /does not exist in this store/);
    await expectTRPCError(shop.admin().orders.cancel({ id: 'nope' }), 'NOT_FOUND');
  });
});

describe('orders.list', () => {
  let listShop: TestShop;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    listShop = await openShop(h, 'orders-list');
    const tdb = await h.db.forTenant(listShop.id);
    await tdb.productVariant.update({ where: { id: listShop.variants.mug }, data: { stock: 500 } });
    for (const [key, email, quantity] of [['ana', 'ana@example.test', 1], ['ben', 'ben@example.test', 5], ['cai', 'cai@shop.test', 9]] as const) {
      const placed = await placeOrderFor(listShop, [{ variantId: listShop.variants.mug, quantity }], { email, pickup: true });
      ids[key] = placed.orderId;
    }
    const ben = await tdb.order.findUniqueOrThrow({ where: { id: ids.ben! } });
    await markOrderPaid(h.db, listShop.id, ids.ben!, { paymentIntentId: 'pi_ben', amount: ben.totalAmount });
    await tdb.order.update({ where: { id: ids.ana! }, data: { createdAt: new Date('2026-01-10T10:00:00Z') } });
  });

  const list = (input: Parameters<ReturnType<TestShop['admin']>['orders']['list']>[0]) => listShop.admin().orders.list(input);

  it('lists newest first with item counts', async () => {
    const page = await list({});
    expect(page.items.map((o) => o.buyerEmail)).toEqual(['cai@shop.test', 'ben@example.test', 'ana@example.test']);
    expect(page.items[0]).toMatchObject({ itemCount: 1, totalAmount: 18_000, status: 'CREATED', currency: 'BRL' });
    expect(page.nextCursor).toBeNull();
  });

  it.each([
    ['status', { status: 'PAID' as const }, ['ben']],
    ['buyer email part, any case', { buyer: 'EXAMPLE' }, ['ben', 'ana']],
    ['buyer name part', { buyer: 'bia' }, ['cai', 'ben', 'ana']],
    ['order number', { buyer: '#1002' }, ['ben']],
    ['total range', { totalMin: 5_000, totalMax: 10_000 }, ['ben']],
    ['date range', { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') }, ['ana']],
  ])('filters by %s', async (_name, filter, expected) => {
    expect((await list(filter)).items.map((o) => o.id)).toEqual(expected.map((k) => ids[k]));
  });

  it('pages with a cursor', async () => {
    const first = await list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((o) => o.id)).toEqual([ids.ana]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses contradictory filters with a sentence', async () => {
    await expectTRPCError(list({ totalMin: 10, totalMax: 5 }), 'BAD_REQUEST', /lowest total/);
    await expectTRPCError(list({ cursor: 'garbage' }), 'BAD_REQUEST', /page link is not valid/);
  });
});

describe('orders.packingSlip', () => {
  it('gives the store, the order number and date, the ship-to address and what to pack, and no prices', async () => {
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 2 }, { variantId: shop.variants.teeM, quantity: 1 }]);
    const slip = await shop.admin().orders.packingSlip({ id: placed.orderId });
    expect(slip).toEqual({
      store: { name: 'Store orders-shop', logoUrl: null },
      number: placed.number,
      placedAt: expect.any(Date),
      buyerName: 'Bia Buyer',
      shippingMethodName: 'Standard',
      pickup: false,
      shipTo: { line1: 'Rua Augusta 100', line2: null, city: 'São Paulo', region: 'SP', postalCode: '01304-000', country: 'BR' },
      items: [
        { title: 'Mug', variantLabel: '', sku: 'ORDERS-SHOP-MUG', quantity: 2 },
        { title: 'Tee', variantLabel: 'M', sku: 'ORDERS-SHOP-TEE-M', quantity: 1 },
      ],
    });
    expect(JSON.stringify(slip)).not.toMatch(/amount|price|total/i);
  });

  it('marks a pickup order as such', async () => {
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { pickup: true });
    expect(await shop.admin().orders.packingSlip({ id: placed.orderId })).toMatchObject({ pickup: true, shippingMethodName: 'Shop counter' });
  });
});

describe('who may see and move orders', () => {
  it('refuses a STAFF member without the orders permission, and lets one with it through', async () => {
    const placed = await paidOrder();
    const clerk = await h.createUser('clerk');
    await h.addMember(shop.id, clerk, 'STAFF', ['catalog']);
    const asClerk = h.caller(clerk, { tenantId: shop.id });
    await expectTRPCError(asClerk.orders.list({}), 'FORBIDDEN', /does not allow this \(orders:read\)/);
    await expectTRPCError(asClerk.orders.get({ id: placed.orderId }), 'FORBIDDEN');
    await expectTRPCError(asClerk.orders.markShipped({ id: placed.orderId, carrier: 'X', trackingNumber: '1' }), 'FORBIDDEN', /orders:write/);
    await expectTRPCError(asClerk.orders.cancel({ id: placed.orderId }), 'FORBIDDEN');
    await expectTRPCError(asClerk.orders.packingSlip({ id: placed.orderId }), 'FORBIDDEN', /orders:read/);
    await expectTRPCError(asClerk.taxRules.list(), 'FORBIDDEN', /settings:read/);

    const packer = await h.createUser('packer');
    await h.addMember(shop.id, packer, 'STAFF', ['orders']);
    const asPacker = h.caller(packer, { tenantId: shop.id });
    expect((await asPacker.orders.markShipped({ id: placed.orderId, carrier: 'Correios', trackingNumber: 'P1' })).status).toBe('SHIPPED');
    await expectTRPCError(asPacker.coupons.list(), 'FORBIDDEN', /catalog:read/);
    expect(await asClerk.coupons.list()).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'FIVE' })]));
  });

  it('refuses a visitor who is not signed in', async () => {
    await expectTRPCError(h.caller(null, { tenantId: shop.id }).orders.list({}), 'UNAUTHORIZED');
  });
});
