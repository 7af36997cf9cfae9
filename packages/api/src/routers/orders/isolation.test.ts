import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireUnpaidOrder, markOrderPaid, OrderNotFoundError, recordRefund } from '../../commerce/order-lifecycle.ts';
import { createApiHarness, type ApiHarness, type Caller } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { ADDRESS, cartToken, openShop, placeOrderFor, type TestShop } from '../checkout/test-shop.ts';

/**
 * Store A's buyers and admins can neither read nor change store B's carts, orders, coupons and tax rules: not by
 * id, not by cart or tracking token, not through A's host, not by switching the admin to B.
 */
let h: ApiHarness;
let a: TestShop;
let b: TestShop;
let bCartToken: string;
let bOrder: Awaited<ReturnType<typeof placeOrderFor>>;
let bCouponId: string;
let bTaxRuleId: string;

async function storeBRows() {
  const tdb = await h.db.forTenant(b.id);
  return {
    carts: await tdb.cart.findMany({ include: { items: true }, orderBy: { id: 'asc' } }),
    orders: await tdb.order.findMany({ include: { items: true, events: true, refunds: true }, orderBy: { id: 'asc' } }),
    coupons: await tdb.coupon.findMany({ orderBy: { id: 'asc' } }),
    taxRules: await tdb.taxRule.findMany({ orderBy: { id: 'asc' } }),
    stock: await tdb.productVariant.findMany({ select: { id: true, stock: true }, orderBy: { id: 'asc' } }),
  };
}

beforeAll(async () => {
  h = await createApiHarness('commerce_isolation');
  a = await openShop(h, 'iso-a');
  b = await openShop(h, 'iso-b');
  bCouponId = (await b.admin().coupons.create({ code: 'BONLY', kind: 'PERCENT', value: 5_000 })).id;
  bTaxRuleId = (await b.admin().taxRules.upsert({ name: 'B tax', country: 'BR', rateBasisPoints: 100 })).id;
  bOrder = await placeOrderFor(b, [{ variantId: b.variants.mug, quantity: 1 }], { pickup: true });
  // Paid, so a refund would be possible if A could reach it.
  await markOrderPaid(h.db, b.id, bOrder.orderId, { paymentIntentId: 'pi_b_paid', amount: bOrder.total });
  bCartToken = cartToken();
  await b.visitor().cart.add({ cartToken: bCartToken, variantId: b.variants.teeM });
  await b.visitor().cart.applyCoupon({ cartToken: bCartToken, code: 'BONLY' });
});
afterAll(() => h?.close());

describe("a buyer on store A's host", () => {
  it("sees no cart for store B's cart token, and changing it there touches nothing of B", async () => {
    const before = await storeBRows();
    const buyer = a.visitor();
    expect(await buyer.cart.get({ cartToken: bCartToken })).toMatchObject({ items: [], coupon: null });
    await expectTRPCError(buyer.cart.updateQuantity({ cartToken: bCartToken, variantId: b.variants.teeM, quantity: 1 }), 'NOT_FOUND');
    await expectTRPCError(buyer.cart.remove({ cartToken: bCartToken, variantId: b.variants.teeM }), 'NOT_FOUND');
    await expectTRPCError(buyer.cart.applyCoupon({ cartToken: bCartToken, code: 'BONLY' }), 'BAD_REQUEST');
    await buyer.cart.removeCoupon({ cartToken: bCartToken });
    await expectTRPCError(
      buyer.checkout.placeOrder({ cartToken: bCartToken, email: 'x@example.test', name: 'X', address: ADDRESS, shippingOptionId: 'pickup' }),
      'BAD_REQUEST',
      /cart is empty/,
    );
    expect(await storeBRows()).toEqual(before);
    expect((await b.visitor().cart.get({ cartToken: bCartToken })).coupon).toMatchObject({ code: 'BONLY' });
  });

  it("cannot put store B's variants in a cart, nor use B's coupon code or shipping rate", async () => {
    const token = cartToken();
    const buyer = a.visitor();
    await expectTRPCError(buyer.cart.add({ cartToken: token, variantId: b.variants.teeM }), 'NOT_FOUND', /not available in this store/);
    await buyer.cart.add({ cartToken: token, variantId: a.variants.mug });
    await expectTRPCError(buyer.cart.applyCoupon({ cartToken: token, code: 'BONLY' }), 'BAD_REQUEST', /does not exist in this store/);
    await expectTRPCError(buyer.cart.quote({ cartToken: token, address: ADDRESS, shippingOptionId: b.standardRateId }), 'BAD_REQUEST', /Choose one of the shipping options/);
    // B's tax rule for BR does not tax A's order.
    expect((await buyer.cart.quote({ cartToken: token, address: ADDRESS, shippingOptionId: 'pickup' })).tax).toBe(0);
  });

  it("cannot track store B's order with its token", async () => {
    await expectTRPCError(a.visitor().orderTracking.get({ token: bOrder.trackingToken }), 'NOT_FOUND');
    expect((await b.visitor().orderTracking.get({ token: bOrder.trackingToken })).number).toBe(bOrder.number);
  });
});

describe("store A's admin", () => {
  const byId: [string, (c: Caller) => Promise<unknown>][] = [
    ['orders.get', (c) => c.orders.get({ id: bOrder.orderId })],
    ['orders.markShipped', (c) => c.orders.markShipped({ id: bOrder.orderId, carrier: 'X', trackingNumber: '1' })],
    ['orders.markDelivered', (c) => c.orders.markDelivered({ id: bOrder.orderId })],
    ['orders.cancel', (c) => c.orders.cancel({ id: bOrder.orderId })],
    ['orders.refund', (c) => c.orders.refund({ id: bOrder.orderId, amount: 1 })],
    ['orders.packingSlip', (c) => c.orders.packingSlip({ id: bOrder.orderId })],
    ['coupons.update', (c) => c.coupons.update({ id: bCouponId, value: 100 })],
    ['coupons.deactivate', (c) => c.coupons.deactivate({ id: bCouponId })],
    ['taxRules.upsert', (c) => c.taxRules.upsert({ id: bTaxRuleId, name: 'Taken', country: 'BR', rateBasisPoints: 1 })],
    ['taxRules.delete', (c) => c.taxRules.delete({ id: bTaxRuleId })],
  ];

  it.each(byId)("gets NOT_FOUND for %s with store B's id, and B is unchanged", async (_name, call) => {
    const before = await storeBRows();
    await expectTRPCError(call(a.admin()), 'NOT_FOUND');
    expect(await storeBRows()).toEqual(before);
  });

  it("lists only store A's orders, coupons and tax rules", async () => {
    await placeOrderFor(a, [{ variantId: a.variants.mug, quantity: 1 }], { pickup: true });
    const orders = await a.admin().orders.list({});
    expect(orders.items.length).toBeGreaterThan(0);
    expect(orders.items.map((o) => o.id)).not.toContain(bOrder.orderId);
    expect((await a.admin().orders.list({ buyer: `#${bOrder.number}` })).items.every((o) => o.id !== bOrder.orderId)).toBe(true);
    expect((await a.admin().coupons.list()).map((c) => c.id)).not.toContain(bCouponId);
    expect((await a.admin().taxRules.list()).map((r) => r.id)).not.toContain(bTaxRuleId);
  });

  const switched: [string, (c: Caller) => Promise<unknown>][] = [
    ['orders.list', (c) => c.orders.list({})],
    ['orders.get', (c) => c.orders.get({ id: bOrder.orderId })],
    ['orders.cancel', (c) => c.orders.cancel({ id: bOrder.orderId })],
    ['orders.refund', (c) => c.orders.refund({ id: bOrder.orderId })],
    ['orders.packingSlip', (c) => c.orders.packingSlip({ id: bOrder.orderId })],
    ['coupons.list', (c) => c.coupons.list()],
    ['coupons.create', (c) => c.coupons.create({ code: 'SNEAKY', kind: 'FIXED', value: 1 })],
    ['taxRules.list', (c) => c.taxRules.list()],
    ['taxRules.upsert', (c) => c.taxRules.upsert({ name: 'Sneaky', country: 'AR', rateBasisPoints: 1 })],
  ];

  it.each(switched)('is FORBIDDEN from %s after switching the active store to B', async (_name, call) => {
    const before = await storeBRows();
    await expectTRPCError(call(h.caller(a.owner, { tenantId: b.id })), 'FORBIDDEN', /do not have access/);
    expect(await storeBRows()).toEqual(before);
  });
});

describe('payment notices', () => {
  it("addressed to store A never reach store B's order", async () => {
    const before = await storeBRows();
    await expect(markOrderPaid(h.db, a.id, bOrder.orderId, { paymentIntentId: 'pi_x', amount: bOrder.total })).rejects.toBeInstanceOf(OrderNotFoundError);
    await expect(recordRefund(h.db, a.id, bOrder.orderId, { refundId: 're_x', amount: 1 })).rejects.toBeInstanceOf(OrderNotFoundError);
    await expect(expireUnpaidOrder(h.db, a.id, bOrder.orderId)).rejects.toBeInstanceOf(OrderNotFoundError);
    expect(await storeBRows()).toEqual(before);
  });
});
