import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { createDatabase, type Database } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { createLogger } from '@vitrine/core/logger';
import { STRIPE_API_VERSION, storeStripeEvent, stripeEventJobId, type Stripe, type StripeEventHandlers } from '@vitrine/payments';
import { enqueueInTransaction } from '@vitrine/queue';
import { processors } from '../index.ts';
import { startWorkerRuntime } from '../../runtime.ts';
import { stripeEventProcessor } from './stripe-event.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `vitrine-test-stripe-${randomBytes(4).toString('hex')}`;

let t: TestDatabase;
let db: Database;
let tenantId: string;

beforeAll(async () => {
  t = await createTestDatabase('worker_stripe');
  db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
  await db.platform.plan.upsert({ where: { code: 'free' }, create: { code: 'free', name: 'Free' }, update: {} });
  tenantId = (await db.platform.tenant.create({ data: { slug: `stripe-${Date.now()}`, name: 'Stripe worker test' } })).id;
});

afterAll(async () => {
  const queue = new Queue('payments', { connection: { url: REDIS_URL }, prefix });
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  await db?.disconnect();
  await t?.drop();
});

const stripeEvent = (type: string, object: Record<string, unknown>) => ({
  id: `evt_${randomBytes(8).toString('hex')}`, object: 'event', type, created: Math.floor(Date.now() / 1000), livemode: false,
  api_version: STRIPE_API_VERSION, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object },
}) as unknown as Stripe.Event;

describe('payments/stripe.event', () => {
  it('is registered for every stored event', () => {
    expect(typeof processors.payments['stripe.event']).toBe('function');
  });

  it('runs the handler once when the same event is processed by two jobs, and marks it processed', async () => {
    const calls: string[] = [];
    const handlers: StripeEventHandlers = {
      'checkout.session.completed': {
        scope: 'tenant',
        handle: async ({ event, tx, tenantId: tid }) => {
          calls.push(event.id);
          await tx.category.create({ data: { tenantId: tid, name: `Order ${event.data.object.id}`, slug: `order-${event.id.slice(4)}` } });
          return 'order marked paid';
        },
      },
    };
    const runtime = await startWorkerRuntime({
      db, keyRing: testKeyRing(), redisUrl: REDIS_URL, prefix, log: createLogger('stripe-test', 'silent'),
      processors: { ...processors, payments: { 'stripe.event': stripeEventProcessor(handlers) } }, healthPort: 0, relayIntervalMs: 50,
    });
    const events = new QueueEvents('payments', { connection: { url: REDIS_URL }, prefix });
    await events.waitUntilReady();
    try {
      const event = stripeEvent('checkout.session.completed', { id: 'cs_test_w1', object: 'checkout.session', metadata: { tenant_id: tenantId } });
      const stored = await storeStripeEvent(db, event);
      if (stored.duplicate) throw new Error('unexpected duplicate');
      // A second job for the same stored event (a replayed outbox row, a manual retry): a different job id.
      const secondJobId = 'stripe-evt-again';
      await db.platform.$transaction((tx) =>
        enqueueInTransaction(tx, { queue: 'payments', name: 'stripe.event', payload: { webhookEventId: stored.webhookEventId }, jobId: secondJobId }),
      );
      const queue = runtime.relay.queueFor('payments');
      const results = [];
      for (const jobId of [stripeEventJobId(event.id), secondJobId]) {
        await expect.poll(async () => (await queue.getJob(jobId))?.id, { timeout: 15_000 }).toBe(jobId);
        results.push(await (await queue.getJob(jobId))!.waitUntilFinished(events, 15_000));
      }
      expect(results.map((r: { outcome: string }) => r.outcome).sort()).toEqual(['already_processed', 'processed']);
      expect(calls).toEqual([event.id]);
      const row = await db.platform.webhookEvent.findUniqueOrThrow({ where: { id: stored.webhookEventId } });
      expect(row).toMatchObject({ attempts: 1, note: 'order marked paid', lastError: null });
      expect(row.processedAt).toBeInstanceOf(Date);
      const tenantDb = await db.forTenant(tenantId);
      expect(await tenantDb.category.count({ where: { name: 'Order cs_test_w1' } })).toBe(1);

      // A type nobody handles is marked processed with a note.
      const other = await storeStripeEvent(db, stripeEvent('customer.created', { id: 'cus_1', object: 'customer', metadata: {} }));
      if (other.duplicate) throw new Error('unexpected duplicate');
      const otherJobId = stripeEventJobId((await db.platform.webhookEvent.findUniqueOrThrow({ where: { id: other.webhookEventId } })).eventId);
      await expect.poll(async () => (await queue.getJob(otherJobId))?.id, { timeout: 15_000 }).toBe(otherJobId);
      expect(await (await queue.getJob(otherJobId))!.waitUntilFinished(events, 15_000)).toMatchObject({ outcome: 'processed', note: 'No handler for customer.created; nothing to do.' });
    } finally {
      await events.close();
      await runtime.stop();
    }
  });
});
