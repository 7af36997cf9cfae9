import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeClient, type Stripe } from '@vitrine/payments';
import { startStripeSandbox, type StripeSandbox } from '@vitrine/stripe-sandbox';
import { markOrderPaid, recordRefund } from '../../commerce/order-lifecycle.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { openShop, placeOrderFor, type TestShop } from '../checkout/test-shop.ts';
import { refundIdempotencyKey, refundParams } from './refund.ts';

/**
 * Refunds from the admin, against the Stripe sandbox (a real HTTP server speaking Stripe's API) through the
 * official SDK: the order is paid on the hosted checkout, then refunded in parts, too much is refused.
 */
const SECRET_KEY = 'sk_test_refundshop0123456789';

let h: ApiHarness;
let shop: TestShop;
let sandbox: StripeSandbox;
let stripe: Stripe;
const previousApiBase = process.env.STRIPE_API_BASE;

beforeAll(async () => {
  sandbox = await startStripeSandbox({ secretKey: SECRET_KEY });
  process.env.STRIPE_API_BASE = sandbox.url;
  stripe = stripeClient({ secretKey: SECRET_KEY, apiBase: sandbox.url, maxNetworkRetries: 0 });
  h = await createApiHarness('orders_refund');
  shop = await openShop(h, 'refund-shop');
  await shop.admin().setup.payments.saveStripe({ publishableKey: 'pk_test_refundshop0123456789', secretKey: SECRET_KEY });
});
afterAll(async () => {
  if (previousApiBase === undefined) delete process.env.STRIPE_API_BASE;
  else process.env.STRIPE_API_BASE = previousApiBase;
  await sandbox?.stop();
  await h?.close();
});

/** An order (mug 20.00 + Standard shipping 15.00 = 35.00) paid on the sandbox's checkout, as the buyer would. */
async function paidOrder() {
  const placed = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }]);
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    success_url: 'http://refund-shop.test/ok',
    line_items: [{ price_data: { currency: 'brl', unit_amount: placed.total, product_data: { name: `Order #${placed.number}` } }, quantity: 1 }],
  });
  const paid = await fetch(`${sandbox.url}/_sandbox/checkout/sessions/${session.id}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: '4242424242424242' }),
  });
  expect(paid.status).toBe(200);
  const completed = await stripe.checkout.sessions.retrieve(session.id);
  const paymentIntentId = completed.payment_intent as string;
  await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId, amount: completed.amount_total!, checkoutSessionId: session.id });
  return { ...placed, paymentIntentId };
}

async function refundedAtStripe(paymentIntentId: string) {
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
  return (await stripe.charges.retrieve(intent.latest_charge as string)).amount_refunded;
}

describe('orders.refund', () => {
  it('refunds part twice on Stripe, records each on the timeline and in the audit log, and refuses more than remains', async () => {
    const order = await paidOrder();
    expect(order.total).toBe(3_500);

    const first = await shop.admin().orders.refund({ id: order.orderId, amount: 1_000 });
    expect(first).toMatchObject({ refundStatus: 'PARTIAL', refundedAmount: 1_000, status: 'PAID' });
    expect(first.refunds).toEqual([expect.objectContaining({ amount: 1_000, providerRefundId: expect.stringMatching(/^re_/) })]);
    expect(first.events.at(-1)).toMatchObject({ type: 'refund', reference: first.refunds[0]!.providerRefundId });

    const second = await shop.admin().orders.refund({ id: order.orderId, amount: 500 });
    expect(second).toMatchObject({ refundStatus: 'PARTIAL', refundedAmount: 1_500 });
    expect(await refundedAtStripe(order.paymentIntentId)).toBe(1_500);

    const error = await expectTRPCError(
      shop.admin().orders.refund({ id: order.orderId, amount: 2_001 }),
      'BAD_REQUEST',
      new RegExp(`^You can refund at most R\\$\\s?20\\.00 on Order #${order.number} \\(R\\$\\s?15\\.00 of R\\$\\s?35\\.00 was refunded already\\)\\.$`),
    );
    expect((error.cause as unknown as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['amount']);
    expect(await refundedAtStripe(order.paymentIntentId)).toBe(1_500);

    const audits = (await h.auditRows(shop.id, 'order.refunded')).filter((a) => a.targetId === order.orderId);
    expect(audits.map((a) => a.data)).toEqual([
      expect.objectContaining({ amount: 1_000, refundedAmount: 1_000, refundStatus: 'PARTIAL', refundId: first.refunds[0]!.providerRefundId }),
      expect.objectContaining({ amount: 500, refundedAmount: 1_500, refundStatus: 'PARTIAL' }),
    ]);
    expect(audits[0]!.actorUserId).toBe(shop.owner.id);

    // Without an amount: all that remains. Then nothing is left.
    const rest = await shop.admin().orders.refund({ id: order.orderId });
    expect(rest).toMatchObject({ refundStatus: 'FULL', refundedAmount: 3_500 });
    expect(await refundedAtStripe(order.paymentIntentId)).toBe(3_500);
    await expectTRPCError(shop.admin().orders.refund({ id: order.orderId, amount: 1 }), 'CONFLICT', /was refunded in full already/);
  });

  it("the charge.refunded webhook that follows (recordRefund with the same refund id) changes nothing", async () => {
    const order = await paidOrder();
    const refunded = await shop.admin().orders.refund({ id: order.orderId, amount: 700 });
    const again = await recordRefund(h.db, shop.id, order.orderId, { refundId: refunded.refunds[0]!.providerRefundId, amount: 700 });
    expect(again.changed).toBe(false);
    const after = await shop.admin().orders.get({ id: order.orderId });
    expect(after).toMatchObject({ refundedAmount: 700, refundStatus: 'PARTIAL' });
    expect(after.refunds).toHaveLength(1);
  });

  it('a retried request gets the refund Stripe already made (same Idempotency-Key), not a second one', async () => {
    const order = await paidOrder();
    const tdb = await h.db.forTenant(shop.id);
    const row = await tdb.order.findUniqueOrThrow({ where: { id: order.orderId } });
    // The first attempt reached Stripe, then the answer was lost before it was recorded.
    const lost = await stripe.refunds.create(refundParams(shop.id, row, 900), { idempotencyKey: refundIdempotencyKey(row, 900) });
    const retried = await shop.admin().orders.refund({ id: order.orderId, amount: 900 });
    expect(retried.refunds.map((r) => r.providerRefundId)).toEqual([lost.id]);
    expect(await refundedAtStripe(order.paymentIntentId)).toBe(900);
    expect((await h.auditRows(shop.id, 'order.refunded')).filter((a) => a.targetId === order.orderId)).toHaveLength(1);
  });

  it('says so beside the amount when Stripe has less left than Vitrine knows of (a refund made in the Stripe dashboard)', async () => {
    const order = await paidOrder();
    await stripe.refunds.create({ payment_intent: order.paymentIntentId, amount: 3_000 });
    const error = await expectTRPCError(shop.admin().orders.refund({ id: order.orderId, amount: 1_000 }), 'BAD_REQUEST', /Stripe has less than R\$\s?10\.00 left to refund/);
    expect((error.cause as unknown as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['amount']);
    expect((await shop.admin().orders.get({ id: order.orderId })).refundedAmount).toBe(0);
  });

  it('refuses an order without a payment, a zero amount, and a store that has not set up payments', async () => {
    const unpaid = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }]);
    await expectTRPCError(shop.admin().orders.refund({ id: unpaid.orderId }), 'CONFLICT', new RegExp(`^Order #${unpaid.number} has no payment to refund\\.$`));
    await expectTRPCError(shop.admin().orders.refund({ id: unpaid.orderId, amount: 0 }), 'BAD_REQUEST', /Refund an amount above 0/);
    await expectTRPCError(shop.admin().orders.refund({ id: 'missing' }), 'NOT_FOUND', /does not exist in this store/);

    const other = await openShop(h, 'refund-nokeys');
    const placed = await placeOrderFor(other, [{ variantId: other.variants.mug, quantity: 1 }], { pickup: true });
    await markOrderPaid(h.db, other.id, placed.orderId, { paymentIntentId: 'pi_never_at_stripe', amount: placed.total });
    await expectTRPCError(other.admin().orders.refund({ id: placed.orderId }), 'PRECONDITION_FAILED', /has not set up payments yet/);
    expect((await other.admin().orders.get({ id: placed.orderId })).refundedAmount).toBe(0);
  });

  it('refuses a STAFF member without the orders permission, and nothing is refunded', async () => {
    const order = await paidOrder();
    const clerk = await h.createUser('refund-clerk');
    await h.addMember(shop.id, clerk, 'STAFF', ['catalog', 'settings']);
    await expectTRPCError(h.caller(clerk, { tenantId: shop.id }).orders.refund({ id: order.orderId, amount: 100 }), 'FORBIDDEN', /orders:write/);
    expect(await refundedAtStripe(order.paymentIntentId)).toBe(0);
    const packer = await h.createUser('refund-packer');
    await h.addMember(shop.id, packer, 'STAFF', ['orders']);
    expect((await h.caller(packer, { tenantId: shop.id }).orders.refund({ id: order.orderId, amount: 100 })).refundedAmount).toBe(100);
  });
});
