import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeSandbox, type StripeSandbox } from '@vitrine/stripe-sandbox';
import { endpointOptions, STRIPE_API_VERSION, stripeClient } from './client.ts';
import { StripeConfigError, stripeEnv, stripeWebhookSecret } from './env.ts';

let sandbox: StripeSandbox;

beforeAll(async () => {
  sandbox = await startStripeSandbox({ secretKey: 'sk_test_payments_client_tests' });
});
afterAll(() => sandbox?.stop());

describe('stripeClient', () => {
  it('points the official SDK at STRIPE_API_BASE and talks to it with the pinned API version', async () => {
    const stripe = stripeClient({ secretKey: 'sk_test_payments_client_tests', apiBase: sandbox.url });
    const customer = await stripe.customers.create({ email: 'a@example.com', metadata: { tenant_id: 't1' } });
    expect(customer).toMatchObject({ object: 'customer', email: 'a@example.com' });
    expect(STRIPE_API_VERSION).toBe((await import('stripe')).default.API_VERSION);
    expect(stripe.getApiField('version')).toBe(STRIPE_API_VERSION);
    expect(stripe.getApiField('timeout')).toBe(20_000);
    expect(stripe.getMaxNetworkRetries()).toBe(2);
  });

  it('talks to Stripe itself when no base is set', () => {
    const stripe = stripeClient({ secretKey: 'sk_test_x' });
    expect(stripe.getApiField('host')).toBe('api.stripe.com');
    expect(stripe.getApiField('protocol')).toBe('https');
  });

  it('reads host, port and protocol from the base URL', () => {
    expect(endpointOptions('http://127.0.0.1:12111')).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
    expect(endpointOptions('https://stripe.internal')).toEqual({ host: 'stripe.internal', port: 443, protocol: 'https' });
    expect(() => endpointOptions('http://127.0.0.1:12111/v1')).toThrow(/without a path/);
  });
});

describe('Stripe environment', () => {
  const good = { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' };

  it('accepts test keys with or without a base URL ("" counts as unset)', () => {
    expect(stripeEnv(good)).toEqual({ ...good, STRIPE_API_BASE: undefined });
    expect(stripeEnv({ ...good, STRIPE_API_BASE: '' }).STRIPE_API_BASE).toBeUndefined();
    expect(stripeEnv({ ...good, STRIPE_API_BASE: 'http://127.0.0.1:12111' }).STRIPE_API_BASE).toBe('http://127.0.0.1:12111');
  });

  it('names the variable that is wrong', () => {
    expect(() => stripeEnv({ ...good, STRIPE_SECRET_KEY: 'pk_test_abc' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => stripeEnv({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toThrow(StripeConfigError);
    expect(() => stripeEnv({ ...good, STRIPE_API_BASE: 'ftp://x' })).toThrow(/STRIPE_API_BASE/);
    expect(() => stripeEnv({ ...good, STRIPE_API_BASE: 'http://127.0.0.1:1/v1' })).toThrow(/without a path/);
    expect(stripeWebhookSecret({ STRIPE_WEBHOOK_SECRET: 'whsec_only' })).toBe('whsec_only');
    expect(() => stripeWebhookSecret({})).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });
});
