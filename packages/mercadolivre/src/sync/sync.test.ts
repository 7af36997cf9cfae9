import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MlSyncResource, TenantClient } from '@vitrine/db';
import { createOrJoinSyncRun } from '../store/sync-runs.ts';
import { createMlFixture, type MlFixture } from '../test-support/fixture.ts';
import { runSync } from './run.ts';

/** Backfills against the sandbox end with exactly its rows; repeats, 429 storms and lost races change nothing. */
describe('sync runs', () => {
  let f: MlFixture;
  let tenantId: string;
  let tdb: TenantClient;
  let accountId: string;
  let sellerId: number;

  beforeAll(async () => {
    f = await createMlFixture('sync');
    ({ sellerId, tenantId, accountId, tdb } = await f.connectedSeller({ nickname: 'BIG_SELLER', items: 1_200, orders: 10_000, questions: 5_000, seed: 11 }));
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  async function run(resource: MlSyncResource, kind: 'BACKFILL' | 'INCREMENTAL' = 'BACKFILL') {
    const { run: row } = await createOrJoinSyncRun(tdb, { tenantId, accountId, resource, kind });
    const result = await runSync({ tenantDb: tdb, runId: row.id, clientFor: (a) => f.services.clientFor(tdb, a), lastAttempt: false });
    return { result, run: await tdb.mlSyncRun.findUniqueOrThrow({ where: { id: row.id } }) };
  }

  const counts = async () => ({
    orders: await tdb.mlOrder.count({ where: { accountId } }),
    questions: await tdb.mlQuestion.count({ where: { accountId } }),
    items: await tdb.mlItem.count({ where: { accountId } }),
  });

  it('a backfill of 10,000 orders and 5,000 questions ends with exactly the sandbox rows, and a repeat changes nothing', async () => {
    const expected = f.sandbox.counts(sellerId);
    const orders = await run('ORDERS');
    expect(orders.result).toMatchObject({ outcome: 'succeeded', changed: expected.orders });
    expect(orders.run).toMatchObject({ status: 'SUCCEEDED', processed: expected.orders, total: expected.orders });
    const questions = await run('QUESTIONS');
    expect(questions.result).toMatchObject({ outcome: 'succeeded', changed: expected.questions });
    const items = await run('ITEMS');
    expect(items.result).toMatchObject({ outcome: 'succeeded', changed: expected.items });
    expect(await counts()).toEqual({ orders: expected.orders, questions: expected.questions, items: expected.items });

    // Every status, cancelled included (a seller's search hides those unless asked for).
    const cancelled = await tdb.mlOrder.count({ where: { accountId, status: 'cancelled' } });
    expect(cancelled).toBeGreaterThan(0);
    const lines = await tdb.mlOrderItem.count();
    expect(lines).toBeGreaterThanOrEqual(expected.orders);

    const again = await run('ORDERS');
    expect(again.result).toMatchObject({ outcome: 'succeeded', changed: 0 });
    expect((await run('QUESTIONS')).result).toMatchObject({ outcome: 'succeeded', changed: 0 });
    expect(await counts()).toEqual({ orders: expected.orders, questions: expected.questions, items: expected.items });
    expect(await tdb.mlOrderItem.count()).toBe(lines);
  }, 180_000);

  it('shipments and messages follow the synced orders', async () => {
    const conn = await f.connectedSeller({ nickname: 'SHIPPING_SELLER', items: 20, orders: 400, questions: 5, seed: 8 });
    const tenant = conn.tenantId;
    const sync = async (resource: MlSyncResource) => {
      const { run: row } = await createOrJoinSyncRun(conn.tdb, { tenantId: tenant, accountId: conn.accountId, resource, kind: 'BACKFILL' });
      return runSync({ tenantDb: conn.tdb, runId: row.id, clientFor: (a) => f.services.clientFor(conn.tdb, a), lastAttempt: false });
    };
    expect(await sync('ORDERS')).toMatchObject({ outcome: 'succeeded', changed: 400 });
    expect(await sync('SHIPMENTS')).toMatchObject({ outcome: 'succeeded' });
    // The orders of a pack share one shipment.
    const shipmentIds = await conn.tdb.mlOrder.findMany({ where: { shipmentId: { not: null } }, distinct: ['shipmentId'], select: { shipmentId: true } });
    expect(await conn.tdb.mlShipment.count()).toBe(shipmentIds.length);
    expect(await sync('MESSAGES')).toMatchObject({ outcome: 'succeeded' });
    expect(await conn.tdb.mlMessage.count()).toBeGreaterThan(0);
    // Read again: final shipments are skipped, nothing changes.
    expect(await sync('SHIPMENTS')).toMatchObject({ outcome: 'succeeded', changed: 0 });
    expect(await sync('MESSAGES')).toMatchObject({ outcome: 'succeeded', changed: 0 });
  }, 120_000);

  it('an incremental run reads only what changed since the last run and picks up an update', async () => {
    const [order] = await tdb.mlOrder.findMany({ where: { accountId, status: 'paid' }, take: 1, orderBy: { dateCreated: 'desc' } });
    f.sandbox.mutate.updateOrder(Number(order!.mlOrderId), { status: 'cancelled' });
    const incremental = await run('ORDERS', 'INCREMENTAL');
    expect(incremental.result).toMatchObject({ outcome: 'succeeded', changed: 1 });
    expect(incremental.run.processed).toBeLessThan(1_000);
    expect((await tdb.mlOrder.findUniqueOrThrow({ where: { id: order!.id } })).status).toBe('cancelled');
  });

  it('a 429 storm slows a run down without failing it; a longer one fails the job, whose retry resumes from the cursor', async () => {
    const conn = await f.connectedSeller({ nickname: 'STORM_SELLER', items: 5, orders: 300, questions: 10, seed: 3 });
    const tenant = conn.tenantId;
    const start = (kind: 'BACKFILL' | 'INCREMENTAL') => createOrJoinSyncRun(conn.tdb, { tenantId: tenant, accountId: conn.accountId, resource: 'ORDERS', kind });
    const sync = (runId: string) => runSync({ tenantDb: conn.tdb, runId, clientFor: (a) => f.services.clientFor(conn.tdb, a), lastAttempt: false });

    f.sandbox.control.failNext({ status: 429, count: 3, pathPrefix: '/orders/search' });
    const { run: first } = await start('BACKFILL');
    expect(await sync(first.id)).toMatchObject({ outcome: 'succeeded', changed: 300 });
    expect(await conn.tdb.mlOrder.count()).toBe(300);

    await conn.tdb.mlOrder.deleteMany();
    const { run: second } = await start('BACKFILL');
    f.sandbox.control.failNext({ status: 429, count: 40, pathPrefix: '/orders/search' });
    await expect(sync(second.id)).rejects.toThrow(/Too Many Requests/);
    expect(await conn.tdb.mlSyncRun.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: 'RUNNING' });
    f.sandbox.control.clearFaults();
    expect(await sync(second.id)).toMatchObject({ outcome: 'succeeded' });
    expect(await conn.tdb.mlOrder.count()).toBe(300);
  });

  it('a run already finished is skipped, and a second job on the same run cannot write a page twice', async () => {
    const done = await run('ITEMS');
    const again = await runSync({ tenantDb: tdb, runId: done.run.id, clientFor: (a) => f.services.clientFor(tdb, a), lastAttempt: false });
    expect(again).toMatchObject({ outcome: 'skipped' });

    const { run: row } = await createOrJoinSyncRun(tdb, { tenantId, accountId, resource: 'QUESTIONS', kind: 'BACKFILL' });
    const both = await Promise.all([0, 1].map(() => runSync({ tenantDb: tdb, runId: row.id, clientFor: (a) => f.services.clientFor(tdb, a), lastAttempt: false })));
    expect(both.map((r) => r.outcome).sort()).toEqual(['skipped', 'succeeded']);
    const final = await tdb.mlSyncRun.findUniqueOrThrow({ where: { id: row.id } });
    expect(final.processed).toBe(f.sandbox.counts(sellerId).questions);
  }, 120_000);

  it('an account that must reconnect fails its run with the reason instead of retrying', async () => {
    const conn = await f.connectedSeller({ nickname: 'REVOKED_SELLER', items: 2, orders: 5, questions: 1, seed: 4 });
    const [tenant, seller] = [conn.tenantId, conn.sellerId];
    f.sandbox.control.revokeGrant(seller);
    f.sandbox.control.expireAccessTokens(seller);
    const { run: row } = await createOrJoinSyncRun(conn.tdb, { tenantId: tenant, accountId: conn.accountId, resource: 'ORDERS', kind: 'BACKFILL' });
    const result = await runSync({ tenantDb: conn.tdb, runId: row.id, clientFor: (a) => f.services.clientFor(conn.tdb, a), lastAttempt: false });
    expect(result).toMatchObject({ outcome: 'failed' });
    const account = await conn.tdb.mlAccount.findUniqueOrThrow({ where: { id: conn.accountId } });
    expect(account.status).toBe('RECONNECT_NEEDED');
    expect((await conn.tdb.mlSyncRun.findUniqueOrThrow({ where: { id: row.id } })).error).toMatch(/connected again/);
  });
});
