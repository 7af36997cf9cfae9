import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { StripeWebhookError, verifyStripeWebhook } from './webhook.ts';

const SECRET = 'whsec_payments_webhook_tests';
const event = { id: 'evt_1', object: 'event', type: 'checkout.session.completed', created: 1, livemode: false, api_version: Stripe.API_VERSION, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object: { id: 'cs_test_1', object: 'checkout.session', metadata: { tenant_id: 't1' } } } };
const body = JSON.stringify(event, null, 2);
const sign = (payload: string, secret = SECRET, timestamp?: number) => Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof StripeWebhookError) return error.reason;
    throw error;
  }
  return 'accepted';
};

describe('verifyStripeWebhook', () => {
  it('returns the typed event for a body signed with the endpoint secret (string or bytes)', () => {
    expect(verifyStripeWebhook(body, sign(body), SECRET)).toMatchObject({ id: 'evt_1', type: 'checkout.session.completed' });
    expect(verifyStripeWebhook(new TextEncoder().encode(body), sign(body), SECRET).id).toBe('evt_1');
  });

  it('refuses a missing header, another secret, a tampered body and an old signature', () => {
    expect(reasonOf(() => verifyStripeWebhook(body, null, SECRET))).toBe('missing_signature');
    expect(reasonOf(() => verifyStripeWebhook(body, sign(body, 'whsec_other'), SECRET))).toBe('invalid_signature');
    expect(reasonOf(() => verifyStripeWebhook(body.replace('t1', 't2'), sign(body), SECRET))).toBe('invalid_signature');
    expect(reasonOf(() => verifyStripeWebhook(body, sign(body, SECRET, Math.floor(Date.now() / 1000) - 301), SECRET))).toBe('invalid_signature');
    expect(reasonOf(() => verifyStripeWebhook(body, 'garbage', SECRET))).toBe('invalid_signature');
  });

  it('refuses a correctly signed body that is not an event', () => {
    const notEvent = JSON.stringify({ hello: 'world' });
    expect(reasonOf(() => verifyStripeWebhook(notEvent, sign(notEvent), SECRET))).toBe('invalid_payload');
    expect(reasonOf(() => verifyStripeWebhook('{not json', sign('{not json'), SECRET))).toBe('invalid_payload');
  });
});
