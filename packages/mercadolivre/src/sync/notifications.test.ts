import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClient } from '@vitrine/db';
import { createOrJoinSyncRun } from '../store/sync-runs.ts';
import { createMlFixture, type MlFixture } from '../test-support/fixture.ts';
import { processNotification } from './notifications.ts';
import { runSync } from './run.ts';

/** Notifications read the resource they point at; duplicates and late ones change a row once at most. */
describe('processing notifications', () => {
  let f: MlFixture;
  let tenantId: string;
  let tdb: TenantClient;
  let accountId: string;
  let sellerId: number;

  beforeAll(async () => {
    f = await createMlFixture('notifications');
    ({ sellerId, tenantId, accountId, tdb } = await f.connectedSeller({ nickname: 'NOTIFIED_SELLER', items: 10, orders: 30, questions: 20, seed: 21 }));
    for (const resource of ['ORDERS', 'QUESTIONS', 'ITEMS'] as const) {
      const { run } = await createOrJoinSyncRun(tdb, { tenantId, accountId, resource, kind: 'BACKFILL' });
      await runSync({ tenantDb: tdb, runId: run.id, clientFor: (a) => f.services.clientFor(tdb, a), lastAttempt: false });
    }
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  async function store(topic: string, resource: string) {
    return tdb.mlNotification.create({
      data: { tenantId, accountId, notificationKey: randomUUID(), topic, resource, mlUserId: BigInt(sellerId) },
    });
  }
  const process = (id: string, lastAttempt = false) =>
    processNotification({ tenantDb: tdb, notificationId: id, clientFor: (a) => f.services.clientFor(tdb, a), lastAttempt });

  it('an order notification updates the order once; duplicates and late copies change nothing', async () => {
    const order = await tdb.mlOrder.findFirstOrThrow({ where: { status: 'paid' } });
    f.sandbox.mutate.updateOrder(Number(order.mlOrderId), { status: 'cancelled' });
    const first = await store('orders_v2', `/orders/${order.mlOrderId}`);
    const duplicate = await store('orders_v2', `/orders/${order.mlOrderId}`);
    expect(await process(first.id)).toEqual({ outcome: 'processed', changed: 1 });
    expect(await process(duplicate.id)).toEqual({ outcome: 'processed', changed: 0 });
    // A job run twice for the same notification does nothing the second time.
    expect(await process(first.id)).toMatchObject({ outcome: 'skipped' });
    expect((await tdb.mlOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('cancelled');
    expect(await tdb.mlNotification.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'PROCESSED', attempts: 1 });
  });

  it('a new question arrives, an answered one is updated, a deleted one leaves the queue', async () => {
    const asked = f.sandbox.mutate.askQuestion(sellerId, { text: 'Tem garantia estendida?' });
    expect(await process((await store('questions', `/questions/${asked.id}`)).id)).toEqual({ outcome: 'processed', changed: 1 });
    expect(await tdb.mlQuestion.count({ where: { mlQuestionId: BigInt(asked.id), status: 'UNANSWERED' } })).toBe(1);

    f.sandbox.mutate.answerQuestion(asked.id, 'Sim, 12 meses.');
    await process((await store('questions', `/questions/${asked.id}`)).id);
    expect(await tdb.mlQuestion.findFirstOrThrow({ where: { mlQuestionId: BigInt(asked.id) } })).toMatchObject({ status: 'ANSWERED', answerText: 'Sim, 12 meses.' });

    const other = await tdb.mlQuestion.findFirstOrThrow({ where: { status: 'UNANSWERED' } });
    f.sandbox.mutate.deleteQuestion(Number(other.mlQuestionId));
    expect(await process((await store('questions', `/questions/${other.mlQuestionId}`)).id)).toEqual({ outcome: 'processed', changed: 1 });
    expect((await tdb.mlQuestion.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('DELETED');
  });

  it('items, shipments and messages are read; topics we do not keep are ignored', async () => {
    const item = await tdb.mlItem.findFirstOrThrow();
    f.sandbox.mutate.updateItem(item.mlItemId, { price: 123.45 });
    expect(await process((await store('items', `/items/${item.mlItemId}`)).id)).toEqual({ outcome: 'processed', changed: 1 });
    expect((await tdb.mlItem.findUniqueOrThrow({ where: { id: item.id } })).priceMinor).toBe(12345n);

    // A conversation whose orders are all cancelled refuses messages, and the first test cancels one: take a live order.
    const order = await tdb.mlOrder.findFirstOrThrow({ where: { shipmentId: { not: null }, status: { not: 'cancelled' } }, orderBy: { mlOrderId: 'asc' } });
    expect(await process((await store('shipments', `/shipments/${order.shipmentId}`)).id)).toEqual({ outcome: 'processed', changed: 1 });

    const message = f.sandbox.mutate.buyerMessage(Number(order.packId ?? order.mlOrderId), 'Pode enviar hoje?');
    expect(await process((await store('messages', message.id)).id)).toEqual({ outcome: 'processed', changed: 1 });
    expect(await tdb.mlMessage.count({ where: { mlMessageId: message.id } })).toBe(1);

    expect(await process((await store('payments', '/collections/123')).id)).toMatchObject({ outcome: 'ignored' });
  });

  it('failures retry with the error kept, and the last attempt dead-letters the notification', async () => {
    const order = await tdb.mlOrder.findFirstOrThrow();
    const row = await store('orders_v2', `/orders/${order.mlOrderId}`);
    f.sandbox.control.failNext({ status: 500, count: 100, pathPrefix: '/orders/' });
    try {
      await expect(process(row.id)).rejects.toThrow();
      expect(await tdb.mlNotification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'RECEIVED', attempts: 1 });
      expect(await process(row.id, true)).toMatchObject({ outcome: 'dead' });
    } finally {
      f.sandbox.control.clearFaults();
    }
    const dead = await tdb.mlNotification.findUniqueOrThrow({ where: { id: row.id } });
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 2 });
    expect(dead.lastError).toBeTruthy();
  }, 30_000);

  it('an order ML does not know is dead-lettered at once (a 404 will not get better)', async () => {
    expect(await process((await store('orders_v2', '/orders/999999999999')).id)).toMatchObject({ outcome: 'dead' });
  });
});
