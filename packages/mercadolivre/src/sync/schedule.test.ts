import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_APP, createMlFixture, type MlFixture } from '../test-support/fixture.ts';
import { createOrJoinSyncRun } from '../store/sync-runs.ts';
import { reconcileMissedFeeds } from './feeds.ts';
import { INCREMENTAL_RESOURCES, STALLED_AFTER_MS, pruneNotifications, refreshDueTokens, resumeStalledRuns, scheduleSyncs } from './schedule.ts';

/** The worker's repeating jobs: incremental syncs, stalled runs, due tokens, pruning and missed feeds. */
describe('schedules', () => {
  let f: MlFixture;

  beforeAll(async () => {
    // Notifications go to a port nobody listens on and give up fast: they end in the missed feeds.
    f = await createMlFixture('schedule', {
      sandbox: { applications: [{ ...FIXTURE_APP, notificationsUrl: 'http://127.0.0.1:9/nowhere' }], notificationRetrySchedule: [10] },
    });
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  it('an incremental run per resource for every active account (items once a day); a second call joins them', async () => {
    const a = await f.connectedSeller({ nickname: 'SCHEDULED_A', items: 2, orders: 2, questions: 1, seed: 61 });
    const b = await f.connectedSeller({ nickname: 'SCHEDULED_B', items: 2, orders: 2, questions: 1, seed: 62 });
    await b.tdb.mlAccount.update({ where: { id: b.accountId }, data: { status: 'RECONNECT_NEEDED' } });

    const first = await scheduleSyncs(f.db);
    expect(first).toMatchObject({ started: INCREMENTAL_RESOURCES.length + 1, joined: 0 });
    const runs = await a.tdb.mlSyncRun.findMany({ select: { resource: true, kind: true, status: true } });
    expect(runs.map((r) => r.resource).sort()).toEqual([...INCREMENTAL_RESOURCES, 'ITEMS'].sort());
    expect(runs.every((r) => r.kind === 'INCREMENTAL' && r.status === 'QUEUED')).toBe(true);
    expect(await b.tdb.mlSyncRun.count()).toBe(0);

    // Items were asked for less than a day ago: only the others are joined.
    expect(await scheduleSyncs(f.db)).toMatchObject({ started: 0, joined: INCREMENTAL_RESOURCES.length });
    const jobs = await f.owner.outboxJob.count({ where: { tenantId: a.tenantId, name: 'sync.run' } });
    expect(jobs).toBe(INCREMENTAL_RESOURCES.length + 1);
  });

  it('a run with no sign of life for a while gets a fresh job; a live one does not', async () => {
    const s = await f.connectedSeller({ nickname: 'STALLED_SELLER', items: 2, orders: 2, questions: 1, seed: 63 });
    const { run: stalled } = await createOrJoinSyncRun(s.tdb, { tenantId: s.tenantId, accountId: s.accountId, resource: 'ORDERS', kind: 'BACKFILL' });
    await createOrJoinSyncRun(s.tdb, { tenantId: s.tenantId, accountId: s.accountId, resource: 'QUESTIONS', kind: 'BACKFILL' });
    await f.owner.mlSyncRun.update({ where: { id: stalled.id }, data: { status: 'RUNNING', heartbeatAt: new Date(Date.now() - STALLED_AFTER_MS - 60_000) } });

    expect(await resumeStalledRuns(f.db, s.tenantId)).toBe(1);
    const resumed = await f.owner.outboxJob.findMany({ where: { tenantId: s.tenantId, jobId: { startsWith: `ml-sync-${stalled.id}-resume-` } } });
    expect(resumed).toHaveLength(1);
    // Its heartbeat moved: the next schedule does not queue it again.
    expect(await resumeStalledRuns(f.db, s.tenantId)).toBe(0);
  });

  it('tokens that expire soon are refreshed once each; a revoked grant marks the account for reconnection', async () => {
    const due = await f.connectedSeller({ nickname: 'DUE_SELLER', items: 1, orders: 1, questions: 0, seed: 64 });
    const fresh = await f.connectedSeller({ nickname: 'FRESH_SELLER', items: 1, orders: 1, questions: 0, seed: 65 });
    const revoked = await f.connectedSeller({ nickname: 'REVOKED_GRANT', items: 1, orders: 1, questions: 0, seed: 66 });
    const soon = new Date(Date.now() + 10 * 60_000);
    await f.owner.mlToken.updateMany({ where: { accountId: { in: [due.accountId, revoked.accountId] } }, data: { expiresAt: soon } });
    await f.owner.mlToken.updateMany({ where: { accountId: { notIn: [due.accountId, revoked.accountId, fresh.accountId] } }, data: { expiresAt: new Date(Date.now() + 6 * 3_600_000) } });
    f.sandbox.control.revokeGrant(revoked.sellerId);
    const before = f.sandbox.stats().tokenGrants.refresh_token;

    const result = await refreshDueTokens(f.db, f.services, 30);
    expect(result).toEqual({ refreshed: 1, reconnect: 1, failed: 0, skipped: 0 });
    // One grant issued (the revoked one is refused by the token endpoint).
    expect(f.sandbox.stats().tokenGrants.refresh_token - before).toBe(1);
    expect((await due.tdb.mlToken.findUniqueOrThrow({ where: { accountId: due.accountId } })).expiresAt.getTime()).toBeGreaterThan(soon.getTime());
    expect(await revoked.tdb.mlAccount.findUniqueOrThrow({ where: { id: revoked.accountId } })).toMatchObject({ status: 'RECONNECT_NEEDED' });
    expect((await fresh.tdb.mlToken.findUniqueOrThrow({ where: { accountId: fresh.accountId } })).version).toBe(0);
  });

  it('handled notifications older than the limit are pruned; dead letters and recent ones stay', async () => {
    const s = await f.connectedSeller({ nickname: 'PRUNED_SELLER', items: 1, orders: 1, questions: 0, seed: 67 });
    const row = (status: 'PROCESSED' | 'IGNORED' | 'DEAD', daysAgo: number) => ({
      tenantId: s.tenantId, accountId: s.accountId, notificationKey: randomUUID(), topic: 'orders_v2', resource: '/orders/1',
      mlUserId: BigInt(s.sellerId), status, receivedAt: new Date(Date.now() - daysAgo * 86_400_000),
    });
    await s.tdb.mlNotification.createMany({ data: [row('PROCESSED', 40), row('IGNORED', 31), row('DEAD', 90), row('PROCESSED', 2)] });
    expect(await pruneNotifications(f.db, 30)).toBe(2);
    expect((await s.tdb.mlNotification.findMany({ select: { status: true } })).map((r) => r.status).sort()).toEqual(['DEAD', 'PROCESSED']);
  });

  it('a store the caller refuses gets no runs, no resumed runs and no token refresh; allowed again, it syncs', async () => {
    const off = await f.connectedSeller({ nickname: 'REFUSED_STORE', items: 1, orders: 1, questions: 0, seed: 69 });
    const on = await f.connectedSeller({ nickname: 'ALLOWED_STORE', items: 1, orders: 1, questions: 0, seed: 70 });
    const { run: stalled } = await createOrJoinSyncRun(off.tdb, { tenantId: off.tenantId, accountId: off.accountId, resource: 'ORDERS', kind: 'BACKFILL' });
    await f.owner.mlSyncRun.update({ where: { id: stalled.id }, data: { status: 'RUNNING', heartbeatAt: new Date(Date.now() - STALLED_AFTER_MS - 60_000) } });
    const refused: string[] = [];
    const storeAllowed = async (tenantId: string) => {
      if (tenantId !== off.tenantId) return true;
      refused.push(tenantId);
      return false;
    };

    const result = await scheduleSyncs(f.db, Date.now(), { storeAllowed });
    expect(result.skipped).toBe(1);
    expect(refused).toEqual([off.tenantId]);
    expect(await off.tdb.mlSyncRun.count()).toBe(1);
    expect(await f.owner.outboxJob.count({ where: { tenantId: off.tenantId, jobId: { startsWith: `ml-sync-${stalled.id}-resume-` } } })).toBe(0);
    expect(await on.tdb.mlSyncRun.count({ where: { kind: 'INCREMENTAL', status: 'QUEUED' } })).toBe(INCREMENTAL_RESOURCES.length + 1);

    await f.owner.mlToken.updateMany({ where: { accountId: { in: [off.accountId, on.accountId] } }, data: { expiresAt: new Date(Date.now() + 10 * 60_000) } });
    const tokens = await refreshDueTokens(f.db, f.services, 30, Date.now(), { storeAllowed });
    expect(tokens.skipped).toBe(1);
    expect((await off.tdb.mlToken.findUniqueOrThrow({ where: { accountId: off.accountId } })).version).toBe(0);
    expect((await on.tdb.mlToken.findUniqueOrThrow({ where: { accountId: on.accountId } })).version).toBeGreaterThan(0);

    // Allowed again: the next schedule starts its runs (joining the stalled ORDERS one) and resumes the stalled run.
    const again = await scheduleSyncs(f.db, Date.now(), { storeAllowed: async () => true });
    expect(again).toMatchObject({ skipped: 0 });
    expect(again.resumed).toBeGreaterThanOrEqual(1);
    expect(await off.tdb.mlSyncRun.count({ where: { kind: 'INCREMENTAL' } })).toBe(INCREMENTAL_RESOURCES.length);
    expect(await f.owner.outboxJob.count({ where: { tenantId: off.tenantId, jobId: { startsWith: `ml-sync-${stalled.id}-resume-` } } })).toBe(1);
  });

  it('missed feeds are stored through the intake, once', async () => {
    const s = await f.connectedSeller({ nickname: 'MISSED_SELLER', items: 2, orders: 1, questions: 0, seed: 68 });
    const asked = f.sandbox.mutate.askQuestion(s.sellerId, { text: 'Chegou a notificação?' });
    await f.sandbox.notificationsIdle();

    // The oldest connected store lends no token when its module is off (nor does a disconnected account): the next one does.
    const oldest = await f.db.platform.mlAccountRoute.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    const first = await reconcileMissedFeeds(f.db, f.services, { storeAllowed: async (tenantId) => tenantId !== oldest.tenantId });
    expect(first.stored).toBeGreaterThanOrEqual(1);
    expect(await reconcileMissedFeeds(f.db, f.services, { storeAllowed: async () => false })).toEqual({ read: 0, stored: 0, ignored: 0 });
    const stored = await s.tdb.mlNotification.findMany({ where: { resource: `/questions/${asked.id}` } });
    expect(stored).toHaveLength(1);
    const again = await reconcileMissedFeeds(f.db, f.services);
    expect(again.stored).toBe(0);
    expect(await s.tdb.mlNotification.count({ where: { resource: `/questions/${asked.id}` } })).toBe(1);
  }, 30_000);
});
