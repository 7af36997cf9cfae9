import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleStripeWebhook, processStripeEvent, STRIPE_API_VERSION, stripeClient } from '@vitrine/payments';
import { APP_URL, createApiHarness, type ApiHarness } from '../test-support/harness.ts';
import { openShop, placeOrderFor, stockOf, type TestShop } from '../routers/checkout/test-shop.ts';
import { storeWebhookSecret } from './store-stripe.ts';
import { orderStripeEventHandlers } from './stripe-events.ts';

/**
 * The webhook replay suite: Stripe's events for a store's orders go through the real intake (signature with the
 * platform's or the store's own secret → webhook_events + outbox job) and the real processing (the order handlers
 * in the store's transaction). Whatever the number of deliveries and their order, the database ends as after one
 * correct delivery: the order, its stock, its coupon use and the emails written to the outbox.
 */
const PLATFORM_SECRET = 'whsec_platform_replay_0123456789';
const STORE_SECRET = 'whsec_storeA_replay_0123456789';
const OTHER_SECRET = 'whsec_storeB_replay_0123456789';
const signer = stripeClient({ secretKey: 'sk_test_signer_only' });

let h: ApiHarness;
let shop: TestShop;
let other: TestShop;
const previousAppUrl = process.env.APP_URL;

beforeAll(async () => {
  process.env.APP_URL = APP_URL;
  h = await createApiHarness('stripe_replay');
  shop = await openShop(h, 'replay-shop');
  other = await openShop(h, 'replay-other');
  await shop.admin().setup.payments.saveStripe({ publishableKey: 'pk_test_replayshop01234', secretKey: 'sk_test_replayshop01234', webhookSecret: STORE_SECRET });
  await other.admin().setup.payments.saveStripe({ publishableKey: 'pk_test_replayother0123', secretKey: 'sk_test_replayother0123', webhookSecret: OTHER_SECRET });
  await shop.admin().coupons.create({ code: 'REPLAY', kind: 'FIXED', value: 500 });
});
afterAll(async () => {
  if (previousAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = previousAppUrl;
  await h?.close();
});

let counter = 0;
const uid = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(counter += 1)}`;

type Obj = Record<string, unknown>;
const event = (type: string, object: Obj) => ({
  id: uid('evt_replay'),
  object: 'event',
  type,
  created: Math.floor(Date.now() / 1000),
  livemode: false,
  api_version: STRIPE_API_VERSION,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  data: { object },
});
type StripeEventBody = ReturnType<typeof event>;

/** Events that failed (a refund heard before its refund.created) wait here for the queue's retry. */
const retries: string[] = [];

/** One delivery of `e`, signed with `secret` (the body exactly as signed unless `tamper` changes it), then processed. */
async function deliver(e: StripeEventBody, options: { secret?: string; tamper?: (body: string) => string } = {}) {
  const body = JSON.stringify(e, null, 2);
  const signature = signer.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? STORE_SECRET });
  const sent = options.tamper ? options.tamper(body) : body;
  const response = await handleStripeWebhook(h.db, {
    rawBody: new TextEncoder().encode(sent),
    signature,
    secret: PLATFORM_SECRET,
    storeSecret: (tenantId) => storeWebhookSecret(h.db, tenantId),
  });
  if (response.stored && !response.stored.duplicate) {
    await processStripeEvent({ db: h.db, webhookEventId: response.stored.webhookEventId, handlers: orderStripeEventHandlers }).catch(() => retries.push(response.stored!.duplicate ? '' : response.stored!.webhookEventId));
  }
  return response;
}

/** The queue's retries of failed events, until none fails (a few rounds at most). */
async function drainRetries() {
  for (let round = 0; round < 5 && retries.length; round++) {
    const ids = retries.splice(0);
    for (const id of ids) await processStripeEvent({ db: h.db, webhookEventId: id, handlers: orderStripeEventHandlers }).catch(() => retries.push(id));
  }
  expect(retries).toEqual([]);
}

/** Stripe's objects for one paid order: the session, the refunds of its charge. */
function stripeSide(s: TestShop, placed: { orderId: string; total: number }) {
  const metadata = { tenant_id: s.id, order_id: placed.orderId };
  const session = uid('cs_test');
  const intent = uid('pi');
  const charge = uid('ch');
  const sessionObject = (status: 'complete' | 'expired') => ({
    id: session,
    object: 'checkout.session',
    mode: 'payment',
    status,
    payment_status: status === 'complete' ? 'paid' : 'unpaid',
    amount_total: placed.total,
    currency: 'brl',
    payment_intent: status === 'complete' ? intent : null,
    metadata,
  });
  return {
    completed: () => event('checkout.session.completed', sessionObject('complete')),
    expired: () => event('checkout.session.expired', sessionObject('expired')),
    refundCreated: (id: string, amount: number) =>
      event('refund.created', { id, object: 'refund', amount, charge, payment_intent: intent, currency: 'brl', status: 'succeeded', metadata }),
    chargeRefunded: (amountRefunded: number) =>
      event('charge.refunded', { id: charge, object: 'charge', amount: placed.total, amount_refunded: amountRefunded, refunded: amountRefunded === placed.total, payment_intent: intent, currency: 'brl', metadata }),
  };
}

/** What one order looks like in the database: order, timeline, refunds, and the buyer's emails in the outbox. */
async function stateOf(s: TestShop, orderId: string) {
  const tdb = await h.db.forTenant(s.id);
  const order = await tdb.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: true, refunds: true, redemptions: true } });
  const emails = await h.owner.outboxJob.findMany({ where: { queue: 'email', jobId: { startsWith: `email-order-${orderId}-` } } });
  return {
    status: order.status,
    refundStatus: order.refundStatus,
    refundedAmount: order.refundedAmount,
    paid: order.paymentIntentId !== null,
    timeline: order.events.map((e) => e.type).sort(),
    refunds: order.refunds.map((r) => r.amount).sort(),
    redemptions: order.redemptions.length,
    emails: emails.map((e) => (e.payload as { kind: string }).kind).sort(),
  };
}

const couponUses = async () => (await (await h.db.forTenant(shop.id)).coupon.findFirstOrThrow({ where: { code: 'REPLAY' } })).usedCount;
const mugs = (quantity = 1) => [{ variantId: shop.variants.mug, quantity }];

describe('stripe webhooks: replays, disorder and forgeries', () => {
  it('the same signed checkout.session.completed delivered 5 times: paid once, one confirmation email', async () => {
    const stockBefore = await stockOf(h, shop, shop.variants.mug);
    const placed = await placeOrderFor(shop, mugs(2), { coupon: 'REPLAY' });
    const usesAfterPlacing = await couponUses();
    const stripe = stripeSide(shop, placed);
    const completed = stripe.completed();

    const first = await deliver(completed);
    expect(first).toMatchObject({ status: 200, body: { received: true, duplicate: false } });
    const once = await stateOf(shop, placed.orderId);
    expect(once).toMatchObject({ status: 'PAID', paid: true, timeline: ['created', 'paid'], redemptions: 1, emails: ['order.confirmation'] });

    for (let i = 0; i < 4; i++) expect(await deliver(completed)).toMatchObject({ status: 200, body: { duplicate: true } });
    // The same payment told again under another event id (a resent notification) changes nothing either.
    await deliver({ ...completed, id: uid('evt_replay') });
    expect(await stateOf(shop, placed.orderId)).toEqual(once);
    expect(await stockOf(h, shop, shop.variants.mug)).toBe(stockBefore - 2);
    expect(await couponUses()).toBe(usesAfterPlacing);
    expect(await h.db.platform.webhookEvent.count({ where: { eventId: completed.id } })).toBe(1);
  });

  it('a refund heard before the payment, everything 5 times and shuffled, ends as the events in order once', async () => {
    const inOrder = await placeOrderFor(shop, mugs());
    const shuffled = await placeOrderFor(shop, mugs());
    const a = stripeSide(shop, inOrder);
    const b = stripeSide(shop, shuffled);

    for (const e of [a.completed(), a.refundCreated(uid('re'), 700), a.chargeRefunded(700)]) await deliver(e);
    await drainRetries();
    const expected = await stateOf(shop, inOrder.orderId);
    expect(expected).toMatchObject({ status: 'PAID', refundStatus: 'PARTIAL', refundedAmount: 700, emails: ['order.confirmation', 'order.refund'] });

    const refundId = uid('re');
    const events = [b.chargeRefunded(700), b.refundCreated(refundId, 700), b.completed()];
    for (let round = 0; round < 5; round++) for (const e of round % 2 ? [...events].reverse() : events) await deliver(e);
    await drainRetries();
    expect(await stateOf(shop, shuffled.orderId)).toEqual(expected);
  });

  it('two refunds of one charge, their charge.refunded events out of order: each counted once, FULL at the end', async () => {
    const placed = await placeOrderFor(shop, mugs());
    const s = stripeSide(shop, placed);
    await deliver(s.completed());
    const [r1, r2] = [uid('re'), uid('re')];
    const rest = placed.total - 1_000;
    const events = [s.chargeRefunded(placed.total), s.refundCreated(r2, rest), s.chargeRefunded(1_000), s.refundCreated(r1, 1_000)];
    for (let i = 0; i < 3; i++) for (const e of events) await deliver(e);
    await drainRetries();
    expect(await stateOf(shop, placed.orderId)).toMatchObject({
      status: 'PAID',
      refundStatus: 'FULL',
      refundedAmount: placed.total,
      refunds: [1_000, rest].sort(),
      emails: ['order.confirmation', 'order.refund', 'order.refund'],
    });
  });

  it('checkout.session.expired after completed changes nothing: stock and coupon use stay taken', async () => {
    const stockBefore = await stockOf(h, shop, shop.variants.mug);
    const placed = await placeOrderFor(shop, mugs(), { coupon: 'REPLAY', email: 'late@example.test' });
    const uses = await couponUses();
    const s = stripeSide(shop, placed);
    await deliver(s.completed());
    const paid = await stateOf(shop, placed.orderId);
    for (let i = 0; i < 5; i++) await deliver(s.expired());
    expect(await stateOf(shop, placed.orderId)).toEqual(paid);
    expect(await stockOf(h, shop, shop.variants.mug)).toBe(stockBefore - 1);
    expect(await couponUses()).toBe(uses);
  });

  it('an unpaid session that expires cancels the order once: stock and coupon use come back once, no email', async () => {
    const stockBefore = await stockOf(h, shop, shop.variants.mug);
    const usesBefore = await couponUses();
    const placed = await placeOrderFor(shop, mugs(3), { coupon: 'REPLAY', email: 'gone@example.test' });
    const expired = stripeSide(shop, placed).expired();
    for (let i = 0; i < 5; i++) await deliver(i < 3 ? expired : { ...expired, id: uid('evt_replay') });
    expect(await stateOf(shop, placed.orderId)).toMatchObject({ status: 'CANCELLED', timeline: ['created', 'expired'], redemptions: 0, emails: [] });
    expect(await stockOf(h, shop, shop.variants.mug)).toBe(stockBefore);
    expect(await couponUses()).toBe(usesBefore);
  });

  it('a tampered body, a wrong secret or another store’s secret is refused with 400 and nothing is stored', async () => {
    const placed = await placeOrderFor(shop, mugs());
    const s = stripeSide(shop, placed);
    const before = await stateOf(shop, placed.orderId);
    const e = s.completed();
    const tampered = await deliver(e, { tamper: (body) => body.replace(`"amount_total": ${placed.total}`, '"amount_total": 1') });
    expect(tampered).toEqual({ status: 400, body: { error: 'The Stripe signature does not match this body, or it is too old.' } });
    expect((await deliver(e, { secret: 'whsec_attacker_0123456789' })).status).toBe(400);
    // Signed by store B's own secret while naming store A: B's secret is never tried for A's events.
    expect((await deliver(e, { secret: OTHER_SECRET })).status).toBe(400);
    expect(await h.db.platform.webhookEvent.count({ where: { eventId: e.id } })).toBe(0);
    expect(await stateOf(shop, placed.orderId)).toEqual(before);

    // The platform's own secret verifies it too (a store using the platform's endpoint secret).
    expect(await deliver(e, { secret: PLATFORM_SECRET })).toMatchObject({ status: 200, body: { duplicate: false } });
    expect((await stateOf(shop, placed.orderId)).status).toBe('PAID');
  });

  it("an event of store A naming store B's order changes nothing in store B", async () => {
    const theirs = await placeOrderFor(other, [{ variantId: other.variants.mug, quantity: 1 }]);
    const before = await stateOf(other, theirs.orderId);
    const forged = stripeSide(shop, theirs).completed(); // metadata: tenant A, order of B, signed with A's secret
    const response = await deliver(forged);
    expect(response.status).toBe(200);
    const row = await h.db.platform.webhookEvent.findFirstOrThrow({ where: { eventId: forged.id } });
    expect(row.note).toMatch(/is not an order of this store/);
    expect(await stateOf(other, theirs.orderId)).toEqual(before);
  });
});
