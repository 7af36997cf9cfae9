import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { createDatabase, type Database } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { createLogger } from '@vitrine/core/logger';
import { readWhatsAppSink } from '@vitrine/mail/whatsapp';
import { enqueueInTransaction } from '@vitrine/queue';
import { processors } from '../index.ts';
import { startWorkerRuntime } from '../../runtime.ts';
import { whatsAppProcessor } from './whatsapp.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `vitrine-test-whatsapp-${randomBytes(4).toString('hex')}`;

let t: TestDatabase;
let db: Database;
let dir: string;
const previous = process.env.WHATSAPP_SINK_FILE;

beforeAll(async () => {
  t = await createTestDatabase('worker_whatsapp');
  db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
  dir = await mkdtemp(join(tmpdir(), 'vitrine-wa-'));
  process.env.WHATSAPP_SINK_FILE = join(dir, 'messages.jsonl');
});

afterAll(async () => {
  if (previous === undefined) delete process.env.WHATSAPP_SINK_FILE;
  else process.env.WHATSAPP_SINK_FILE = previous;
  const queue = new Queue('whatsapp', { connection: { url: REDIS_URL }, prefix });
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  await db?.disconnect();
  await t?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('whatsapp/whatsapp.send', () => {
  it('sends a message written to the outbox through the configured provider (the local sink), once', async () => {
    const runtime = await startWorkerRuntime({
      db, keyRing: testKeyRing(), redisUrl: REDIS_URL, prefix, log: createLogger('whatsapp-test', 'silent'), processors, healthPort: 0, relayIntervalMs: 50,
    });
    const events = new QueueEvents('whatsapp', { connection: { url: REDIS_URL }, prefix });
    await events.waitUntilReady();
    try {
      const payload = { to: '+5511999990000', text: '*Pedido #1001 confirmado*', kind: 'order.confirmation', tenantId: 't1' };
      // Written twice with the same job id (as a replayed notice would be): one message.
      const rowId = await db.platform.$transaction((tx) => enqueueInTransaction(tx, { queue: 'whatsapp', name: 'whatsapp.send', payload, jobId: 'whatsapp-order-o1-confirmation' }));
      await db.platform.$transaction((tx) => enqueueInTransaction(tx, { queue: 'whatsapp', name: 'whatsapp.send', payload, jobId: 'whatsapp-order-o1-confirmation' }));
      expect(rowId).toBeTruthy();
      const queue = runtime.relay.queueFor('whatsapp');
      await expect.poll(async () => (await queue.getJob('whatsapp-order-o1-confirmation'))?.id, { timeout: 10_000 }).toBe('whatsapp-order-o1-confirmation');
      await (await queue.getJob('whatsapp-order-o1-confirmation'))!.waitUntilFinished(events, 10_000);
      const messages = await readWhatsAppSink(process.env.WHATSAPP_SINK_FILE!);
      expect(messages).toEqual([expect.objectContaining(payload)]);
    } finally {
      await events.close();
      await runtime.stop();
    }
  });

  it('refuses for good when no provider is configured, and passes a provider failure on for a retry', async () => {
    const ctx = { db, log: createLogger('whatsapp-test', 'silent'), jobId: 'x', attempt: 1, maxAttempts: 5 };
    const message = { to: '+5511999990000', text: 'hi', kind: 'test' };
    await expect(whatsAppProcessor(() => null)(message, ctx)).rejects.toMatchObject({ name: 'UnrecoverableError' });
    const failing = whatsAppProcessor(() => ({ send: () => Promise.reject(new Error('provider down')) }));
    await expect(failing(message, ctx)).rejects.toThrow('provider down');
  });
});
