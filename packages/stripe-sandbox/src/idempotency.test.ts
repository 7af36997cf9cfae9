import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import type { StripeSandbox } from './index.ts';
import { sdkFor, startTestSandbox, TEST_SECRET_KEY } from './test-support.ts';

let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  stripe = sdkFor(sandbox);
});
afterAll(() => sandbox?.stop());

const postForm = (path: string, form: Record<string, string>, key: string) =>
  fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_SECRET_KEY}`, 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key },
    body: new URLSearchParams(form).toString(),
  });

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, creating nothing new', async () => {
    const first = await stripe.customers.create({ email: 'a@example.com', metadata: { tenant_id: 't1' } }, { idempotencyKey: 'cust-create-1' });
    const second = await stripe.customers.create({ email: 'a@example.com', metadata: { tenant_id: 't1' } }, { idempotencyKey: 'cust-create-1' });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    const third = await stripe.customers.create({ email: 'a@example.com', metadata: { tenant_id: 't1' } }, { idempotencyKey: 'cust-create-2' });
    expect(third.id).not.toBe(first.id);
  });

  it('treats the same parameters in another order as the same request', async () => {
    const a = await postForm('/v1/customers', { email: 'b@example.com', name: 'B' }, 'order-1');
    const b = await fetch(`${sandbox.url}/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_SECRET_KEY}`, 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'order-1' },
      body: 'name=B&email=b%40example.com',
    });
    expect(b.status).toBe(200);
    expect(((await b.json()) as { id: string }).id).toBe(((await a.json()) as { id: string }).id);
  });

  it('answers 400 idempotency_error when the key is reused with different parameters', async () => {
    await stripe.customers.create({ email: 'c@example.com' }, { idempotencyKey: 'cust-mismatch' });
    const error = await stripe.customers.create({ email: 'other@example.com' }, { idempotencyKey: 'cust-mismatch' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
    expect((error as Error).message).toContain("Try using a key other than 'cust-mismatch'");
  });

  it('replays a stored error too, but does not store a request that failed validation', async () => {
    const missing = await stripe.refunds.create({ payment_intent: 'pi_missing' }, { idempotencyKey: 'refund-1' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const replayed = await stripe.refunds.create({ payment_intent: 'pi_missing' }, { idempotencyKey: 'refund-1' }).catch((e: unknown) => e);
    expect(replayed).toMatchObject({ statusCode: 404, code: 'resource_missing', headers: expect.objectContaining({ 'idempotent-replayed': 'true' }) });

    const invalid = await postForm('/v1/payment_intents', { amount: 'ten', currency: 'brl' }, 'pi-1');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'parameter_invalid_integer', param: 'amount' } });
    const valid = await postForm('/v1/payment_intents', { amount: '1000', currency: 'brl' }, 'pi-1');
    expect(valid.status).toBe(200);
    expect(await valid.json()).toMatchObject({ object: 'payment_intent', amount: 1000, status: 'requires_payment_method' });
  });
});
