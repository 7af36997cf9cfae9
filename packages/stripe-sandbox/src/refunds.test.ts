import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { StripeSandbox } from './index.ts';
import { eventTypes, sdkFor, startTestSandbox } from './test-support.ts';

let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  stripe = sdkFor(sandbox);
});
afterAll(() => sandbox?.stop());

async function paidIntent(amount: number): Promise<Stripe.PaymentIntent> {
  const intent = await stripe.paymentIntents.create({ amount, currency: 'brl', metadata: { order_id: 'o9' }, automatic_payment_methods: { enabled: true } });
  expect(intent).toMatchObject({ status: 'requires_payment_method', amount, client_secret: expect.stringMatching(/^pi_\w+_secret_/) });
  const confirmed = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
  expect(confirmed.status).toBe('succeeded');
  return confirmed;
}

describe('PaymentIntents', () => {
  it('a declined test payment method answers 402 card_error and leaves the intent payable', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 500, currency: 'brl' });
    const error = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'StripeCardError', statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');
    expect((await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' })).status).toBe('succeeded');
  });
});

describe('refunds', () => {
  it('refunds part, refuses more than what remains, then refunds the rest; nothing is left to refund after', async () => {
    sandbox.reset();
    const intent = await paidIntent(1_000);
    const partial = await stripe.refunds.create({ payment_intent: intent.id, amount: 300, metadata: { reason_code: 'damaged' } });
    expect(partial).toMatchObject({ object: 'refund', amount: 300, status: 'succeeded', payment_intent: intent.id, charge: intent.latest_charge, metadata: { reason_code: 'damaged' } });
    let charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 300, refunded: false });

    const tooMuch = await stripe.refunds.create({ payment_intent: intent.id, amount: 701 }).catch((e: unknown) => e);
    expect(tooMuch).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, code: 'amount_too_large', param: 'amount' });
    expect((tooMuch as Error).message).toContain('greater than unrefunded amount on charge (7.00 BRL)');

    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(700);
    charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 1_000, refunded: true });
    expect(await stripe.refunds.retrieve(partial.id)).toEqual(partial);

    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 1 })).rejects.toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    const refundedEvents = sandbox.events().filter((r) => r.event.type === 'charge.refunded');
    expect(refundedEvents.map((r) => (r.event.data.object as Stripe.Charge).amount_refunded)).toEqual([300, 1_000]);
    expect(refundedEvents[1]!.event.data.previous_attributes).toEqual({ amount_refunded: 300, refunded: false });
    expect(eventTypes(sandbox).filter((t) => t.startsWith('refund.'))).toEqual(['refund.created', 'refund.created']);
  });

  it('refuses to refund an intent that has not been paid, and a non-positive amount', async () => {
    const unpaid = await stripe.paymentIntents.create({ amount: 900, currency: 'brl' });
    await expect(stripe.refunds.create({ payment_intent: unpaid.id })).rejects.toMatchObject({ statusCode: 400, param: 'payment_intent' });
    const paid = await paidIntent(900);
    await expect(stripe.refunds.create({ payment_intent: paid.id, amount: 0 })).rejects.toMatchObject({ statusCode: 400, code: 'parameter_invalid_integer', param: 'amount' });
    await expect(stripe.refunds.create({})).rejects.toMatchObject({ statusCode: 400, code: 'parameter_missing' });
    await expect(stripe.refunds.retrieve('re_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
