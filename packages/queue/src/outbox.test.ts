import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { enqueueInTransaction } from './outbox.ts';
import { safeJobId, UnknownJobError } from './jobs.ts';

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase('queue');
  db = createDatabase({ appDatabaseUrl: testDb.appUrl, keyRing: testKeyRing() });
});

afterAll(async () => {
  await db?.disconnect();
  await testDb?.drop();
});

describe('enqueueInTransaction', () => {
  it('writes a pending outbox row with the validated payload (defaults filled in)', async () => {
    const id = await db.platform.$transaction((tx) =>
      enqueueInTransaction(tx, { queue: 'maintenance', name: 'outbox.prune', payload: {}, jobId: 'prune-1', tenantId: 't1' }),
    );
    const row = await db.platform.outboxJob.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ queue: 'maintenance', name: 'outbox.prune', jobId: 'prune-1', tenantId: 't1', relayedAt: null, attempts: 0 });
    expect(row.payload).toEqual({ olderThanDays: 7 });
  });

  it('leaves no row when the producing transaction rolls back', async () => {
    const before = await db.platform.outboxJob.count();
    await expect(
      db.platform.$transaction(async (tx) => {
        await enqueueInTransaction(tx, { queue: 'maintenance', name: 'sessions.cleanup', payload: {} });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await db.platform.outboxJob.count()).toBe(before);
  });

  it('writes the row in a tenant-scoped transaction, atomically with the tenant change', async () => {
    await db.platform.plan.upsert({ where: { code: 'free' }, create: { code: 'free', name: 'Free' }, update: {} });
    const tenant = await db.platform.tenant.create({ data: { slug: `queue-${Date.now()}`, name: 'Queue test' } });
    const tdb = await db.forTenant(tenant.id);
    const id = await tdb.$scoped(async (tx) => {
      await tx.category.create({ data: { tenantId: tenant.id, name: 'Shoes', slug: 'shoes' } });
      return enqueueInTransaction(tx, { queue: 'maintenance', name: 'sessions.cleanup', payload: {}, tenantId: tenant.id });
    });
    expect(await db.platform.outboxJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ tenantId: tenant.id, relayedAt: null });

    const before = await db.platform.outboxJob.count();
    await expect(
      tdb.$scoped(async (tx) => {
        await enqueueInTransaction(tx, { queue: 'maintenance', name: 'sessions.cleanup', payload: {}, tenantId: tenant.id });
        await tx.category.create({ data: { tenantId: tenant.id, name: 'Shoes again', slug: 'shoes' } }); // slug taken: the change fails
      }),
    ).rejects.toThrow(/unique/i);
    expect(await db.platform.outboxJob.count()).toBe(before);
  });

  it('refuses an invalid payload before anything is written', async () => {
    const before = await db.platform.outboxJob.count();
    await expect(
      db.platform.$transaction((tx) =>
        enqueueInTransaction(tx, { queue: 'maintenance', name: 'outbox.prune', payload: { olderThanDays: 0 } }),
      ),
    ).rejects.toThrow(/olderThanDays|>=1|too small/i);
    expect(await db.platform.outboxJob.count()).toBe(before);
  });

  it('refuses an unknown job kind', async () => {
    await expect(
      db.platform.$transaction((tx) =>
        // @ts-expect-error: the kind is not in the registry; callers from plain JavaScript still get an error
        enqueueInTransaction(tx, { queue: 'maintenance', name: 'no-such-job', payload: {} }),
      ),
    ).rejects.toBeInstanceOf(UnknownJobError);
  });
});

describe('safeJobId', () => {
  it('keeps BullMQ-safe ids and rewrites separators and integer-like ids', () => {
    expect(safeJobId('order-42.paid')).toBe('order-42.paid');
    expect(safeJobId('tenant:abc/1')).toBe('tenant_abc_1');
    expect(safeJobId('12345')).toBe('id-12345');
  });
});
