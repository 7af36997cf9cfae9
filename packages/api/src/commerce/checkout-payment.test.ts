import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeClient, type Stripe } from '@vitrine/payments';
import { startStripeSandbox, type StripeSandbox } from '@vitrine/stripe-sandbox';
import { APP_URL, createApiHarness, type ApiHarness } from '../test-support/harness.ts';
import { expectTRPCError } from '../test-support/expect-error.ts';
import { ADDRESS, cartToken, openShop, placeOrderFor, type TestShop } from '../routers/checkout/test-shop.ts';

/**
 * Paying an order with a Stripe Checkout Session on the store's own account, against the Stripe sandbox (a real
 * HTTP server speaking Stripe's API) through the official SDK.
 */
const SECRET_KEY = 'sk_test_checkoutshop0123456789';

let h: ApiHarness;
let shop: TestShop;
let other: TestShop;
let sandbox: StripeSandbox;
let stripe: Stripe;
const previous = { STRIPE_API_BASE: process.env.STRIPE_API_BASE, APP_URL: process.env.APP_URL };

beforeAll(async () => {
  sandbox = await startStripeSandbox({ secretKey: SECRET_KEY });
  process.env.STRIPE_API_BASE = sandbox.url;
  // Links in the buyer's emails take APP_URL's scheme and port (the worker has no request to read them from).
  process.env.APP_URL = APP_URL;
  stripe = stripeClient({ secretKey: SECRET_KEY, apiBase: sandbox.url, maxNetworkRetries: 0 });
  h = await createApiHarness('checkout_payment');
  shop = await openShop(h, 'pay-shop');
  other = await openShop(h, 'pay-other');
  await shop.admin().setup.payments.saveStripe({ publishableKey: 'pk_test_checkoutshop0123456789', secretKey: SECRET_KEY });
  await shop.admin().coupons.create({ code: 'TEN', kind: 'PERCENT', value: 1_000 });
  await shop.admin().taxRules.upsert({ name: 'ICMS SP', country: 'BR', region: 'SP', rateBasisPoints: 1_000 });
});
afterAll(async () => {
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await sandbox?.stop();
  await h?.close();
});

const order = async (id: string) => (await h.db.forTenant(shop.id)).order.findUniqueOrThrow({ where: { id } });
const confirmationEmails = (orderId: string) => h.owner.outboxJob.findMany({ where: { queue: 'email', jobId: { startsWith: `email-order-${orderId}-confirmation` } } });

describe('checkout.pay', () => {
  it("opens a Checkout Session for exactly the order's total (coupon, tax, shipping), with the order in its metadata", async () => {
    // 2 tees 100.00 + mug 20.00 = 120.00 − 10 % = 108.00; tax 10 % = 10.80; Standard shipping 15.00 → 133.80.
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.teeM, quantity: 2 }, { variantId: shop.variants.mug, quantity: 1 }], { coupon: 'TEN' });
    expect(placed.total).toBe(13_380);
    const { url, sessionId } = await shop.visitor().checkout.pay({ token: placed.trackingToken });
    expect(url).toBe(`${sandbox.url}/c/pay/${sessionId}`);
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({
      amount_total: 13_380,
      currency: 'brl',
      customer_email: 'buyer@example.test',
      metadata: { tenant_id: shop.id, order_id: placed.orderId, order_number: String(placed.number) },
      success_url: `http://${shop.hostname}/checkout/confirmation?order=${placed.trackingToken}&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `http://${shop.hostname}/checkout?order=${placed.trackingToken}`,
    });
    const lines = await stripe.checkout.sessions.listLineItems(sessionId);
    expect(lines.data.map((l) => [l.description, l.quantity, l.amount_total])).toEqual([
      [`Order #${placed.number} (coupon TEN)`, 1, 10_800],
      ['Tax', 1, 1_080],
    ]);
    expect((await order(placed.orderId)).checkoutSessionId).toBe(sessionId);

    // Asked again (a double click, the buyer back from the cancel link): the same session.
    const again = await shop.visitor().checkout.pay({ token: placed.trackingToken });
    expect(again.sessionId).toBe(sessionId);
  });

  it("returns the buyer to the store's address as their browser reached it (its port), never to another host", async () => {
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { pickup: true });
    await expectTRPCError(shop.visitor().checkout.pay({ token: placed.trackingToken, origin: 'https://evil.test' }), 'BAD_REQUEST', /this store’s own address/);
    const { sessionId } = await shop.visitor().checkout.pay({ token: placed.trackingToken, origin: `http://${shop.hostname}:8080` });
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(session.success_url).toBe(`http://${shop.hostname}:8080/checkout/confirmation?order=${placed.trackingToken}&session_id={CHECKOUT_SESSION_ID}`);
    expect(session.cancel_url).toBe(`http://${shop.hostname}:8080/checkout?order=${placed.trackingToken}`);
  });

  it('lists every item when there is no discount; the intent carries the same metadata', async () => {
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.teeL, quantity: 1 }, { variantId: shop.variants.mug, quantity: 2 }], { pickup: true });
    const { sessionId } = await shop.visitor().checkout.pay({ token: placed.trackingToken });
    const lines = await stripe.checkout.sessions.listLineItems(sessionId);
    expect(lines.data.map((l) => [l.description, l.quantity, l.amount_total])).toEqual([
      ['Tee — L', 1, 5_500],
      ['Mug', 2, 4_000],
      ['Tax', 1, 950],
    ]);
    await fetch(`${sandbox.url}/_sandbox/checkout/sessions/${sessionId}/pay`, { method: 'POST', body: JSON.stringify({ card: '4242424242424242' }) });
    const paid = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] });
    expect((paid.payment_intent as Stripe.PaymentIntent).metadata).toEqual({ tenant_id: shop.id, order_id: placed.orderId, order_number: String(placed.number) });
    expect(paid.amount_total).toBe(placed.total);
  });

  it('refuses a paid order, an unknown token, another store’s order, and a store without payment settings', async () => {
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { pickup: true });
    await expectTRPCError(other.visitor().checkout.pay({ token: placed.trackingToken }), 'NOT_FOUND', /could not find this order/);
    await expectTRPCError(shop.visitor().checkout.pay({ token: cartToken() }), 'NOT_FOUND', /could not find this order/);
    await expectTRPCError(shop.visitor().checkout.pay({ token: 'nope' }), 'BAD_REQUEST', /not valid/);
    const { sessionId } = await shop.visitor().checkout.pay({ token: placed.trackingToken });
    await fetch(`${sandbox.url}/_sandbox/checkout/sessions/${sessionId}/pay`, { method: 'POST', body: JSON.stringify({ card: '4242424242424242' }) });
    await shop.visitor().checkout.confirmation({ token: placed.trackingToken });
    await expectTRPCError(shop.visitor().checkout.pay({ token: placed.trackingToken }), 'CONFLICT', /not waiting for payment/);

    const unpaid = await placeOrderFor(other, [{ variantId: other.variants.mug, quantity: 1 }], { pickup: true });
    await expectTRPCError(other.visitor().checkout.pay({ token: unpaid.trackingToken }), 'PRECONDITION_FAILED', /has not set up payments yet/);
  });
});

describe('checkout.confirmation', () => {
  it('marks the order paid from its paid session before any webhook, once, with one confirmation email in the order’s language', async () => {
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { email: 'lia@example.test' });
    const { sessionId } = await shop.visitor().checkout.pay({ token: placed.trackingToken });
    const waiting = await shop.visitor().checkout.confirmation({ token: placed.trackingToken });
    expect(waiting).toMatchObject({ number: placed.number, status: 'CREATED', total: placed.total });
    expect(await confirmationEmails(placed.orderId)).toHaveLength(0);

    await fetch(`${sandbox.url}/_sandbox/checkout/sessions/${sessionId}/pay`, { method: 'POST', body: JSON.stringify({ card: '4242424242424242' }) });
    const [first, second] = [await shop.visitor().checkout.confirmation({ token: placed.trackingToken }), await shop.visitor().checkout.confirmation({ token: placed.trackingToken })];
    expect(first.status).toBe('PAID');
    expect(second.status).toBe('PAID');
    const row = await order(placed.orderId);
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(row).toMatchObject({ status: 'PAID', paymentIntentId: session.payment_intent, checkoutSessionId: sessionId });
    const emails = await confirmationEmails(placed.orderId);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.payload).toMatchObject({ to: 'lia@example.test', kind: 'order.confirmation', subject: `Store pay-shop: pedido #${placed.number} confirmado` });
    expect((emails[0]!.payload as { text: string }).text).toContain(`http://${shop.hostname}/orders/${placed.trackingToken}`);
    expect(JSON.stringify(first)).not.toMatch(/lia@example|Rua Augusta/);
    // The confirmation by another store's host is not found.
    await expectTRPCError(other.visitor().checkout.confirmation({ token: placed.trackingToken }), 'NOT_FOUND');
  });
});

describe('checkout.placeOrder with a phone', () => {
  it('keeps the phone as E.164 and refuses one without a country code, beside the field', async () => {
    const token = cartToken();
    await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug });
    const base = { cartToken: token, email: 'zoe@example.test', name: 'Zoe', address: ADDRESS, shippingOptionId: 'pickup' };
    const refused = await expectTRPCError(shop.visitor().checkout.placeOrder({ ...base, phone: '11 99999' }), 'BAD_REQUEST', /country code/);
    expect((refused.cause as unknown as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['phone']);
    const placed = await shop.visitor().checkout.placeOrder({ ...base, phone: '+55 (11) 99999-0000' });
    expect((await order(placed.orderId)).buyerPhone).toBe('+5511999990000');
  });
});
