import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { ADDRESS, cartToken, openShop, type TestShop } from '../checkout/test-shop.ts';

let h: ApiHarness;
let shop: TestShop;

beforeAll(async () => {
  h = await createApiHarness('cart');
  shop = await openShop(h, 'cart-shop');
  const admin = shop.admin();
  const day = 24 * 3600_000;
  await admin.coupons.create({ code: 'ten', kind: 'PERCENT', value: 1_000 });
  await admin.coupons.create({ code: 'BIGSPENDER', kind: 'FIXED', value: 3_000, minimumOrderAmount: 15_000 });
  await admin.coupons.create({ code: 'OLD', kind: 'PERCENT', value: 500, startsAt: new Date(Date.now() - 3 * day), expiresAt: new Date(Date.now() - day) });
  await admin.coupons.create({ code: 'LATER', kind: 'PERCENT', value: 500, startsAt: new Date(Date.now() + day) });
  const gone = await admin.coupons.create({ code: 'GONE', kind: 'PERCENT', value: 500, maxUses: 1 });
  const tdb = await h.db.forTenant(shop.id);
  await tdb.coupon.update({ where: { id: gone.id }, data: { usedCount: 1 } });
  await admin.taxRules.upsert({ name: 'ICMS SP', country: 'BR', region: 'SP', rateBasisPoints: 1_800 });
  await admin.taxRules.upsert({ name: 'ICMS', country: 'BR', rateBasisPoints: 1_200, appliesToShipping: true });
});
afterAll(() => h?.close());

describe('cart', () => {
  it('starts empty, adds to the quantity already there and prices lines now', async () => {
    const token = cartToken();
    const buyer = shop.visitor();
    expect(await buyer.cart.get({ cartToken: token })).toMatchObject({ items: [], itemCount: 0, subtotal: 0, coupon: null });
    await buyer.cart.add({ cartToken: token, variantId: shop.variants.teeM });
    const cart = await buyer.cart.add({ cartToken: token, variantId: shop.variants.teeM, quantity: 1 });
    expect(cart.items).toEqual([
      expect.objectContaining({ variantId: shop.variants.teeM, title: 'Tee', variantLabel: 'M', unitPrice: 5_000, quantity: 2, lineTotal: 10_000, available: 3, problem: null }),
    ]);
    expect(cart).toMatchObject({ currency: 'BRL', itemCount: 2, subtotal: 10_000 });
    expect(await buyer.cart.get({ cartToken: token })).toEqual(cart);
  });

  it('refuses more than is in stock at add, saying how many are left', async () => {
    const token = cartToken();
    const buyer = shop.visitor();
    await expectTRPCError(buyer.cart.add({ cartToken: token, variantId: shop.variants.teeM, quantity: 4 }), 'CONFLICT', /^Only 3 left of “Tee — M”\.$/);
    await buyer.cart.add({ cartToken: token, variantId: shop.variants.teeM, quantity: 2 });
    await expectTRPCError(
      buyer.cart.add({ cartToken: token, variantId: shop.variants.teeM, quantity: 2 }),
      'CONFLICT',
      /Only 3 left of “Tee — M”\. You have 2 in your cart already\./,
    );
    await expectTRPCError(buyer.cart.updateQuantity({ cartToken: token, variantId: shop.variants.teeM, quantity: 5 }), 'CONFLICT', /Only 3 left/);
    expect((await buyer.cart.get({ cartToken: token })).items[0]!.quantity).toBe(2);
  });

  it('says a sold-out variant is sold out, and an unknown one is not available', async () => {
    const tdb = await h.db.forTenant(shop.id);
    const extra = await shop.admin().catalog.products.create({ title: 'Cap', status: 'ACTIVE', variants: [{ sku: 'CART-CAP', priceAmount: 900, stock: 0 }] });
    const cap = await tdb.productVariant.findFirstOrThrow({ where: { productId: extra.id } });
    await expectTRPCError(shop.visitor().cart.add({ cartToken: cartToken(), variantId: cap.id }), 'CONFLICT', /^“Cap” is sold out\.$/);
    await expectTRPCError(shop.visitor().cart.add({ cartToken: cartToken(), variantId: 'nope' }), 'NOT_FOUND', /not available/);
  });

  it('updates and removes items; quantity 0 removes', async () => {
    const token = cartToken();
    const buyer = shop.visitor();
    await buyer.cart.add({ cartToken: token, variantId: shop.variants.teeM });
    await buyer.cart.add({ cartToken: token, variantId: shop.variants.mug, quantity: 2 });
    expect((await buyer.cart.updateQuantity({ cartToken: token, variantId: shop.variants.mug, quantity: 5 })).subtotal).toBe(15_000);
    expect((await buyer.cart.updateQuantity({ cartToken: token, variantId: shop.variants.teeM, quantity: 0 })).items.map((i) => i.variantId)).toEqual([shop.variants.mug]);
    expect((await buyer.cart.remove({ cartToken: token, variantId: shop.variants.mug })).items).toEqual([]);
    await expectTRPCError(buyer.cart.remove({ cartToken: token, variantId: shop.variants.mug }), 'NOT_FOUND', /not in your cart/);
  });

  it('shows a line that became unavailable or short of stock with its reason', async () => {
    const token = cartToken();
    const buyer = shop.visitor();
    await buyer.cart.add({ cartToken: token, variantId: shop.variants.teeL });
    const tdb = await h.db.forTenant(shop.id);
    await tdb.productVariant.update({ where: { id: shop.variants.teeL }, data: { stock: 0 } });
    expect((await buyer.cart.get({ cartToken: token })).items[0]!.problem).toBe('“Tee — L” is sold out.');
    await tdb.productVariant.update({ where: { id: shop.variants.teeL }, data: { stock: 1 } });
    expect((await buyer.cart.get({ cartToken: token })).items[0]!.problem).toBeNull();
  });

  it('answers a double click on "add" with the item added or a sentence, never an error page', async () => {
    for (let round = 0; round < 3; round++) {
      const token = cartToken();
      const results = await Promise.allSettled([1, 2].map(() => shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug })));
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/add the item again/) });
      const quantity = (await shop.visitor().cart.get({ cartToken: token })).itemCount;
      expect(quantity).toBe(results.filter((r) => r.status === 'fulfilled').length);
    }
  });

  it('refuses a malformed cart token with a sentence', async () => {
    await expectTRPCError(shop.visitor().cart.get({ cartToken: 'short' }), 'BAD_REQUEST', /cart is not valid/);
  });
});

describe('coupons in the cart', () => {
  async function cartWith(quantityOfTees: number) {
    const token = cartToken();
    await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug, quantity: quantityOfTees });
    return token;
  }

  it('applies a code typed in any case and shows the discount', async () => {
    const token = await cartWith(2);
    const cart = await shop.visitor().cart.applyCoupon({ cartToken: token, code: ' Ten ' });
    expect(cart).toMatchObject({ subtotal: 4_000, discount: 400, coupon: { code: 'TEN', discount: 400, problem: null } });
    const removed = await shop.visitor().cart.removeCoupon({ cartToken: token });
    expect(removed).toMatchObject({ discount: 0, coupon: null });
  });

  it.each([
    ['an unknown code', 'NOPE', /does not exist in this store/],
    ['an expired coupon', 'OLD', /OLD has expired/],
    ['a coupon not started', 'LATER', /not valid yet/],
    ['a used-up coupon', 'GONE', /GONE has been used up/],
    ['a minimum not reached', 'BIGSPENDER', /needs an order of at least R\$\s150,00/],
  ])('refuses %s with the reason', async (_name, code, message) => {
    const token = await cartWith(2);
    await expectTRPCError(shop.visitor().cart.applyCoupon({ cartToken: token, code }), 'BAD_REQUEST', message);
    expect((await shop.visitor().cart.get({ cartToken: token })).coupon).toBeNull();
  });

  it('keeps the coupon on the cart but stops discounting when the cart falls below its minimum', async () => {
    const token = await cartWith(8);
    expect((await shop.visitor().cart.applyCoupon({ cartToken: token, code: 'BIGSPENDER' })).discount).toBe(3_000);
    const cart = await shop.visitor().cart.updateQuantity({ cartToken: token, variantId: shop.variants.mug, quantity: 2 });
    expect(cart.coupon).toMatchObject({ code: 'BIGSPENDER', discount: 0, problem: expect.stringMatching(/at least/) });
    expect(cart.discount).toBe(0);
  });

  it('refuses every code while the platform has switched the coupons module off for the store', async () => {
    const operator = await h.createUser('cart-operator', 'SUPER_ADMIN');
    const set = (state: 'off' | 'plan') => h.caller(operator).modules.platform.set({ tenantId: shop.id, module: 'coupons', state, reason: 'Testing' });
    const token = await cartWith(2);
    await set('off');
    try {
      await expectTRPCError(shop.visitor().cart.applyCoupon({ cartToken: token, code: 'TEN' }), 'BAD_REQUEST', /does not take coupon codes/);
    } finally {
      await set('plan');
    }
    expect((await shop.visitor().cart.applyCoupon({ cartToken: token, code: 'TEN' })).discount).toBe(400);
  });

  it('refuses a coupon on a cart that does not exist yet', async () => {
    await expectTRPCError(shop.visitor().cart.applyCoupon({ cartToken: cartToken(), code: 'TEN' }), 'BAD_REQUEST', /Add something/);
  });
});

describe('shipping options and quotes', () => {
  it('offers the band for the discounted value and pickup', async () => {
    const token = cartToken();
    await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug, quantity: 2 });
    const { options } = await shop.visitor().cart.shippingOptions({ cartToken: token, address: ADDRESS });
    expect(options).toEqual([
      { id: shop.standardRateId, kind: 'ORDER_VALUE', name: 'Standard', amount: 1_500 },
      { id: 'pickup', kind: 'PICKUP', name: 'Shop counter', amount: 0 },
    ]);
    await shop.visitor().cart.updateQuantity({ cartToken: token, variantId: shop.variants.mug, quantity: 10 });
    const more = await shop.visitor().cart.shippingOptions({ cartToken: token, address: ADDRESS });
    expect(more.options.map((o) => o.name)).toEqual(['Free', 'Shop counter']);
    // 10 % off 200.00 is 180.00: below the free band again.
    await shop.visitor().cart.applyCoupon({ cartToken: token, code: 'TEN' });
    expect((await shop.visitor().cart.shippingOptions({ cartToken: token, address: ADDRESS })).options.map((o) => o.name)).toEqual(['Standard', 'Shop counter']);
  });

  it('offers no shipping options for an empty cart', async () => {
    expect((await shop.visitor().cart.shippingOptions({ cartToken: cartToken(), address: ADDRESS })).options).toEqual([]);
  });

  it('quotes with the region’s tax rule, and the country’s with shipping elsewhere in the country', async () => {
    const token = cartToken();
    const buyer = shop.visitor();
    await buyer.cart.add({ cartToken: token, variantId: shop.variants.teeM, quantity: 2 });
    await buyer.cart.applyCoupon({ cartToken: token, code: 'TEN' });
    const sp = await buyer.cart.quote({ cartToken: token, address: ADDRESS, shippingOptionId: shop.standardRateId });
    // 100.00 − 10.00 = 90.00 goods; 18 % on goods only = 16.20; + 15.00 shipping.
    expect(sp).toMatchObject({ subtotal: 10_000, discount: 1_000, shipping: 1_500, tax: 1_620, total: 12_120, currency: 'BRL' });
    expect(sp.taxRule).toEqual({ name: 'ICMS SP', rateBasisPoints: 1_800, appliesToShipping: false });
    const rj = await buyer.cart.quote({ cartToken: token, address: { ...ADDRESS, region: 'RJ' }, shippingOptionId: shop.standardRateId });
    // 12 % on 90.00 + 15.00 = 12.60.
    expect(rj).toMatchObject({ tax: 1_260, total: 11_760 });
    const abroad = await buyer.cart.quote({ cartToken: token, address: { ...ADDRESS, country: 'pt', region: undefined }, shippingOptionId: 'pickup' });
    expect(abroad).toMatchObject({ tax: 0, shipping: 0, total: 9_000, taxRule: null });
  });

  it('refuses a shipping option the order is not offered', async () => {
    const token = cartToken();
    await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug });
    await expectTRPCError(shop.visitor().cart.quote({ cartToken: token, address: ADDRESS, shippingOptionId: 'rate_unknown' }), 'BAD_REQUEST', /Choose one of the shipping options/);
    await expectTRPCError(shop.visitor().cart.quote({ cartToken: cartToken(), address: ADDRESS, shippingOptionId: 'pickup' }), 'BAD_REQUEST', /cart is empty/);
  });

  it('refuses an address without a country with a sentence', async () => {
    await expectTRPCError(
      shop.visitor().cart.shippingOptions({ cartToken: cartToken(), address: { ...ADDRESS, country: 'Brazil' } }),
      'BAD_REQUEST',
      /two-letter code/,
    );
  });
});
