import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
beforeEach(() => sandbox.reset());

const customerWithCard = (paymentMethod = 'pm_card_visa') =>
  stripe.customers.create({
    email: 'owner@loja.test', name: 'Loja Aurora', metadata: { tenant_id: 't_aurora' },
    payment_method: paymentMethod, invoice_settings: { default_payment_method: paymentMethod },
  });

const item = (sub: Stripe.Subscription) => sub.items.data[0]!;

describe('subscriptions through the official SDK', () => {
  it('creates an active subscription whose first invoice is paid, and lists the invoices by customer', async () => {
    const customer = await customerWithCard();
    expect(customer).toMatchObject({ object: 'customer', email: 'owner@loja.test', metadata: { tenant_id: 't_aurora' } });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: 'price_test_basic_monthly' }], metadata: { tenant_id: 't_aurora' }, expand: ['latest_invoice'] });
    expect(sub).toMatchObject({ object: 'subscription', status: 'active', customer: customer.id, currency: 'brl', cancel_at_period_end: false, metadata: { tenant_id: 't_aurora' } });
    expect(item(sub).price.id).toBe('price_test_basic_monthly');
    expect(item(sub).current_period_end).toBeGreaterThan(item(sub).current_period_start + 27 * 86_400);
    const invoice = sub.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: 3_000, billing_reason: 'subscription_create', parent: { subscription_details: { subscription: sub.id, metadata: { tenant_id: 't_aurora' } } } });

    const invoices = await stripe.invoices.list({ customer: customer.id });
    expect(invoices.data.map((i) => i.id)).toEqual([invoice.id]);
    expect(eventTypes(sandbox)).toEqual(['payment_intent.succeeded', 'customer.subscription.created', 'invoice.paid']);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');
  });

  it('starts a trial without charging; the trial ends at the period end and the first real invoice is charged', async () => {
    const customer = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: 'price_test_pro_monthly' }], trial_period_days: 14 });
    expect(sub).toMatchObject({ status: 'trialing' });
    expect(sub.trial_end! - sub.trial_start!).toBe(14 * 86_400);
    expect(item(sub).current_period_end).toBe(sub.trial_end);
    const { subscription, invoice } = sandbox.advanceSubscription(sub.id);
    expect(subscription.status).toBe('active');
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: 9_000, billing_reason: 'subscription_cycle' });
    const updated = sandbox.events().filter((r) => r.event.type === 'customer.subscription.updated').at(-1)!;
    expect(updated.event.data.previous_attributes).toMatchObject({ status: 'trialing' });
  });

  it('a customer without a card gets an incomplete subscription with an open invoice', async () => {
    const customer = await stripe.customers.create({ email: 'nocard@loja.test' });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: 'price_test_basic_monthly' }] });
    expect(sub.status).toBe('incomplete');
    expect((await stripe.invoices.retrieve(sub.latest_invoice as string)).status).toBe('open');
  });

  it('changes price with always_invoice (proration charged now) and create_prorations (added to the next invoice)', async () => {
    const customer = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: 'price_test_basic_monthly' }] });
    const upgraded = await stripe.subscriptions.update(sub.id, { items: [{ id: item(sub).id, price: 'price_test_pro_monthly' }], proration_behavior: 'always_invoice' });
    expect(item(upgraded).price.id).toBe('price_test_pro_monthly');
    const proration = await stripe.invoices.retrieve(upgraded.latest_invoice as string);
    expect(proration).toMatchObject({ billing_reason: 'subscription_update', status: 'paid' });
    // Almost the whole period remains: about 90.00 - 30.00.
    expect(proration.total).toBeGreaterThan(5_900);
    expect(proration.total).toBeLessThanOrEqual(6_000);
    expect(proration.lines.data.map((l) => l.parent?.subscription_item_details?.proration)).toEqual([true, true]);
    const updatedEvent = sandbox.events().find((r) => r.event.type === 'customer.subscription.updated')!;
    expect(Object.keys(updatedEvent.event.data.previous_attributes!)).toContain('items');

    const downgraded = await stripe.subscriptions.update(sub.id, { items: [{ id: item(sub).id, price: 'price_test_basic_monthly' }], proration_behavior: 'create_prorations' });
    expect(downgraded.latest_invoice).toBe(upgraded.latest_invoice);
    const { invoice } = sandbox.advanceSubscription(sub.id);
    expect(invoice!.lines.data).toHaveLength(3);
    expect(invoice!.total).toBeLessThan(3_000);

    await expect(stripe.subscriptions.update(sub.id, { items: [{ price: 'price_test_pro_monthly' }] })).rejects.toMatchObject({ statusCode: 400, param: 'items[0][id]' });
    await expect(stripe.subscriptions.update(sub.id, { proration_behavior: 'sometimes' as 'none' })).rejects.toMatchObject({ statusCode: 400, param: 'proration_behavior' });
  });

  it('cancel_at_period_end keeps it active until the period ends; DELETE cancels at once', async () => {
    const customer = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: 'price_test_basic_monthly' }] });
    const scheduled = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    expect(scheduled).toMatchObject({ status: 'active', cancel_at_period_end: true, cancel_at: item(sub).current_period_end });
    const { subscription } = sandbox.advanceSubscription(sub.id);
    expect(subscription).toMatchObject({ status: 'canceled', ended_at: item(sub).current_period_end });

    const other = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: 'price_test_basic_monthly' }] });
    const canceled = await stripe.subscriptions.cancel(other.id);
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_details: { reason: 'cancellation_requested' } });
    await expect(stripe.subscriptions.update(other.id, { cancel_at_period_end: true })).rejects.toMatchObject({ statusCode: 400 });
    expect(eventTypes(sandbox).filter((t) => t === 'customer.subscription.deleted')).toHaveLength(2);
    await expect(stripe.subscriptions.retrieve('sub_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('a renewal declined by the card makes it past_due (invoice.payment_failed); paying the invoice brings it back', async () => {
    const customer = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: 'price_test_basic_monthly' }] });
    const { subscription, invoice } = sandbox.advanceSubscription(sub.id, '4000000000009995');
    expect(subscription.status).toBe('past_due');
    expect(invoice).toMatchObject({ status: 'open', attempt_count: 1, attempted: true });
    expect(eventTypes(sandbox).at(-1)).toBe('invoice.payment_failed');

    const response = await fetch(`${sandbox.url}/_sandbox/invoices/${invoice!.id}/pay`, { method: 'POST', body: JSON.stringify({ card: '4242424242424242' }) });
    expect(response.status).toBe(200);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');
    expect(eventTypes(sandbox).slice(-2)).toEqual(['invoice.paid', 'customer.subscription.updated']);
  });

  it('creates prices and a billing portal session whose page lists the subscriptions', async () => {
    const price = await stripe.prices.create({ currency: 'brl', unit_amount: 1_990, recurring: { interval: 'month' }, product_data: { name: 'Extra' }, lookup_key: 'extra_monthly' });
    expect(price).toMatchObject({ object: 'price', type: 'recurring', unit_amount: 1_990, recurring: { interval: 'month', interval_count: 1 } });
    expect((await stripe.prices.list({ lookup_keys: ['extra_monthly'] })).data.map((p) => p.id)).toEqual([price.id]);
    const customer = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: 'http://localhost:3000/admin/billing' });
    expect(portal).toMatchObject({ object: 'billing_portal.session', customer: customer.id, return_url: 'http://localhost:3000/admin/billing' });
    const page = await (await fetch(portal.url)).text();
    expect(page).toContain(sub.id);
    expect(page).toContain('href="http://localhost:3000/admin/billing"');
    await expect(stripe.billingPortal.sessions.create({ customer: 'cus_missing' })).rejects.toMatchObject({ statusCode: 404, param: 'customer' });
  });
});
