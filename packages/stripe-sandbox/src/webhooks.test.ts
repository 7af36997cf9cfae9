import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import type { StripeSandbox } from './index.ts';
import { sdkFor, startTestSandbox, startWebhookReceiver, submitCheckoutForm, TEST_WEBHOOK_SECRET, type WebhookReceiver } from './test-support.ts';

let sandbox: StripeSandbox;
let stripe: Stripe;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startTestSandbox({ webhookUrl: receiver.url });
  stripe = sdkFor(sandbox);
});
afterAll(async () => {
  await sandbox?.stop();
  await receiver?.close();
});
beforeEach(() => {
  sandbox.reset();
  receiver.received.length = 0;
});

async function paidCheckout(): Promise<Stripe.Checkout.Session> {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment', success_url: 'http://shop.test/ok', metadata: { tenant_id: 't_1' },
    line_items: [{ price_data: { currency: 'brl', unit_amount: 1_500, product_data: { name: 'Vela' } }, quantity: 1 }],
  });
  await submitCheckoutForm(session.url!, { cardNumber: '4242424242424242' });
  return session;
}

describe('webhook delivery', () => {
  it('posts signed events that constructEvent verifies with the endpoint secret', async () => {
    const session = await paidCheckout();
    await sandbox.deliveriesIdle();
    expect(receiver.received).toHaveLength(2);
    const events = receiver.received.map((r) => stripe.webhooks.constructEvent(r.body, r.signature, TEST_WEBHOOK_SECRET));
    expect(events.map((e) => e.type).sort()).toEqual(['checkout.session.completed', 'payment_intent.succeeded']);
    const completed = events.find((e) => e.type === 'checkout.session.completed') as Stripe.CheckoutSessionCompletedEvent;
    expect(completed).toMatchObject({ object: 'event', livemode: false, api_version: Stripe.API_VERSION, pending_webhooks: 1 });
    expect(completed.id).toMatch(/^evt_/);
    expect(completed.data.object).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid', metadata: { tenant_id: 't_1' } });
    expect(receiver.received[0]!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(sandbox.events().every((r) => r.delivered && r.attempts.length === 1)).toBe(true);
  });

  it('a tampered body, a wrong secret or an old timestamp is refused by constructEvent', async () => {
    await paidCheckout();
    await sandbox.deliveriesIdle();
    const { body, signature } = receiver.received[0]!;
    const tampered = body.replace('"livemode": false', '"livemode": true');
    expect(tampered).not.toBe(body);
    expect(() => stripe.webhooks.constructEvent(tampered, signature, TEST_WEBHOOK_SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(body, signature, 'whsec_someone_else')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    const timestamp = Number(/t=(\d+)/.exec(signature)![1]);
    expect(() => stripe.webhooks.constructEvent(body, signature, TEST_WEBHOOK_SECRET, 300, undefined, (timestamp + 301) * 1000)).toThrow(/Timestamp outside the tolerance zone/);
  });

  it('retries with backoff until the endpoint answers 2xx, and resends on request', async () => {
    receiver.failNext(2, 503);
    const customer = await stripe.customers.create({ payment_method: 'pm_card_visa', invoice_settings: { default_payment_method: 'pm_card_visa' } });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: 'price_test_basic_monthly' }] });
    await sandbox.deliveriesIdle();
    const records = sandbox.events();
    expect(records.every((r) => r.delivered)).toBe(true);
    const totalAttempts = records.reduce((sum, r) => sum + r.attempts.length, 0);
    expect(totalAttempts).toBe(records.length + 2);
    expect(records.flatMap((r) => r.attempts.map((a) => a.status)).filter((s) => s === 503)).toHaveLength(2);

    const created = records.find((r) => r.event.type === 'customer.subscription.created')!;
    const before = receiver.received.length;
    const response = await fetch(`${sandbox.url}/_sandbox/events/${created.event.id}/resend`, { method: 'POST' });
    expect(response.status).toBe(200);
    await sandbox.deliveriesIdle();
    expect(receiver.received.length).toBe(before + 1);
    const resent = stripe.webhooks.constructEvent(receiver.received.at(-1)!.body, receiver.received.at(-1)!.signature, TEST_WEBHOOK_SECRET);
    expect(resent.id).toBe(created.event.id);
    expect((resent.data.object as Stripe.Subscription).id).toBe(sub.id);
  });

  it('gives up after the retry schedule and records every attempt', async () => {
    receiver.failNext(100, 500);
    await stripe.paymentIntents.create({ amount: 100, currency: 'brl' });
    await sandbox.deliveriesIdle();
    const [record] = sandbox.events();
    expect(record).toMatchObject({ delivered: false, done: true });
    expect(record!.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500]);
    receiver.failNext(0);
  });

  it('lists events over the control API, filtered by type', async () => {
    await paidCheckout();
    await sandbox.deliveriesIdle();
    const response = await fetch(`${sandbox.url}/_sandbox/events?type=checkout.session.completed`);
    const listed = (await response.json()) as { data: { type: string; delivered: boolean }[] };
    expect(listed.data).toEqual([expect.objectContaining({ type: 'checkout.session.completed', delivered: true })]);
  });
});
