import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { createDatabase, type Database } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { startStripeSandbox, type StripeSandbox } from '@vitrine/stripe-sandbox';
import { stripeClient } from '../client.ts';
import type { StripeEventHandlers } from './handlers.ts';
import { handleStripeWebhook } from './http.ts';
import { storeStripeEvent } from './intake.ts';
import { processStripeEvent } from './process.ts';

const SECRET = 'whsec_payments_events_tests';
let testDb: TestDatabase;
let db: Database;
let tenantId: string;

beforeAll(async () => {
  testDb = await createTestDatabase('payments_events');
  db = createDatabase({ appDatabaseUrl: testDb.appUrl, keyRing: testKeyRing() });
  await db.platform.plan.upsert({ where: { code: 'free' }, create: { code: 'free', name: 'Free' }, update: {} });
  tenantId = (await db.platform.tenant.create({ data: { slug: `pay-${Date.now()}`, name: 'Payments test' } })).id;
});

afterAll(async () => {
  await db?.disconnect();
  await testDb?.drop();
});

let counter = 0;
function event(type: string, object: Record<string, unknown>): Stripe.Event {
  counter += 1;
  return {
    id: `evt_test_${Date.now()}_${counter}`, object: 'event', type, created: Math.floor(Date.now() / 1000), livemode: false,
    api_version: Stripe.API_VERSION, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object },
  } as unknown as Stripe.Event;
}

const signedRequest = (e: Stripe.Event, secret = SECRET) => {
  const body = JSON.stringify(e, null, 2);
  return { rawBody: new TextEncoder().encode(body), signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret }), secret: SECRET };
};

const outboxFor = (webhookEventId: string) =>
  db.platform.outboxJob.findMany({ where: { queue: 'payments', name: 'stripe.event', payload: { equals: { webhookEventId } } } });

describe('intake: verify → store → enqueue', () => {
  it('stores a verified event with its tenant and one outbox job in the same transaction; a duplicate stores and enqueues nothing', async () => {
    const e = event('checkout.session.completed', { id: 'cs_test_1', object: 'checkout.session', metadata: { tenant_id: tenantId, order_id: 'o1' } });
    const first = await handleStripeWebhook(db, signedRequest(e));
    expect(first).toMatchObject({ status: 200, body: { received: true, duplicate: false } });
    const row = await db.platform.webhookEvent.findUniqueOrThrow({ where: { provider_eventId: { provider: 'stripe', eventId: e.id } } });
    expect(row).toMatchObject({ type: 'checkout.session.completed', tenantId, processedAt: null, attempts: 0, lastError: null });
    expect((row.payload as { id: string }).id).toBe(e.id);
    const jobs = await outboxFor(row.id);
    expect(jobs).toEqual([expect.objectContaining({ jobId: `stripe-evt-${e.id}`, tenantId, relayedAt: null })]);

    const again = await handleStripeWebhook(db, signedRequest(e));
    expect(again).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
    expect(await db.platform.webhookEvent.count({ where: { eventId: e.id } })).toBe(1);
    expect(await outboxFor(row.id)).toHaveLength(1);
  });

  it('takes the tenant from the subscription metadata of an invoice, and none from an event without metadata', async () => {
    const invoice = event('invoice.paid', { id: 'in_1', object: 'invoice', metadata: {}, parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_1', metadata: { tenant_id: tenantId } } } });
    const stored = await storeStripeEvent(db, invoice);
    expect(stored).toMatchObject({ duplicate: false, tenantId });
    const platform = await storeStripeEvent(db, event('price.created', { id: 'price_1', object: 'price', metadata: {} }));
    expect(platform).toMatchObject({ duplicate: false, tenantId: null });
  });

  it('answers 400 with a sentence for a missing or bad signature and stores nothing', async () => {
    const e = event('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent', metadata: {} });
    const missing = await handleStripeWebhook(db, { ...signedRequest(e), signature: null });
    expect(missing).toEqual({ status: 400, body: { error: 'The Stripe-Signature header is missing.' } });
    const forged = await handleStripeWebhook(db, signedRequest(e, 'whsec_attacker'));
    expect(forged.status).toBe(400);
    expect(await db.platform.webhookEvent.count({ where: { eventId: e.id } })).toBe(0);
  });
});

describe('processing: dispatch, exactly once, failures recorded', () => {
  it('runs a store handler once in the tenant scope, with its writes and processed_at in one transaction', async () => {
    let runs = 0;
    const handlers: StripeEventHandlers = {
      'checkout.session.completed': {
        scope: 'tenant',
        handle: async ({ event: e, tenantId: tid, tx }) => {
          runs += 1;
          expect(tid).toBe(tenantId);
          await tx.category.create({ data: { tenantId: tid, name: `Paid ${e.data.object.id}`, slug: `paid-${runs}-${e.id.toLowerCase().replace(/_/g, '-')}` } });
          return `order ${e.data.object.metadata?.order_id} paid`;
        },
      },
    };
    const e = event('checkout.session.completed', { id: 'cs_test_once', object: 'checkout.session', metadata: { tenant_id: tenantId, order_id: 'o42' } });
    const stored = await storeStripeEvent(db, e);
    if (stored.duplicate) throw new Error('unexpected duplicate');
    const first = await processStripeEvent({ db, webhookEventId: stored.webhookEventId, handlers });
    const second = await processStripeEvent({ db, webhookEventId: stored.webhookEventId, handlers });
    expect(first).toEqual({ outcome: 'processed', type: 'checkout.session.completed', note: 'order o42 paid' });
    expect(second).toEqual({ outcome: 'already_processed', type: 'checkout.session.completed' });
    expect(runs).toBe(1);
    const row = await db.platform.webhookEvent.findUniqueOrThrow({ where: { id: stored.webhookEventId } });
    expect(row).toMatchObject({ attempts: 1, note: 'order o42 paid', lastError: null });
    expect(row.processedAt).toBeInstanceOf(Date);
    const tenantDb = await db.forTenant(tenantId);
    expect(await tenantDb.category.count({ where: { name: 'Paid cs_test_once' } })).toBe(1);
  });

  it('two jobs for the same event at the same moment run the handler once', async () => {
    let runs = 0;
    const handlers: StripeEventHandlers = {
      'invoice.paid': { scope: 'platform', handle: async () => { runs += 1; await new Promise((r) => setTimeout(r, 200)); } },
    };
    const stored = await storeStripeEvent(db, event('invoice.paid', { id: 'in_race', object: 'invoice', metadata: {} }));
    if (stored.duplicate) throw new Error('unexpected duplicate');
    const results = await Promise.all([1, 2].map(() => processStripeEvent({ db, webhookEventId: stored.webhookEventId, handlers })));
    expect(results.map((r) => r.outcome).sort()).toEqual(['already_processed', 'processed']);
    expect(runs).toBe(1);
  });

  it('a failing handler leaves the event unprocessed with attempts and last_error, and its writes rolled back; the retry succeeds', async () => {
    let fail = true;
    const handlers: StripeEventHandlers = {
      'charge.refunded': {
        scope: 'tenant',
        handle: async ({ tx, event: e }) => {
          await tx.category.create({ data: { tenantId, name: `Refund ${e.id}`, slug: `refund-${e.id.toLowerCase().replace(/_/g, '-')}` } });
          if (fail) throw new Error('order service unavailable');
        },
      },
    };
    const e = event('charge.refunded', { id: 'ch_1', object: 'charge', metadata: { tenant_id: tenantId } });
    const stored = await storeStripeEvent(db, e);
    if (stored.duplicate) throw new Error('unexpected duplicate');
    await expect(processStripeEvent({ db, webhookEventId: stored.webhookEventId, handlers })).rejects.toThrow('order service unavailable');
    let row = await db.platform.webhookEvent.findUniqueOrThrow({ where: { id: stored.webhookEventId } });
    expect(row).toMatchObject({ processedAt: null, attempts: 1, lastError: 'Error: order service unavailable' });
    const tenantDb = await db.forTenant(tenantId);
    expect(await tenantDb.category.count({ where: { name: `Refund ${e.id}` } })).toBe(0);

    fail = false;
    expect(await processStripeEvent({ db, webhookEventId: stored.webhookEventId, handlers })).toMatchObject({ outcome: 'processed' });
    row = await db.platform.webhookEvent.findUniqueOrThrow({ where: { id: stored.webhookEventId } });
    expect(row).toMatchObject({ attempts: 2, lastError: null });
    expect(await tenantDb.category.count({ where: { name: `Refund ${e.id}` } })).toBe(1);
  });

  it('marks processed with a note: no handler, a store handler without tenant, an unknown tenant', async () => {
    const storeHandler: StripeEventHandlers = { 'checkout.session.expired': { scope: 'tenant', handle: async () => { throw new Error('must not run'); } } };
    const cases = [
      { e: event('customer.created', { id: 'cus_1', object: 'customer', metadata: { tenant_id: tenantId } }), note: /No handler for customer\.created/ },
      { e: event('checkout.session.expired', { id: 'cs_2', object: 'checkout.session', metadata: {} }), note: /carries no metadata\.tenant_id/ },
      { e: event('checkout.session.expired', { id: 'cs_3', object: 'checkout.session', metadata: { tenant_id: 'no_such_store' } }), note: /Store no_such_store .* does not exist/ },
    ];
    for (const { e, note } of cases) {
      const stored = await storeStripeEvent(db, e);
      if (stored.duplicate) throw new Error('unexpected duplicate');
      const result = await processStripeEvent({ db, webhookEventId: stored.webhookEventId, handlers: storeHandler });
      expect(result).toMatchObject({ outcome: 'processed', note: expect.stringMatching(note) });
      const row = await db.platform.webhookEvent.findUniqueOrThrow({ where: { id: stored.webhookEventId } });
      expect(row.processedAt).toBeInstanceOf(Date);
      expect(row.note).toMatch(note);
    }
    expect(await processStripeEvent({ db, webhookEventId: 'no-such-row', handlers: {} })).toEqual({ outcome: 'missing' });
  });
});

describe('end to end with the Stripe sandbox', () => {
  let sandbox: StripeSandbox;
  let server: Server;

  beforeAll(async () => {
    // The web route's work (handleStripeWebhook) behind a bare node:http server.
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void handleStripeWebhook(db, { rawBody: Buffer.concat(chunks), signature: (req.headers['stripe-signature'] as string) ?? null, secret: SECRET }).then((r) => {
          res.writeHead(r.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(r.body));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe`;
    sandbox = await startStripeSandbox({ secretKey: 'sk_test_payments_e2e', webhookUrl: url, webhookSecret: SECRET, webhookRetrySchedule: [50, 100] });
  });

  afterAll(async () => {
    await sandbox?.stop();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('a paid checkout reaches webhook_events with its tenant, once per event, even when resent', async () => {
    const stripe = stripeClient({ secretKey: 'sk_test_payments_e2e', apiBase: sandbox.url, maxNetworkRetries: 0 });
    const session = await stripe.checkout.sessions.create({
      mode: 'payment', success_url: 'http://shop.test/ok', metadata: { tenant_id: tenantId, order_id: 'o77' },
      payment_intent_data: { metadata: { tenant_id: tenantId, order_id: 'o77' } },
      line_items: [{ price_data: { currency: 'brl', unit_amount: 4_200, product_data: { name: 'Vaso' } }, quantity: 1 }],
    });
    const paid = await fetch(`${sandbox.url}/_sandbox/checkout/sessions/${session.id}/pay`, { method: 'POST', body: JSON.stringify({ card: '4242424242424242' }) });
    expect(paid.status).toBe(200);
    await sandbox.deliveriesIdle();
    const completed = sandbox.events().find((r) => r.event.type === 'checkout.session.completed')!;
    expect(completed.delivered).toBe(true);
    sandbox.resendEvent(completed.event.id);
    await sandbox.deliveriesIdle();
    const rows = await db.platform.webhookEvent.findMany({ where: { eventId: { in: sandbox.events().map((r) => r.event.id) } }, orderBy: { receivedAt: 'asc' } });
    expect(rows.map((r) => r.type).sort()).toEqual(['checkout.session.completed', 'payment_intent.succeeded']);
    expect(rows.every((r) => r.tenantId === tenantId)).toBe(true);
    expect(await db.platform.outboxJob.count({ where: { jobId: `stripe-evt-${completed.event.id}` } })).toBe(1);
  });
});
