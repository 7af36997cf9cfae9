import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMlWebhook } from '../store/notifications.ts';
import { FIXTURE_APP, createMlFixture, type ConnectedSeller, type MlFixture } from '../test-support/fixture.ts';
import { createOrJoinSyncRun } from '../store/sync-runs.ts';
import { processNotification } from './notifications.ts';
import { runSync } from './run.ts';

const SECRET = 'flow-test-webhook-secret-0123456789';

/**
 * The whole path of a notification: the sandbox posts to our webhook handler (duplicated and shuffled on
 * request), the intake stores each `_id` once, and processing leaves every changed order right, once.
 */
describe('notifications from the sandbox to our tables', () => {
  let f: MlFixture;
  let seller: ConnectedSeller;
  let server: http.Server;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      void handleMlWebhook(f.db, { expectedSecret: SECRET, clientId: FIXTURE_APP.clientId }, {
        secret: req.url!.split('/').pop()!,
        contentLength: req.headers['content-length'] ?? null,
        body: req,
      }).then((answer) => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/mercadolivre/${SECRET}`;
    f = await createMlFixture('notification_flow', { sandbox: { applications: [{ ...FIXTURE_APP, notificationsUrl: url }], notificationRetrySchedule: [50, 100] } });
    seller = await f.connectedSeller({ nickname: 'FLOW_SELLER', items: 5, orders: 40, questions: 5, seed: 51 });
    const { run } = await createOrJoinSyncRun(seller.tdb, { tenantId: seller.tenantId, accountId: seller.accountId, resource: 'ORDERS', kind: 'BACKFILL' });
    await runSync({ tenantDb: seller.tdb, runId: run.id, clientFor: (a) => f.services.clientFor(seller.tdb, a), lastAttempt: false });
  }, 60_000);
  afterAll(async () => {
    await f?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('duplicated and out-of-order deliveries store one row per notification and update each order once', async () => {
    const { tdb } = seller;
    f.sandbox.control.notifications({ duplicates: 3, shuffle: true });
    const orders = await tdb.mlOrder.findMany({ where: { status: 'paid' }, take: 5, orderBy: { mlOrderId: 'asc' } });
    // Two changes to the first order: its notifications may arrive in either order.
    f.sandbox.mutate.updateOrder(Number(orders[0]!.mlOrderId), { status: 'cancelled' });
    for (const order of orders) f.sandbox.mutate.updateOrder(Number(order.mlOrderId), { status: 'cancelled' });
    await f.sandbox.notificationsIdle();

    const stored = await tdb.mlNotification.findMany({ where: { topic: 'orders_v2' } });
    // One row per notification ML sent (six), whatever the duplicates; each with its job.
    expect(stored).toHaveLength(6);
    expect(await f.owner.outboxJob.count({ where: { name: 'notification.process' } })).toBe(6);

    let changed = 0;
    for (const row of stored.sort(() => Math.random() - 0.5)) {
      const result = await processNotification({ tenantDb: tdb, notificationId: row.id, clientFor: (a) => f.services.clientFor(tdb, a), lastAttempt: false });
      if (result.outcome === 'processed') changed += result.changed;
    }
    // Each order read its current state once: five orders changed, the extra notification changed nothing.
    expect(changed).toBe(5);
    expect(await tdb.mlOrder.count({ where: { id: { in: orders.map((o) => o.id) }, status: 'cancelled' } })).toBe(5);
    expect(await tdb.mlNotification.count({ where: { status: 'PROCESSED' } })).toBe(6);
  }, 30_000);
});
