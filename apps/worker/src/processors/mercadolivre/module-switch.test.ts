import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@vitrine/core/logger';
import { INCREMENTAL_RESOURCES } from '@vitrine/mercadolivre/sync';
import { createOrJoinSyncRun } from '@vitrine/mercadolivre/store';
import { createMlFixture, type ConnectedSeller, type MlFixture } from '@vitrine/mercadolivre/testing';
import { ML_MODULE_OFF } from '../../mercadolivre/context.ts';
import type { JobContext } from '../types.ts';
import { refreshMlTokens } from './maintenance.ts';
import { processMlNotification } from './notification.ts';
import { runMlSync, scheduleMlSyncs } from './sync.ts';

/** The platform switches the Mercado Livre module off for a store: its background jobs stop calling ML, and say why. */
describe('mercado livre jobs of a store whose module is switched off', () => {
  let f: MlFixture;
  let seed = 80;

  beforeAll(async () => {
    f = await createMlFixture('worker_module');
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  const ctx = (): JobContext => ({ db: f.db, log: createLogger('ml-module-test', 'silent'), jobId: 'ml-module', attempt: 1, maxAttempts: 3, ml: f.services });
  const seller = (nickname: string) => f.connectedSeller({ nickname, items: 2, orders: 3, questions: 1, seed: (seed += 1) });
  /** What the platform's switch writes: an override row in the store's scope. */
  const setModule = (s: ConnectedSeller, enabled: boolean) =>
    f.owner.tenantModuleOverride.upsert({
      where: { tenantId_moduleCode: { tenantId: s.tenantId, moduleCode: 'mercadolivre' } },
      create: { tenantId: s.tenantId, moduleCode: 'mercadolivre', enabled, reason: 'test' },
      update: { enabled },
    });
  /** Every request the sandbox answered, token grants included. */
  const mlCalls = () => {
    const stats = f.sandbox.stats();
    return Object.values(stats.calls).reduce((sum, n) => sum + n, 0) + stats.tokenGrants.refresh_token;
  };

  it('the schedule starts no run for a switched-off store but does for another; switched on again, the next schedule runs', async () => {
    const off = await seller('MODULE_OFF_SCHEDULE');
    const on = await seller('MODULE_ON_SCHEDULE');
    await setModule(off, false);

    expect(await scheduleMlSyncs({}, ctx())).toMatchObject({ skipped: 1 });
    expect(await off.tdb.mlSyncRun.count()).toBe(0);
    expect(await f.owner.outboxJob.count({ where: { tenantId: off.tenantId } })).toBe(0);
    expect(await on.tdb.mlSyncRun.count({ where: { status: 'QUEUED' } })).toBe(INCREMENTAL_RESOURCES.length + 1);

    await setModule(off, true);
    expect(await scheduleMlSyncs({}, ctx())).toMatchObject({ skipped: 0 });
    expect(await off.tdb.mlSyncRun.count({ where: { status: 'QUEUED' } })).toBe(INCREMENTAL_RESOURCES.length + 1);
  });

  it('a queued run of a switched-off store ends FAILED with the reason and no call to ML; switched on, a run syncs', async () => {
    const s = await seller('MODULE_OFF_RUN');
    await setModule(s, false);
    const { run } = await createOrJoinSyncRun(s.tdb, { tenantId: s.tenantId, accountId: s.accountId, resource: 'ORDERS', kind: 'BACKFILL' });
    const before = mlCalls();

    expect(await runMlSync({ tenantId: s.tenantId, runId: run.id }, ctx())).toEqual({ outcome: 'skipped', reason: ML_MODULE_OFF });
    const ended = await s.tdb.mlSyncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(ended).toMatchObject({ status: 'FAILED', error: ML_MODULE_OFF, processed: 0 });
    expect(ended.finishedAt).toBeInstanceOf(Date);
    expect(mlCalls()).toBe(before);
    expect(await s.tdb.mlOrder.count()).toBe(0);
    // The job again (a duplicate delivery): nothing left to end.
    expect(await runMlSync({ tenantId: s.tenantId, runId: run.id }, ctx())).toMatchObject({ outcome: 'skipped' });

    await setModule(s, true);
    const { run: next } = await createOrJoinSyncRun(s.tdb, { tenantId: s.tenantId, accountId: s.accountId, resource: 'ORDERS', kind: 'BACKFILL' });
    expect(await runMlSync({ tenantId: s.tenantId, runId: next.id }, ctx())).toMatchObject({ outcome: 'succeeded', processed: f.sandbox.counts(s.sellerId).orders });
    expect(mlCalls()).toBeGreaterThan(before);
    expect(await s.tdb.mlOrder.count()).toBe(f.sandbox.counts(s.sellerId).orders);
  });

  it('a notification of a switched-off store is not applied and says why; switched on, the next one is', async () => {
    const s = await seller('MODULE_OFF_NOTIFIED');
    await setModule(s, false);
    const asked = f.sandbox.mutate.askQuestion(s.sellerId, { text: 'Ainda tem em estoque?' });
    const notify = () =>
      s.tdb.mlNotification.create({
        data: { tenantId: s.tenantId, accountId: s.accountId, notificationKey: randomUUID(), topic: 'questions', resource: `/questions/${asked.id}`, mlUserId: BigInt(s.sellerId) },
      });
    const first = await notify();
    const before = mlCalls();

    expect(await processMlNotification({ tenantId: s.tenantId, notificationId: first.id }, ctx())).toEqual({ outcome: 'ignored', reason: ML_MODULE_OFF });
    expect(await s.tdb.mlNotification.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'IGNORED', lastError: ML_MODULE_OFF, attempts: 1 });
    expect(mlCalls()).toBe(before);
    expect(await s.tdb.mlQuestion.count({ where: { mlQuestionId: BigInt(asked.id) } })).toBe(0);
    expect(await processMlNotification({ tenantId: s.tenantId, notificationId: first.id }, ctx())).toMatchObject({ outcome: 'skipped' });

    await setModule(s, true);
    const second = await notify();
    expect(await processMlNotification({ tenantId: s.tenantId, notificationId: second.id }, ctx())).toEqual({ outcome: 'processed', changed: 1 });
    expect(await s.tdb.mlQuestion.count({ where: { mlQuestionId: BigInt(asked.id) } })).toBe(1);
  });

  it('due tokens of a switched-off store are left for later; another store’s are refreshed', async () => {
    const off = await seller('MODULE_OFF_TOKENS');
    const on = await seller('MODULE_ON_TOKENS');
    await setModule(off, false);
    await f.owner.mlToken.updateMany({ where: { accountId: { in: [off.accountId, on.accountId] } }, data: { expiresAt: new Date(Date.now() + 10 * 60_000) } });

    const result = await refreshMlTokens({ aheadMinutes: 30 }, ctx());
    expect(result).toMatchObject({ refreshed: 1, skipped: 1 });
    expect((await off.tdb.mlToken.findUniqueOrThrow({ where: { accountId: off.accountId } })).version).toBe(0);
    expect((await on.tdb.mlToken.findUniqueOrThrow({ where: { accountId: on.accountId } })).version).toBeGreaterThan(0);
  });
});
