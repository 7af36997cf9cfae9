import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { StripeSandbox } from './index.ts';
import { eventTypes, sdkFor, startTestSandbox, submitCheckoutForm } from './test-support.ts';

let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  stripe = sdkFor(sandbox);
});
afterAll(() => sandbox?.stop());
beforeEach(() => sandbox.reset());

const createSession = (overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      { price_data: { currency: 'brl', unit_amount: 2_500, product_data: { name: 'Caneca azul' } }, quantity: 2 },
      { price_data: { currency: 'brl', unit_amount: 1_000, product_data: { name: 'Frete' } }, quantity: 1 },
    ],
    success_url: 'http://shop.localhost:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://shop.localhost:3000/cart',
    customer_email: 'ana@example.com',
    metadata: { tenant_id: 't_1', order_id: 'o_1' },
    payment_intent_data: { metadata: { tenant_id: 't_1', order_id: 'o_1' } },
    ...overrides,
  });

describe('Checkout Sessions through the official SDK', () => {
  it('creates an open, unpaid session with its total and a hosted page showing the prefilled email', async () => {
    const session = await createSession();
    expect(session).toMatchObject({
      object: 'checkout.session', mode: 'payment', status: 'open', payment_status: 'unpaid', amount_total: 6_000, currency: 'brl',
      customer_email: 'ana@example.com', metadata: { tenant_id: 't_1', order_id: 'o_1' }, payment_intent: null, livemode: false,
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${sandbox.url}/c/pay/${session.id}`);
    expect(session.expires_at - session.created).toBe(24 * 3600);

    const page = await fetch(session.url!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('value="ana@example.com"');
    expect(html).toContain('Caneca azul');
    expect(html).toContain('60.00 BRL');

    const fetched = await stripe.checkout.sessions.retrieve(session.id);
    expect(fetched).toEqual(session);
  });

  it('4242 pays: the session completes, a PaymentIntent and charge exist, the browser goes to success_url', async () => {
    const session = await createSession();
    const response = await submitCheckoutForm(session.url!, { cardNumber: '4242 4242 4242 4242', email: 'ana@example.com' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`http://shop.localhost:3000/checkout/success?session_id=${session.id}`);

    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid', url: null, customer_details: { email: 'ana@example.com' } });
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 6_000, amount_received: 6_000, currency: 'brl', metadata: { tenant_id: 't_1', order_id: 'o_1' } });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ status: 'succeeded', paid: true, amount: 6_000, payment_intent: intent.id, amount_refunded: 0, metadata: { order_id: 'o_1' } });
    expect(charge.payment_method_details?.card?.last4).toBe('4242');
    expect(eventTypes(sandbox)).toEqual(['payment_intent.succeeded', 'checkout.session.completed']);

    // Paying again is impossible; the page says it is paid.
    const again = await submitCheckoutForm(session.url!, { cardNumber: '4242424242424242' });
    expect(await again.text()).toContain('Payment complete');
  });

  it('4000 0000 0000 0002 is declined and …9995 has insufficient funds; the session stays open until a good card pays', async () => {
    const session = await createSession();
    const declined = await submitCheckoutForm(session.url!, { cardNumber: '4000 0000 0000 0002' });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('Your card was declined.');
    let current = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(current).toMatchObject({ status: 'open', payment_status: 'unpaid' });
    let intent = current.payment_intent as Stripe.PaymentIntent;
    expect(intent.status).toBe('requires_payment_method');
    expect(intent.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' });

    const insufficient = await submitCheckoutForm(session.url!, { cardNumber: '4000000000009995' });
    expect(insufficient.status).toBe(402);
    expect(await insufficient.text()).toContain('insufficient funds');
    intent = await stripe.paymentIntents.retrieve(intent.id);
    expect(intent.last_payment_error?.decline_code).toBe('insufficient_funds');

    const paid = await submitCheckoutForm(session.url!, { cardNumber: '4242424242424242' });
    expect(paid.status).toBe(303);
    current = await stripe.checkout.sessions.retrieve(session.id);
    expect(current.status).toBe('complete');
    expect(current.payment_intent).toBe(intent.id);
    expect(eventTypes(sandbox)).toEqual(['payment_intent.payment_failed', 'payment_intent.payment_failed', 'payment_intent.succeeded', 'checkout.session.completed']);
  });

  it('refuses an invalid form without charging anything', async () => {
    const session = await createSession();
    for (const fields of [
      { cardNumber: '4242424242424241' },
      { cardNumber: '4242424242424242', cardExpiry: '01 / 20' },
      { cardNumber: '4242424242424242', cardCvc: '1' },
      { cardNumber: '4242424242424242', email: 'not-an-email' },
    ]) {
      const response = await submitCheckoutForm(session.url!, fields);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('class="error"');
    }
    expect(sandbox.events()).toHaveLength(0);
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_intent).toBeNull();
  });

  it('expires an open session (checkout.session.expired) and refuses to expire it twice', async () => {
    const session = await createSession();
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', url: null });
    expect((await fetch(`${sandbox.url}/c/pay/${session.id}`)).status).toBe(410);
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 });
    expect(eventTypes(sandbox)).toEqual(['checkout.session.expired']);
  });

  it('adds the first fixed-amount shipping option to the total, and accepts the collection options Stripe accepts', async () => {
    const session = await createSession({
      shipping_options: [{ shipping_rate_data: { display_name: 'PAC', type: 'fixed_amount', fixed_amount: { amount: 1_990, currency: 'brl' } } }],
      shipping_address_collection: { allowed_countries: ['BR'] },
      phone_number_collection: { enabled: true },
    });
    expect(session).toMatchObject({ amount_subtotal: 6_000, amount_total: 7_990, total_details: { amount_shipping: 1_990 }, shipping_cost: { amount_total: 1_990 } });
    expect(await (await fetch(session.url!)).text()).toContain('19.90 BRL');
    await submitCheckoutForm(session.url!, { cardNumber: '4242424242424242' });
    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect((paid.payment_intent as Stripe.PaymentIntent).amount).toBe(7_990);
  });

  it('lists sessions by payment_intent', async () => {
    const session = await createSession();
    await submitCheckoutForm(session.url!, { cardNumber: '4242424242424242' });
    await createSession();
    const intent = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    const found = await stripe.checkout.sessions.list({ payment_intent: intent });
    expect(found.data.map((s) => s.id)).toEqual([session.id]);
  });
});

describe('errors in Stripe shape', () => {
  it('404 resource_missing for an unknown session', async () => {
    await expect(stripe.checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing', param: 'id', message: "No such checkout.session: 'cs_test_nope'",
    });
  });

  it('400 parameter_missing, parameter_invalid_integer and parameter_unknown', async () => {
    await expect(stripe.checkout.sessions.create({ mode: 'payment', success_url: 'http://x.test/ok' })).rejects.toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'line_items' });
    await expect(createSession({
      line_items: [{ price_data: { currency: 'brl', unit_amount: 'lots' as unknown as number, product_data: { name: 'X' } }, quantity: 1 }],
    })).rejects.toMatchObject({ statusCode: 400, code: 'parameter_invalid_integer', param: 'line_items[0][price_data][unit_amount]' });
    await expect(createSession({ line_items: [{ price_data: { currency: 'brl', unit_amount: 100, product_data: { name: 'X' } } }] }))
      .rejects.toMatchObject({ code: 'parameter_missing', param: 'line_items[0][quantity]' });
    await expect(stripe.customers.create({ colour: 'blue' } as Stripe.CustomerCreateParams)).rejects.toMatchObject({ code: 'parameter_unknown', param: 'colour' });
  });

  it('401 for a missing or wrong key', async () => {
    await expect(sdkFor(sandbox, 'sk_test_wrong_key_123456').customers.create({})).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    const response = await fetch(`${sandbox.url}/v1/customers`, { method: 'POST' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringContaining('did not provide an API key') } });
  });
});
