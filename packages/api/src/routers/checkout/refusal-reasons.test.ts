import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalReasonOf, tenantAccessResponseMeta } from '../../errors.ts';
import { appRouter } from '../../root.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { ADDRESS, cartToken, openShop, type TestShop } from './test-shop.ts';

/**
 * Cart and checkout refusals carry a machine-readable reason beside their English sentence (the storefront says
 * them in the page's language): in-process on the error's cause, over HTTP as `error.data.reason`.
 */
let h: ApiHarness;
let shop: TestShop;

beforeAll(async () => {
  h = await createApiHarness('refusal_reasons');
  shop = await openShop(h, 'reasons-shop');
  await shop.admin().coupons.create({ code: 'BIG', kind: 'FIXED', value: 3_000, minimumOrderAmount: 15_000 });
});
afterAll(() => h?.close());

async function cartWithMugs(quantity: number) {
  const token = cartToken();
  await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug, quantity });
  return token;
}

async function setStock(variantId: string, stock: number) {
  const tdb = await h.db.forTenant(shop.id);
  await tdb.productVariant.update({ where: { id: variantId }, data: { stock } });
}

/** A storefront call through tRPC's fetch adapter, as an HTTP client of the API sees it. */
async function overHttp(path: string, input: unknown) {
  const request = new Request(`http://${shop.hostname}/api/trpc/${path}`, {
    method: 'POST',
    body: JSON.stringify(superjson.serialize(input)),
    headers: { 'content-type': 'application/json' },
  });
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    responseMeta: tenantAccessResponseMeta,
    createContext: () => h.context(null, { host: shop.hostname }),
  });
  const body = (await response.json()) as { error?: { json: { message: string; data: Record<string, unknown> } } };
  return { status: response.status, error: body.error?.json };
}

describe('coupon refusals carry their reason', () => {
  it('an unknown code: the English sentence as before, reason "unknown"', async () => {
    const token = await cartWithMugs(2);
    const error = await expectTRPCError(shop.visitor().cart.applyCoupon({ cartToken: token, code: 'nope' }), 'BAD_REQUEST');
    expect(error.message).toBe('This coupon code does not exist in this store.');
    expect(refusalReasonOf(error)).toEqual({ code: 'unknown', params: {} });
  });

  it('a minimum not reached: the minimum in minor units and its currency', async () => {
    const token = await cartWithMugs(2);
    const error = await expectTRPCError(shop.visitor().cart.applyCoupon({ cartToken: token, code: 'big' }), 'BAD_REQUEST', /at least R\$\s150,00/);
    expect(refusalReasonOf(error)).toEqual({ code: 'minimum', params: { coupon: 'BIG', minimum: 15_000, currency: 'BRL' } });
  });

  it('over HTTP the reason is error.data.reason, beside the unchanged message', async () => {
    const token = await cartWithMugs(2);
    const { status, error } = await overHttp('cart.applyCoupon', { cartToken: token, code: 'NOPE' });
    expect(status).toBe(400);
    expect(error?.message).toBe('This coupon code does not exist in this store.');
    expect(error?.data.reason).toEqual({ code: 'unknown', params: {} });
  });

  it('a coupon that stopped applying shows its reason in the cart data', async () => {
    const token = await cartWithMugs(8);
    await shop.visitor().cart.applyCoupon({ cartToken: token, code: 'BIG' });
    const cart = await shop.visitor().cart.updateQuantity({ cartToken: token, variantId: shop.variants.mug, quantity: 2 });
    expect(cart.coupon).toMatchObject({
      problem: expect.stringMatching(/at least/),
      problemReason: { code: 'minimum', params: { coupon: 'BIG', minimum: 15_000, currency: 'BRL' } },
    });
    const quote = await shop.visitor().cart.quote({ cartToken: token, address: ADDRESS, shippingOptionId: 'pickup' });
    expect(quote.coupon?.problemReason).toEqual({ code: 'minimum', params: { coupon: 'BIG', minimum: 15_000, currency: 'BRL' } });
    await expectTRPCError(
      shop.visitor().checkout.placeOrder({ cartToken: token, email: 'm@example.test', name: 'M', address: ADDRESS, shippingOptionId: 'pickup' }),
      'CONFLICT',
      /Remove it to place the order\.$/,
    ).then((error) => expect(refusalReasonOf(error)).toEqual({ code: 'minimum', params: { coupon: 'BIG', minimum: 15_000, currency: 'BRL', mustRemove: true } }));
  });
});

describe('stock refusals carry their reason', () => {
  it('adding more than is left: "only_left" with the number left and already in the cart', async () => {
    const token = cartToken();
    await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.teeM, quantity: 2 });
    const error = await expectTRPCError(shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.teeM, quantity: 2 }), 'CONFLICT', /^Only 3 left/);
    expect(refusalReasonOf(error)).toEqual({ code: 'only_left', params: { name: '“Tee — M”', available: 3, inCart: 2 } });
  });

  it('a sold-out checkout: the line says why in data, and placeOrder refuses with reason "sold_out"', async () => {
    const token = await cartWithMugs(1);
    await setStock(shop.variants.mug, 0);
    try {
      const cart = await shop.visitor().cart.get({ cartToken: token });
      expect(cart.items[0]).toMatchObject({ problem: '“Mug” is sold out.', problemReason: { code: 'sold_out', params: { name: '“Mug”' } } });
      const order = { cartToken: token, email: 's@example.test', name: 'S', address: ADDRESS, shippingOptionId: 'pickup' };
      const error = await expectTRPCError(shop.visitor().checkout.placeOrder(order), 'CONFLICT');
      expect(error.message).toBe('“Mug” is sold out.');
      expect(refusalReasonOf(error)).toEqual({ code: 'sold_out', params: { name: '“Mug”' } });

      const { status, error: shape } = await overHttp('checkout.placeOrder', order);
      expect(status).toBe(409);
      expect(shape?.message).toBe('“Mug” is sold out.');
      expect(shape?.data.reason).toEqual({ code: 'sold_out', params: { name: '“Mug”' } });
    } finally {
      await setStock(shop.variants.mug, 10);
    }
  });

  it('an empty cart at checkout: reason "cart_empty"; an error without a reason has no data.reason', async () => {
    const order = { cartToken: cartToken(), email: 'e@example.test', name: 'E', address: ADDRESS, shippingOptionId: 'pickup' };
    const error = await expectTRPCError(shop.visitor().checkout.placeOrder(order), 'BAD_REQUEST', /^Your cart is empty\.$/);
    expect(refusalReasonOf(error)).toEqual({ code: 'cart_empty', params: {} });
    const { error: shape } = await overHttp('checkout.placeOrder', { ...order, email: 'not-an-email' });
    expect(shape?.data.fieldErrors).toBeDefined();
    expect(shape?.data).not.toHaveProperty('reason');
  });
});
