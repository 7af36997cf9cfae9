import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../test-support/harness.ts';
import { openShop, placeOrderFor, stockOf, type TestShop } from '../routers/checkout/test-shop.ts';
import { expireUnpaidOrder, markOrderPaid, OrderNotFoundError, recordRefund } from './order-lifecycle.ts';

/** The payment notices a webhook handler passes on: each safe to repeat and to arrive out of order. */
let h: ApiHarness;
let shop: TestShop;

beforeAll(async () => {
  h = await createApiHarness('order_lifecycle');
  shop = await openShop(h, 'lifecycle-shop');
  await shop.admin().coupons.create({ code: 'FIVE', kind: 'FIXED', value: 500, maxUses: 10 });
  const tdb = await h.db.forTenant(shop.id);
  await tdb.productVariant.update({ where: { id: shop.variants.mug }, data: { stock: 1_000 } });
});
afterAll(() => h?.close());

async function newOrder(options: { coupon?: string } = {}) {
  return placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 2 }], { pickup: true, ...options });
}

async function snapshot(orderId: string) {
  const tdb = await h.db.forTenant(shop.id);
  const order = await tdb.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: { orderBy: { createdAt: 'asc' } }, refunds: true, redemptions: true } });
  const coupon = await tdb.coupon.findFirstOrThrow({ where: { code: 'FIVE' } });
  return { order, stock: await stockOf(h, shop, shop.variants.mug), couponUses: coupon.usedCount };
}

describe('markOrderPaid', () => {
  it('marks a CREATED order PAID once; the same payment again changes nothing', async () => {
    const placed = await newOrder();
    const first = await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_1', amount: placed.total, checkoutSessionId: 'cs_1' });
    expect(first).toMatchObject({ changed: true, order: { status: 'PAID', number: placed.number } });
    const after = await snapshot(placed.orderId);
    expect(after.order).toMatchObject({ paymentIntentId: 'pi_1', checkoutSessionId: 'cs_1', paidAt: expect.any(Date) });

    const again = await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_1', amount: placed.total });
    expect(again.changed).toBe(false);
    expect(await snapshot(placed.orderId)).toEqual(after);
    expect(after.order.events.map((e) => e.type)).toEqual(['created', 'paid']);
  });

  it('records two simultaneous deliveries of one payment once', async () => {
    const placed = await newOrder();
    const results = await Promise.all([1, 2, 3].map(() => markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_dup', amount: placed.total })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect((await snapshot(placed.orderId)).order.events.filter((e) => e.type === 'paid')).toHaveLength(1);
  });

  it('leaves the order unpaid when the amount differs, and says so once', async () => {
    const placed = await newOrder();
    expect((await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_short', amount: placed.total - 1 })).changed).toBe(true);
    expect((await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_short', amount: placed.total - 1 })).changed).toBe(false);
    const { order } = await snapshot(placed.orderId);
    expect(order.status).toBe('CREATED');
    expect(order.events.filter((e) => e.type === 'payment_mismatch')).toEqual([expect.objectContaining({ note: expect.stringMatching(/order stays unpaid/) })]);
  });

  it('notes a second, different payment of a paid order for a refund', async () => {
    const placed = await newOrder();
    await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_a', amount: placed.total });
    expect((await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_b', amount: placed.total })).changed).toBe(true);
    const { order } = await snapshot(placed.orderId);
    expect(order).toMatchObject({ status: 'PAID', paymentIntentId: 'pi_a' });
    expect(order.events.map((e) => e.type)).toEqual(['created', 'paid', 'duplicate_payment']);
  });

  it('throws OrderNotFoundError for an order of another store', async () => {
    const other = await openShop(h, 'lifecycle-other');
    const placed = await newOrder();
    await expect(markOrderPaid(h.db, other.id, placed.orderId, { paymentIntentId: 'pi_x', amount: 1 })).rejects.toBeInstanceOf(OrderNotFoundError);
    expect((await snapshot(placed.orderId)).order.status).toBe('CREATED');
  });
});

describe('expireUnpaidOrder', () => {
  it('cancels an unpaid order once: stock and coupon use come back one time only', async () => {
    const before = await snapshot((await newOrder()).orderId);
    const placed = await newOrder({ coupon: 'FIVE' });
    const held = await snapshot(placed.orderId);
    expect(held.stock).toBe(before.stock - 2);
    expect(held.couponUses).toBe(before.couponUses + 1);

    expect((await expireUnpaidOrder(h.db, shop.id, placed.orderId)).order.status).toBe('CANCELLED');
    const expired = await snapshot(placed.orderId);
    expect(expired.stock).toBe(before.stock);
    expect(expired.couponUses).toBe(before.couponUses);
    expect(expired.order.redemptions).toEqual([]);
    expect(expired.order.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'CREATED'],
      ['expired', 'CREATED', 'CANCELLED'],
    ]);

    expect((await expireUnpaidOrder(h.db, shop.id, placed.orderId)).changed).toBe(false);
    expect(await snapshot(placed.orderId)).toEqual(expired);
  });

  it('never expires a paid order (expiry heard after the payment)', async () => {
    const placed = await newOrder({ coupon: 'FIVE' });
    await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_paid_first', amount: placed.total });
    const paid = await snapshot(placed.orderId);
    expect((await expireUnpaidOrder(h.db, shop.id, placed.orderId)).changed).toBe(false);
    expect(await snapshot(placed.orderId)).toEqual(paid);
  });

  it('a payment heard after the expiry keeps the order cancelled and asks for a refund, once', async () => {
    const placed = await newOrder();
    await expireUnpaidOrder(h.db, shop.id, placed.orderId);
    const cancelled = await snapshot(placed.orderId);
    const late = await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_late', amount: placed.total });
    expect(late).toMatchObject({ changed: true, order: { status: 'CANCELLED', paidAt: expect.any(Date) } });
    const noted = await snapshot(placed.orderId);
    expect(noted.stock).toBe(cancelled.stock);
    expect(noted.order.events.at(-1)).toMatchObject({ type: 'payment_after_cancel', note: expect.stringMatching(/refund it/) });
    expect((await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_late', amount: placed.total })).changed).toBe(false);
    expect(await snapshot(placed.orderId)).toEqual(noted);
  });
});

describe('recordRefund', () => {
  it('counts each refund once; PARTIAL then FULL; the status stays', async () => {
    const placed = await newOrder();
    await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_r', amount: placed.total });
    const part = await recordRefund(h.db, shop.id, placed.orderId, { refundId: 're_1', amount: 1_000 });
    expect(part).toMatchObject({ changed: true, order: { status: 'PAID', refundStatus: 'PARTIAL', refundedAmount: 1_000 } });
    const once = await snapshot(placed.orderId);
    expect((await recordRefund(h.db, shop.id, placed.orderId, { refundId: 're_1', amount: 1_000 })).changed).toBe(false);
    expect(await snapshot(placed.orderId)).toEqual(once);
    const rest = await recordRefund(h.db, shop.id, placed.orderId, { refundId: 're_2', amount: placed.total - 1_000 });
    expect(rest.order).toMatchObject({ refundStatus: 'FULL', refundedAmount: placed.total, status: 'PAID' });
    expect((await snapshot(placed.orderId)).order.refunds.map((r) => r.providerRefundId).sort()).toEqual(['re_1', 're_2']);
  });

  it('ends in the same state whichever order refund and payment arrive in', async () => {
    const a = await newOrder();
    const b = await newOrder();
    await markOrderPaid(h.db, shop.id, a.orderId, { paymentIntentId: 'pi_ab1', amount: a.total });
    await recordRefund(h.db, shop.id, a.orderId, { refundId: 're_ab1', amount: 700 });
    await recordRefund(h.db, shop.id, b.orderId, { refundId: 're_ab2', amount: 700 });
    await markOrderPaid(h.db, shop.id, b.orderId, { paymentIntentId: 'pi_ab2', amount: b.total });
    // And each again, out of order.
    await recordRefund(h.db, shop.id, b.orderId, { refundId: 're_ab2', amount: 700 });
    await markOrderPaid(h.db, shop.id, a.orderId, { paymentIntentId: 'pi_ab1', amount: a.total });
    const pick = (s: Awaited<ReturnType<typeof snapshot>>) => ({
      status: s.order.status,
      refundStatus: s.order.refundStatus,
      refundedAmount: s.order.refundedAmount,
      events: s.order.events.map((e) => e.type).sort(),
    });
    expect(pick(await snapshot(a.orderId))).toEqual({ status: 'PAID', refundStatus: 'PARTIAL', refundedAmount: 700, events: ['created', 'paid', 'refund'] });
    expect(pick(await snapshot(b.orderId))).toEqual(pick(await snapshot(a.orderId)));
  });

  it('refuses a refund amount that is not a positive whole number', async () => {
    const placed = await newOrder();
    await expect(recordRefund(h.db, shop.id, placed.orderId, { refundId: 're_bad', amount: 0 })).rejects.toThrow(/positive whole number/);
  });
});
