import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeClient, type Stripe } from '@vitrine/payments';
import { startStripeSandbox, type StripeSandbox } from '@vitrine/stripe-sandbox';
import { APP_URL, createApiHarness, type ApiHarness } from '../test-support/harness.ts';
import { expectTRPCError } from '../test-support/expect-error.ts';
import { openShop, placeOrderFor, stockOf, type TestShop } from '../routers/checkout/test-shop.ts';
import { DEFAULT_UNPAID_HOLD_MINUTES, expireUnpaidOrderWhenDue, unpaidHoldMinutes } from './unpaid-orders.ts';

/**
 * The end of an unpaid order's hold, against the Stripe sandbox (its clock moved by the test, as minutes passing).
 */
const SECRET_KEY = 'sk_test_unpaidhold0123456789';
const MINUTE = 60_000;

let h: ApiHarness;
let shop: TestShop;
let other: TestShop;
let sandbox: StripeSandbox;
let stripe: Stripe;
let clock = Date.now();
const previous = { STRIPE_API_BASE: process.env.STRIPE_API_BASE, APP_URL: process.env.APP_URL };

beforeAll(async () => {
  sandbox = await startStripeSandbox({ secretKey: SECRET_KEY, clock: () => clock });
  process.env.STRIPE_API_BASE = sandbox.url;
  process.env.APP_URL = APP_URL;
  stripe = stripeClient({ secretKey: SECRET_KEY, apiBase: sandbox.url, maxNetworkRetries: 0 });
  h = await createApiHarness('unpaid_orders');
  shop = await openShop(h, 'hold-shop');
  other = await openShop(h, 'hold-other');
  await shop.admin().setup.payments.saveStripe({ publishableKey: 'pk_test_unpaidhold0123456789', secretKey: SECRET_KEY });
  await shop.admin().coupons.create({ code: 'ONCE', kind: 'PERCENT', value: 1_000, maxUses: 1 });
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
const expiryJobs = (orderId: string) =>
  h.owner.outboxJob.findMany({ where: { queue: 'payments', name: 'orders.expire-unpaid', payload: { path: ['orderId'], equals: orderId } }, orderBy: { availableAt: 'asc' } });
const coupon = async () => (await h.db.forTenant(shop.id)).coupon.findFirstOrThrow({ where: { code: 'ONCE' } });
const minutesAfter = (from: Date, n: number) => new Date(from.getTime() + n * MINUTE);

describe('the hold of an unpaid order', () => {
  it('reads UNPAID_ORDER_HOLD_MINUTES, with 60 minutes for a missing or malformed value', () => {
    expect(unpaidHoldMinutes({})).toBe(DEFAULT_UNPAID_HOLD_MINUTES);
    expect(unpaidHoldMinutes({ UNPAID_ORDER_HOLD_MINUTES: '45' })).toBe(45);
    expect(unpaidHoldMinutes({ UNPAID_ORDER_HOLD_MINUTES: '1' })).toBe(DEFAULT_UNPAID_HOLD_MINUTES);
    expect(unpaidHoldMinutes({ UNPAID_ORDER_HOLD_MINUTES: 'soon' })).toBe(DEFAULT_UNPAID_HOLD_MINUTES);
  });

  it('is scheduled with the order: one job, due when the hold ends', async () => {
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }]);
    const placedAt = (await order(placed.orderId)).createdAt;
    const jobs = await expiryJobs(placed.orderId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ tenantId: shop.id, payload: { tenantId: shop.id, orderId: placed.orderId }, availableAt: minutesAfter(placedAt, 60) });
  });

  it('cancels an order never sent to payment and gives its stock and coupon use back, once', async () => {
    const stockBefore = await stockOf(h, shop, shop.variants.teeM);
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.teeM, quantity: 2 }], { coupon: 'ONCE' });
    expect(await stockOf(h, shop, shop.variants.teeM)).toBe(stockBefore - 2);
    expect((await coupon()).usedCount).toBe(1);

    expect(await expireUnpaidOrderWhenDue(h.db, shop.id, placed.orderId)).toEqual({ outcome: 'expired', closedPaymentPage: false });
    expect(await expireUnpaidOrderWhenDue(h.db, shop.id, placed.orderId)).toEqual({ outcome: 'settled', status: 'CANCELLED' });

    expect(await order(placed.orderId)).toMatchObject({ status: 'CANCELLED' });
    expect(await stockOf(h, shop, shop.variants.teeM)).toBe(stockBefore);
    expect((await coupon()).usedCount).toBe(0);
    const events = await (await h.db.forTenant(shop.id)).orderEvent.findMany({ where: { orderId: placed.orderId, type: 'expired' } });
    expect(events).toHaveLength(1);
    // The buyer's link cannot open a payment page for it any more.
    await expectTRPCError(shop.visitor().checkout.pay({ token: placed.trackingToken }), 'CONFLICT', /not waiting for payment/);
  });

  it('waits for a young payment page, then closes it on Stripe and cancels the order', async () => {
    const stockBefore = await stockOf(h, shop, shop.variants.mug);
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 3 }]);
    clock = Date.now();
    const { sessionId } = await shop.visitor().checkout.pay({ token: placed.trackingToken });
    const opened = new Date((await stripe.checkout.sessions.retrieve(sessionId)).created * 1000);

    // Ten minutes after the page opened the buyer may be typing their card: look again when their 30 minutes end.
    const early = await expireUnpaidOrderWhenDue(h.db, shop.id, placed.orderId, minutesAfter(opened, 10));
    expect(early).toMatchObject({ outcome: 'look-again', at: minutesAfter(opened, 30) });
    const jobs = await expiryJobs(placed.orderId);
    expect(jobs).toHaveLength(2);
    expect(jobs.map((j) => j.availableAt)).toContainEqual(minutesAfter(opened, 30));
    expect(await order(placed.orderId)).toMatchObject({ status: 'CREATED' });
    expect(await stockOf(h, shop, shop.variants.mug)).toBe(stockBefore - 3);

    clock = minutesAfter(opened, 31).getTime();
    expect(await expireUnpaidOrderWhenDue(h.db, shop.id, placed.orderId, minutesAfter(opened, 31))).toEqual({ outcome: 'expired', closedPaymentPage: true });
    expect(await stripe.checkout.sessions.retrieve(sessionId)).toMatchObject({ status: 'expired' });
    expect(await order(placed.orderId)).toMatchObject({ status: 'CANCELLED' });
    expect(await stockOf(h, shop, shop.variants.mug)).toBe(stockBefore);
  });

  it('records a payment Stripe has but no webhook brought, and keeps the order', async () => {
    clock = Date.now();
    const placed = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }]);
    const { sessionId } = await shop.visitor().checkout.pay({ token: placed.trackingToken });
    const paid = await fetch(`${sandbox.url}/_sandbox/checkout/sessions/${sessionId}/pay`, { method: 'POST', body: JSON.stringify({ card: '4242424242424242' }) });
    expect(paid.status).toBe(200);

    expect(await expireUnpaidOrderWhenDue(h.db, shop.id, placed.orderId, minutesAfter(new Date(), 61))).toEqual({ outcome: 'paid' });
    expect(await order(placed.orderId)).toMatchObject({ status: 'PAID' });
    expect(await expireUnpaidOrderWhenDue(h.db, shop.id, placed.orderId)).toEqual({ outcome: 'settled', status: 'PAID' });
  });

  it('never touches another store’s order', async () => {
    const placed = await placeOrderFor(other, [{ variantId: other.variants.mug, quantity: 1 }]);
    expect(await expireUnpaidOrderWhenDue(h.db, shop.id, placed.orderId)).toEqual({ outcome: 'settled', status: null });
    const theirs = await (await h.db.forTenant(other.id)).order.findUniqueOrThrow({ where: { id: placed.orderId } });
    expect(theirs.status).toBe('CREATED');
  });
});
