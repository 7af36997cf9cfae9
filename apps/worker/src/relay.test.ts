import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { createDatabase, createPrismaClient, sealDedicatedUrls, type Database } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { createLogger } from '@vitrine/core/logger';
import { enqueueInTransaction } from '@vitrine/queue';
import { OutboxSources } from './outbox-sources.ts';
import { OutboxRelay, retryDelaySeconds, type RelayOptions } from './relay.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `vitrine-test-relay-${randomBytes(4).toString('hex')}`;
const log = createLogger('relay-test', 'silent');
const connection = { url: REDIS_URL, maxRetriesPerRequest: 1, enableOfflineQueue: false };
/** Nothing listens on port 1: Redis is unreachable. */
const unreachable = { url: 'redis://127.0.0.1:1', maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 500 };

let t: TestDatabase;
let db: Database;
let queue: Queue;
const relays: OutboxRelay[] = [];

function newRelay(options: Partial<RelayOptions> = {}) {
  const relay = new OutboxRelay({
    sources: async () => [{ label: 'platform', client: db.platform }],
    connection,
    prefix,
    log,
    ...options,
  });
  relays.push(relay);
  return relay;
}

beforeAll(async () => {
  t = await createTestDatabase('worker_relay');
  db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
  queue = new Queue('maintenance', { connection, prefix });
});

afterAll(async () => {
  await Promise.all(relays.map((r) => r.close()));
  await queue?.obliterate({ force: true }).catch(() => {});
  await queue?.close();
  await db?.disconnect();
  await t?.drop();
});

beforeEach(async () => {
  await queue.obliterate({ force: true });
  await db.platform.outboxJob.deleteMany();
});

const enqueueCleanup = (jobId?: string) =>
  db.platform.$transaction((tx) => enqueueInTransaction(tx, { queue: 'maintenance', name: 'sessions.cleanup', payload: {}, jobId }));

const jobsInRedis = () => queue.getJobCountByTypes('waiting', 'active', 'completed', 'delayed', 'failed');

describe('outbox relay', () => {
  it('hands a committed row to BullMQ exactly once, even when a crash makes it relay the row again', async () => {
    const id = await enqueueCleanup();
    const relay = newRelay();
    expect(await relay.relayBatch(db.platform)).toEqual({ relayed: 1, failed: 0 });
    expect(await relay.relayBatch(db.platform)).toEqual({ relayed: 0, failed: 0 });
    const row = await db.platform.outboxJob.findUniqueOrThrow({ where: { id } });
    expect(row.relayedAt).not.toBeNull();

    // A crash between the add and the update leaves the row pending: it is relayed again, BullMQ dedupes by job id.
    await db.platform.outboxJob.update({ where: { id }, data: { relayedAt: null } });
    expect(await relay.relayBatch(db.platform)).toEqual({ relayed: 1, failed: 0 });
    expect(await jobsInRedis()).toBe(1);
    const job = await queue.getJob(id);
    expect(job?.name).toBe('sessions.cleanup');
    expect(job?.data).toEqual({});
  });

  it('uses the row job id, so two rows for the same work become one job', async () => {
    await enqueueCleanup('daily-cleanup-2026-11-22');
    await enqueueCleanup('daily-cleanup-2026-11-22');
    expect(await newRelay().relayBatch(db.platform)).toEqual({ relayed: 2, failed: 0 });
    expect(await jobsInRedis()).toBe(1);
    expect(await queue.getJob('daily-cleanup-2026-11-22')).toBeTruthy();
  });

  it('carries the validated payload to the job', async () => {
    const id = await db.platform.$transaction((tx) =>
      enqueueInTransaction(tx, { queue: 'maintenance', name: 'outbox.prune', payload: { olderThanDays: 3 } }),
    );
    expect(await newRelay().relayBatch(db.platform)).toEqual({ relayed: 1, failed: 0 });
    const job = await queue.getJob(id);
    expect(job?.name).toBe('outbox.prune');
    expect(job?.data).toEqual({ olderThanDays: 3 });
    expect(job?.opts.attempts).toBe(5);
  });

  it('never relays the job of a rolled-back transaction', async () => {
    await expect(
      db.platform.$transaction(async (tx) => {
        await enqueueInTransaction(tx, { queue: 'maintenance', name: 'sessions.cleanup', payload: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await newRelay().relayBatch(db.platform)).toEqual({ relayed: 0, failed: 0 });
    expect(await jobsInRedis()).toBe(0);
    expect(await db.platform.outboxJob.count()).toBe(0);
  });

  it('does not relay a row before its available_at', async () => {
    await db.platform.$transaction((tx) =>
      enqueueInTransaction(tx, {
        queue: 'maintenance',
        name: 'sessions.cleanup',
        payload: {},
        availableAt: new Date(Date.now() + 60_000),
      }),
    );
    expect(await newRelay().relayBatch(db.platform)).toEqual({ relayed: 0, failed: 0 });
    expect(await jobsInRedis()).toBe(0);
  });

  it('keeps rows pending with attempts, error and backoff while Redis is unreachable, then relays them', async () => {
    const ids = [await enqueueCleanup('outage-1'), await enqueueCleanup('outage-2'), await enqueueCleanup('outage-3')];
    const down = newRelay({ connection: unreachable, addTimeoutMs: 1_000 });
    const before = Date.now();
    expect(await down.relayBatch(db.platform)).toEqual({ relayed: 0, failed: 3 });
    // Fails fast: the whole batch is put back after the first refusal, not one timeout per row.
    expect(Date.now() - before).toBeLessThan(5_000);
    for (const id of ids) {
      const row = await db.platform.outboxJob.findUniqueOrThrow({ where: { id } });
      expect(row.relayedAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/\S/);
      expect(row.availableAt.getTime()).toBeGreaterThanOrEqual(before + retryDelaySeconds(1) * 1000 - 50);
    }
    // Not due yet: a second pass does nothing.
    expect(await down.relayBatch(db.platform)).toEqual({ relayed: 0, failed: 0 });

    // A later failure backs off longer.
    await db.platform.outboxJob.updateMany({ data: { availableAt: new Date() } });
    expect(await down.relayBatch(db.platform)).toEqual({ relayed: 0, failed: 3 });
    const second = await db.platform.outboxJob.findUniqueOrThrow({ where: { id: ids[0]! } });
    expect(second.attempts).toBe(2);
    expect(retryDelaySeconds(2)).toBeGreaterThan(retryDelaySeconds(1));

    // Once due again with Redis back, every row goes through, once.
    await db.platform.outboxJob.updateMany({ data: { availableAt: new Date() } });
    expect(await newRelay().relayBatch(db.platform)).toEqual({ relayed: 3, failed: 0 });
    expect(await db.platform.outboxJob.count({ where: { relayedAt: null } })).toBe(0);
    expect(await jobsInRedis()).toBe(3);
  });

  it('two relays running at once hand over each row once', async () => {
    for (let i = 0; i < 60; i++) await enqueueCleanup(`parallel-${i}`);
    const relayedBy = new Map<string, number>();
    const counting = (name: string) =>
      newRelay({ batchSize: 5, onBatch: ({ relayed }) => relayedBy.set(name, (relayedBy.get(name) ?? 0) + relayed) });
    const drain = async (relay: OutboxRelay) => {
      for (;;) if ((await relay.relayBatch(db.platform)).relayed === 0) return;
    };
    await Promise.all([drain(counting('a')), drain(counting('b'))]);
    // A row claimed by both would be counted twice.
    expect((relayedBy.get('a') ?? 0) + (relayedBy.get('b') ?? 0)).toBe(60);
    expect(relayedBy.get('a')).toBeGreaterThan(0);
    expect(relayedBy.get('b')).toBeGreaterThan(0);
    expect(await db.platform.outboxJob.count({ where: { relayedAt: null } })).toBe(0);
    expect(await jobsInRedis()).toBe(60);
  });

  it('reports the lag of the oldest due row', async () => {
    const relay = newRelay();
    expect(await relay.lagSeconds()).toBe(0);
    const id = await enqueueCleanup();
    await db.platform.outboxJob.update({ where: { id }, data: { availableAt: new Date(Date.now() - 30_000) } });
    expect(await relay.lagSeconds()).toBeGreaterThanOrEqual(29);
  });
});

describe('outbox relay with a dedicated tenant database', () => {
  let dedicated: TestDatabase;
  beforeAll(async () => {
    dedicated = await createTestDatabase('worker_relay_dedicated');
  });
  afterAll(async () => {
    await dedicated?.drop();
  });

  it('relays rows written in the dedicated database too', async () => {
    await db.platform.plan.upsert({ where: { code: 'free' }, create: { code: 'free', name: 'Free' }, update: {} });
    const tenant = await db.platform.tenant.create({ data: { slug: `ded-${randomBytes(3).toString('hex')}`, name: 'Dedicated' } });
    await db.platform.tenant.update({
      where: { id: tenant.id },
      data: { databaseUrlEnc: sealDedicatedUrls(tenant.id, { app: dedicated.appUrl, owner: dedicated.ownerUrl }, testKeyRing()) },
    });
    const tenantDb = createPrismaClient(dedicated.appUrl, { maxConnections: 1 });
    try {
      const id = await tenantDb.$transaction((tx) =>
        enqueueInTransaction(tx, { queue: 'maintenance', name: 'sessions.cleanup', payload: {}, tenantId: tenant.id }),
      );
      const sources = new OutboxSources({ db, keyRing: testKeyRing(), log });
      const relay = newRelay({ sources: () => sources.list() });
      expect((await sources.list()).map((s) => s.label)).toEqual(['platform', `dedicated:${tenant.id}`]);
      expect(await relay.relayAll()).toEqual({ relayed: 1, failed: 0 });
      expect((await tenantDb.outboxJob.findUniqueOrThrow({ where: { id } })).relayedAt).not.toBeNull();
      expect(await queue.getJob(id)).toBeTruthy();
      await sources.close();
    } finally {
      await tenantDb.$disconnect();
    }
  });
});
