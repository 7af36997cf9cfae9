import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { createPrismaClient, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, type TestDatabase } from '@vitrine/db/testing';
import { STRIPE_API_VERSION } from '@vitrine/payments';
import type * as WebhookRoute from '../../app/api/webhooks/stripe/route.ts';
import { isSharedPath } from '../routing/host-route.ts';

/** The Next route itself (Request in, Response out) on a fresh database; intake and processing are tested in @vitrine/payments. */

const SECRET = 'whsec_route_test_secret_0123456789';

let t: TestDatabase;
let owner: PrismaClient;
let route: typeof WebhookRoute;

beforeAll(async () => {
  t = await createTestDatabase('web_stripe_webhook');
  owner = createPrismaClient(t.ownerUrl, { maxConnections: 2 });
  Object.assign(process.env, {
    DATABASE_URL: t.ownerUrl,
    APP_DATABASE_URL: t.appUrl,
    REDIS_URL: 'redis://127.0.0.1:6379',
    PLATFORM_DOMAIN: 'localhost',
    APP_URL: 'http://localhost:3000',
    AUTH_SECRET: 'route-test-auth-secret-0123456789abcdef',
    DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    ML_CLIENT_ID: '1234567890123456',
    ML_CLIENT_SECRET: 'sandbox-secret',
    ML_REDIRECT_URI: 'http://localhost:3000/api/mercadolivre/callback',
    ML_WEBHOOK_SECRET: 'route-test-webhook-secret-0123456789',
    STRIPE_WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: 'silent',
  });
  route = await import('../../app/api/webhooks/stripe/route.ts');
}, 120_000);

afterAll(async () => {
  try {
    if (route) await (await import('./db.ts')).getDb().disconnect();
  } finally {
    await owner?.$disconnect();
    await t?.drop();
  }
});

const eventBody = (id: string) =>
  JSON.stringify({
    id, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), livemode: false, api_version: STRIPE_API_VERSION,
    pending_webhooks: 1, request: { id: null, idempotency_key: null },
    data: { object: { id: 'cs_test_route', object: 'checkout.session', metadata: { tenant_id: 't_route', order_id: 'o1' } } },
  }, null, 2);

const post = (body: string, signature?: string) =>
  route.POST(new Request('http://localhost:3000/api/webhooks/stripe', {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...(signature ? { 'stripe-signature': signature } : {}) },
    body,
  }));

const sign = (body: string, secret = SECRET) => Stripe.webhooks.generateTestHeaderString({ payload: body, secret });

describe('POST /api/webhooks/stripe', () => {
  it('is a dynamic Node route that the proxy passes through', () => {
    expect(route.dynamic).toBe('force-dynamic');
    expect(route.runtime).toBe('nodejs');
    expect(isSharedPath('/api/webhooks/stripe')).toBe(true);
  });

  it('stores a signed event and its job, answers 200; a redelivery answers 200 and enqueues nothing', async () => {
    const body = eventBody('evt_route_1');
    const response = await post(body, sign(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });
    const rows = await owner.$queryRaw<Array<{ tenant_id: string; type: string }>>`SELECT tenant_id, type FROM webhook_events WHERE event_id = 'evt_route_1'`;
    expect(rows).toEqual([{ tenant_id: 't_route', type: 'checkout.session.completed' }]);

    const again = await post(body, sign(body));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    const [jobs] = await owner.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM outbox_jobs WHERE name = 'stripe.event' AND job_id = 'stripe-evt-evt_route_1'`;
    expect(jobs!.n).toBe(1);
  });

  it('answers 400 with a short sentence for a missing, forged or stale signature, and stores nothing', async () => {
    const body = eventBody('evt_route_bad');
    const missing = await post(body);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: 'The Stripe-Signature header is missing.' });
    const forged = await post(body, sign(body, 'whsec_not_ours'));
    expect(forged.status).toBe(400);
    expect(await forged.json()).toEqual({ error: 'The Stripe signature does not match this body, or it is too old.' });
    const stale = await post(body, Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 600 }));
    expect(stale.status).toBe(400);
    const tampered = await post(body.replace('o1', 'o2'), sign(body));
    expect(tampered.status).toBe(400);
    const [count] = await owner.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM webhook_events WHERE event_id = 'evt_route_bad'`;
    expect(count!.n).toBe(0);
  });
});
