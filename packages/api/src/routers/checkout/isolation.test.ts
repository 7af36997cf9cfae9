import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { ADDRESS, cartToken, openShop, placeOrderFor, type TestShop } from './test-shop.ts';

/**
 * A buyer on store A's host reaches only store A's carts and orders: store B's cart token, tracking token, variant
 * or order link on A's host finds nothing of B and changes nothing in B.
 */
let h: ApiHarness;
let a: TestShop;
let b: TestShop;

beforeAll(async () => {
  h = await createApiHarness('buyer_isolation');
  a = await openShop(h, 'iso-buyer-a');
  b = await openShop(h, 'iso-buyer-b');
});
afterAll(() => h?.close());

describe("a buyer of store A and store B's carts and orders", () => {
  it("B's cart token on A's host is an empty cart of A: B's lines, coupon and totals never show, and B's cart is untouched", async () => {
    const token = cartToken();
    await b.visitor().cart.add({ cartToken: token, variantId: b.variants.mug, quantity: 2 });
    await b.admin().coupons.create({ code: 'BONLY', kind: 'FIXED', value: 100 });
    await b.visitor().cart.applyCoupon({ cartToken: token, code: 'BONLY' });

    expect(await a.visitor().cart.get({ cartToken: token })).toMatchObject({ items: [], itemCount: 0, coupon: null });
    await expectTRPCError(a.visitor().cart.updateQuantity({ cartToken: token, variantId: b.variants.mug, quantity: 5 }), 'NOT_FOUND');
    await expectTRPCError(a.visitor().cart.remove({ cartToken: token, variantId: b.variants.mug }), 'NOT_FOUND');
    await expectTRPCError(a.visitor().cart.quote({ cartToken: token, address: ADDRESS, shippingOptionId: 'pickup' }), 'BAD_REQUEST', /cart is empty/);
    await expectTRPCError(
      a.visitor().checkout.placeOrder({ cartToken: token, email: 'x@example.test', name: 'X', address: ADDRESS, shippingOptionId: 'pickup' }),
      'BAD_REQUEST',
      /cart is empty/,
    );
    // B's variant cannot be put in a cart on A's host, nor B's coupon.
    await expectTRPCError(a.visitor().cart.add({ cartToken: token, variantId: b.variants.teeM }), 'NOT_FOUND', /not available in this store/);
    await a.visitor().cart.add({ cartToken: token, variantId: a.variants.mug });
    await expectTRPCError(a.visitor().cart.applyCoupon({ cartToken: token, code: 'BONLY' }), 'BAD_REQUEST', /does not exist in this store/);

    expect(await b.visitor().cart.get({ cartToken: token })).toMatchObject({ itemCount: 2, coupon: { code: 'BONLY' } });
    expect((await a.visitor().cart.get({ cartToken: token })).items.map((i) => i.variantId)).toEqual([a.variants.mug]);
  });

  it("B's order link on A's host finds nothing: tracking, confirmation and payment", async () => {
    const placed = await placeOrderFor(b, [{ variantId: b.variants.mug, quantity: 1 }], { pickup: true });
    await expectTRPCError(a.visitor().orderTracking.get({ token: placed.trackingToken }), 'NOT_FOUND');
    await expectTRPCError(a.visitor().checkout.confirmation({ token: placed.trackingToken }), 'NOT_FOUND');
    await expectTRPCError(a.visitor().checkout.pay({ token: placed.trackingToken }), 'NOT_FOUND');
    expect((await b.visitor().orderTracking.get({ token: placed.trackingToken })).number).toBe(placed.number);
  });

  it("an order's id is never an order link: the tracking and confirmation look up tokens only", async () => {
    const placed = await placeOrderFor(a, [{ variantId: a.variants.mug, quantity: 1 }], { pickup: true });
    await expectTRPCError(a.visitor().orderTracking.get({ token: placed.orderId }), 'BAD_REQUEST');
    await expectTRPCError(a.visitor().checkout.confirmation({ token: placed.orderId.padEnd(43, 'x') }), 'NOT_FOUND');
  });
});
