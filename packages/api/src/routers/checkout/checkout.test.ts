import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { ADDRESS, cartToken, openShop, placeOrderFor, stockOf, type TestShop } from './test-shop.ts';

let h: ApiHarness;
let shop: TestShop;

beforeAll(async () => {
  h = await createApiHarness('checkout');
  shop = await openShop(h, 'checkout-shop');
  await shop.admin().coupons.create({ code: 'TEN', kind: 'PERCENT', value: 1_000 });
  await shop.admin().coupons.create({ code: 'ONCE', kind: 'FIXED', value: 500, maxUsesPerBuyer: 1 });
  await shop.admin().taxRules.upsert({ name: 'ICMS SP', country: 'BR', region: 'SP', rateBasisPoints: 1_000 });
});
afterAll(() => h?.close());

async function orderRow(id: string) {
  const tdb = await h.db.forTenant(shop.id);
  return tdb.order.findUniqueOrThrow({ where: { id }, include: { items: true, events: true, redemptions: true } });
}

describe('checkout.placeOrder', () => {
  it('places the order from the cart: totals on the server, stock taken, coupon counted, cart emptied', async () => {
    const stockBefore = await stockOf(h, shop, shop.variants.teeM);
    const token = cartToken();
    const buyer = shop.visitor();
    await buyer.cart.add({ cartToken: token, variantId: shop.variants.teeM, quantity: 2 });
    await buyer.cart.add({ cartToken: token, variantId: shop.variants.mug });
    await buyer.cart.applyCoupon({ cartToken: token, code: 'ten' });
    const placed = await buyer.checkout.placeOrder({
      cartToken: token,
      email: ' Bia@Example.TEST ',
      name: 'Bia',
      address: ADDRESS,
      shippingOptionId: shop.standardRateId,
      locale: 'en',
    });
    // 120.00 − 12.00 = 108.00; 10 % tax = 10.80; shipping 15.00.
    expect(placed).toMatchObject({ number: 1001, total: 13_380, currency: 'BRL' });
    expect(placed.trackingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const order = await orderRow(placed.orderId);
    expect(order).toMatchObject({
      status: 'CREATED',
      buyerEmail: 'bia@example.test',
      subtotalAmount: 12_000,
      discountAmount: 1_200,
      shippingAmount: 1_500,
      shippingMethod: shop.standardRateId,
      shippingMethodName: 'Standard',
      taxAmount: 1_080,
      totalAmount: 13_380,
      couponCode: 'TEN',
      locale: 'en',
      shippingAddress: ADDRESS,
    });
    expect(order.items.map((i) => [i.title, i.variantLabel, i.quantity, i.unitPriceAmount, i.lineTotalAmount])).toEqual(
      expect.arrayContaining([
        ['Tee', 'M', 2, 5_000, 10_000],
        ['Mug', '', 1, 2_000, 2_000],
      ]),
    );
    expect(order.events.map((e) => [e.type, e.toStatus])).toEqual([['created', 'CREATED']]);
    expect(order.redemptions).toEqual([expect.objectContaining({ buyerEmail: 'bia@example.test' })]);
    expect(await stockOf(h, shop, shop.variants.teeM)).toBe(stockBefore - 2);
    const tdb = await h.db.forTenant(shop.id);
    expect((await tdb.coupon.findFirstOrThrow({ where: { code: 'TEN' } })).usedCount).toBe(1);
    expect(await buyer.cart.get({ cartToken: token })).toMatchObject({ items: [], coupon: null });
    // The emptied cart cannot be ordered twice.
    await expectTRPCError(
      buyer.checkout.placeOrder({ cartToken: token, email: 'bia@example.test', name: 'Bia', address: ADDRESS, shippingOptionId: shop.standardRateId }),
      'BAD_REQUEST',
      /cart is empty/,
    );
  });

  it('numbers orders one after the other per store', async () => {
    const first = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { pickup: true });
    const second = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { pickup: true });
    expect(second.number).toBe(first.number + 1);
  });

  it('re-validates stock: a cart holding more than is left now is refused and nothing changes', async () => {
    const token = cartToken();
    await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug, quantity: 3 });
    const tdb = await h.db.forTenant(shop.id);
    const before = await stockOf(h, shop, shop.variants.mug);
    await tdb.productVariant.update({ where: { id: shop.variants.mug }, data: { stock: 2 } });
    await expectTRPCError(
      shop.visitor().checkout.placeOrder({ cartToken: token, email: 'c@example.test', name: 'C', address: ADDRESS, shippingOptionId: 'pickup' }),
      'CONFLICT',
      /^Only 2 left of “Mug”\.$/,
    );
    expect(await stockOf(h, shop, shop.variants.mug)).toBe(2);
    expect((await shop.visitor().cart.get({ cartToken: token })).itemCount).toBe(3);
    await tdb.productVariant.update({ where: { id: shop.variants.mug }, data: { stock: before } });
  });

  it('re-validates the coupon with the buyer: a once-per-buyer coupon is refused the second time', async () => {
    await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { coupon: 'ONCE', email: 'dan@example.test', pickup: true });
    const token = cartToken();
    await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug });
    await shop.visitor().cart.applyCoupon({ cartToken: token, code: 'ONCE' });
    const quote = await shop.visitor().cart.quote({ cartToken: token, address: ADDRESS, shippingOptionId: 'pickup', email: 'DAN@example.test' });
    expect(quote.coupon).toMatchObject({ code: 'ONCE', discount: 0, problem: expect.stringMatching(/once per buyer/) });
    await expectTRPCError(
      shop.visitor().checkout.placeOrder({ cartToken: token, email: 'dan@example.test', name: 'Dan', address: ADDRESS, shippingOptionId: 'pickup' }),
      'CONFLICT',
      /ONCE can be used once per buyer.*Remove it to place the order/,
    );
    // Another buyer may still use it.
    const other = await shop.visitor().checkout.placeOrder({ cartToken: token, email: 'eve@example.test', name: 'Eve', address: ADDRESS, shippingOptionId: 'pickup' });
    expect((await orderRow(other.orderId)).discountAmount).toBe(500);
  });

  it('refuses a coupon switched off after it was applied', async () => {
    const token = cartToken();
    await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug });
    const code = await shop.admin().coupons.create({ code: 'BRIEF', kind: 'PERCENT', value: 500 });
    await shop.visitor().cart.applyCoupon({ cartToken: token, code: 'BRIEF' });
    await shop.admin().coupons.deactivate({ id: code.id });
    await expectTRPCError(
      shop.visitor().checkout.placeOrder({ cartToken: token, email: 'f@example.test', name: 'F', address: ADDRESS, shippingOptionId: 'pickup' }),
      'CONFLICT',
      /BRIEF is no longer valid/,
    );
  });

  it('refuses a shipping option not offered, and bad buyer details with sentences', async () => {
    const token = cartToken();
    await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug });
    const base = { cartToken: token, email: 'g@example.test', name: 'G', address: ADDRESS, shippingOptionId: 'pickup' };
    await expectTRPCError(shop.visitor().checkout.placeOrder({ ...base, shippingOptionId: 'elsewhere' }), 'BAD_REQUEST', /Choose one of the shipping options/);
    await expectTRPCError(shop.visitor().checkout.placeOrder({ ...base, email: 'not-an-email' }), 'BAD_REQUEST', /email address/);
    await expectTRPCError(shop.visitor().checkout.placeOrder({ ...base, name: ' ' }), 'BAD_REQUEST', /Fill in your name/);
  });
});

describe('two buyers and the last unit', () => {
  it('sells the last unit once: exactly one checkout succeeds, the other is told it sold out, stock never below 0', async () => {
    const tdb = await h.db.forTenant(shop.id);
    for (let round = 0; round < 3; round++) {
      await tdb.productVariant.update({ where: { id: shop.variants.teeL }, data: { stock: 1 } });
      const tokens = [cartToken(), cartToken()];
      for (const token of tokens) await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.teeL });
      const results = await Promise.allSettled(
        tokens.map((token, i) =>
          shop.visitor().checkout.placeOrder({ cartToken: token, email: `racer${i}@example.test`, name: `Racer ${i}`, address: ADDRESS, shippingOptionId: 'pickup' }),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won, `round ${round}`).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ code: 'CONFLICT', message: '“Tee — L” is sold out.' });
      expect(await stockOf(h, shop, shop.variants.teeL)).toBe(0);
    }
  });
});

describe('many buyers and a few units', () => {
  it('sells exactly the units in stock when eight buyers check out at once', async () => {
    const tdb = await h.db.forTenant(shop.id);
    await tdb.productVariant.update({ where: { id: shop.variants.teeL }, data: { stock: 3 } });
    const tokens = Array.from({ length: 8 }, () => cartToken());
    for (const token of tokens) await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.teeL });
    const results = await Promise.allSettled(
      tokens.map((token, i) =>
        shop.visitor().checkout.placeOrder({ cartToken: token, email: `crowd${i}@example.test`, name: `Crowd ${i}`, address: ADDRESS, shippingOptionId: 'pickup' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT', message: '“Tee — L” is sold out.' });
    expect(await stockOf(h, shop, shop.variants.teeL)).toBe(0);
    const sold = await tdb.orderItem.aggregate({ where: { variantId: shop.variants.teeL, order: { buyerEmail: { startsWith: 'crowd' } } }, _sum: { quantity: true } });
    expect(sold._sum.quantity).toBe(3);
    const numbers = (await tdb.order.findMany({ select: { number: true } })).map((o) => o.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe('orderTracking.get', () => {
  it('shows the buyer status, timeline, items and carrier by the token, and nothing else', async () => {
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.teeM, quantity: 1 }], { email: 'track@example.test' });
    const tracked = await shop.visitor().orderTracking.get({ token: placed.trackingToken });
    expect(tracked).toEqual({
      number: placed.number,
      status: 'CREATED',
      carrier: null,
      trackingNumber: null,
      items: [{ title: 'Tee', variantLabel: 'M', quantity: 1 }],
      timeline: [{ type: 'created', status: 'CREATED', at: expect.any(Date) }],
    });
    expect(JSON.stringify(tracked)).not.toMatch(/track@example|Rua Augusta|Bia/);
  });

  it('answers an unknown token NOT_FOUND and a malformed one BAD_REQUEST', async () => {
    await expectTRPCError(shop.visitor().orderTracking.get({ token: cartToken() }), 'NOT_FOUND', /could not find this order/);
    await expectTRPCError(shop.visitor().orderTracking.get({ token: 'x' }), 'BAD_REQUEST', /tracking link is not valid/);
  });
});
