import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createPrismaClient, type Database, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { enqueueInTransaction } from '@vitrine/queue';
import { acceptMlNotification, handleMlWebhook, notificationJobId, webhookSecretMatches } from './notifications.ts';

const SECRET = 'w'.repeat(32);
const CLIENT_ID = '5503910054141466';

/** Seller A (tenant A), seller B (tenant B), seller C (tenant A, disconnected); 999 is nobody's. */
const A = { tenantId: 'tenant_notif_a', accountId: 'mla_notif_a', mlUserId: 1001 };
const B = { tenantId: 'tenant_notif_b', accountId: 'mla_notif_b', mlUserId: 1002 };
const C = { tenantId: 'tenant_notif_a', accountId: 'mla_notif_c', mlUserId: 1003 };

let t: TestDatabase;
let owner: PrismaClient;
let db: Database;

const notification = (overrides: Record<string, unknown> = {}) => ({
  _id: randomUUID(),
  resource: '/orders/2195160686',
  user_id: A.mlUserId,
  topic: 'orders_v2',
  application_id: Number(CLIENT_ID),
  attempts: 1,
  sent: '2026-11-27T13:44:33.006Z',
  received: '2026-11-27T13:44:32.984Z',
  ...overrides,
});

const accept = (body: unknown, secret = SECRET) => acceptMlNotification(db, { secret, expectedSecret: SECRET, clientId: CLIENT_ID, body });

/** Rows as the owner (superuser: no RLS), so a row in the wrong tenant would show. */
const notificationsByKey = (key: string) =>
  owner.$queryRaw<Array<{ id: string; tenant_id: string; account_id: string; ml_attempts: number; topic: string; resource: string; ml_user_id: bigint; body: unknown }>>`
    SELECT id, tenant_id, account_id, ml_attempts, topic, resource, ml_user_id, body FROM ml_notifications WHERE notification_key = ${key}`;
const outboxFor = (notificationId: string) =>
  owner.$queryRaw<Array<{ queue: string; name: string; job_id: string; tenant_id: string; payload: unknown }>>`
    SELECT queue, name, job_id, tenant_id, payload FROM outbox_jobs WHERE payload->>'notificationId' = ${notificationId}`;
const counts = async () => {
  const [row] = await owner.$queryRaw<Array<{ notifications: number; jobs: number }>>`
    SELECT (SELECT count(*)::int FROM ml_notifications) AS notifications,
           (SELECT count(*)::int FROM outbox_jobs WHERE name = 'notification.process') AS jobs`;
  return row!;
};

beforeAll(async () => {
  t = await createTestDatabase('ml_notifications');
  owner = createPrismaClient(t.ownerUrl, { maxConnections: 2 });
  await owner.$executeRaw`INSERT INTO tenants (id, slug, name, updated_at) VALUES (${A.tenantId}, 'notif-a', 'A', now()), (${B.tenantId}, 'notif-b', 'B', now())`;
  for (const [seller, status] of [[A, 'ACTIVE'], [B, 'ACTIVE'], [C, 'DISCONNECTED']] as const) {
    await owner.$executeRaw`
      INSERT INTO ml_accounts (id, tenant_id, ml_user_id, nickname, site_id, status, updated_at)
      VALUES (${seller.accountId}, ${seller.tenantId}, ${seller.mlUserId}, 'SELLER', 'MLB', ${status}::"MlAccountStatus", now())`;
    await owner.$executeRaw`
      INSERT INTO ml_account_routes (ml_user_id, tenant_id, account_id) VALUES (${seller.mlUserId}, ${seller.tenantId}, ${seller.accountId})`;
  }
  db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
});

afterAll(async () => {
  await db?.disconnect();
  await owner?.$disconnect();
  await t?.drop();
});

describe('webhookSecretMatches', () => {
  it('accepts only the exact secret', () => {
    expect(webhookSecretMatches(SECRET, SECRET)).toBe(true);
    expect(webhookSecretMatches(SECRET.slice(1), SECRET)).toBe(false);
    expect(webhookSecretMatches(`${SECRET}x`, SECRET)).toBe(false);
    expect(webhookSecretMatches('', SECRET)).toBe(false);
    expect(webhookSecretMatches('', '')).toBe(false);
  });
});

describe('acceptMlNotification', () => {
  it('answers 404 to a wrong secret, before looking at the body', async () => {
    const before = await counts();
    expect(await accept(notification(), 'not-the-secret-at-all-xxxxxxxxx')).toMatchObject({ status: 404 });
    expect(await accept('garbage', 'nope')).toMatchObject({ status: 404 });
    expect(await counts()).toEqual(before);
  });

  it('answers 400 naming the field when the body is not a notification', async () => {
    const { resource: _resource, ...noResource } = notification();
    expect(await accept(noResource)).toMatchObject({ status: 400, message: expect.stringContaining('resource') });
    expect(await accept(notification({ user_id: 'abc' }))).toMatchObject({ status: 400, message: expect.stringContaining('user_id') });
    expect(await accept(notification({ attempts: 'many' }))).toMatchObject({ status: 400, message: expect.stringContaining('attempts') });
    expect(await accept([1, 2])).toMatchObject({ status: 400, message: expect.stringContaining('body') });
    expect(await accept(null)).toMatchObject({ status: 400 });
  });

  it('answers 403 to another application’s notification', async () => {
    const result = await accept(notification({ application_id: 1234567890 }));
    expect(result).toMatchObject({ status: 403 });
  });

  it('acknowledges a topic it does not process without storing it', async () => {
    const before = await counts();
    const result = await accept(notification({ topic: 'orders_feedback' }));
    expect(result).toMatchObject({ status: 200, ignored: 'unknown_topic' });
    expect(await counts()).toEqual(before);
  });

  it('acknowledges a seller with no route, or whose account is not active, without storing anything', async () => {
    const before = await counts();
    expect(await accept(notification({ user_id: 999 }))).toMatchObject({ status: 200, ignored: 'unknown_seller' });
    const disconnected = notification({ user_id: C.mlUserId });
    expect(await accept(disconnected)).toMatchObject({ status: 200, ignored: 'inactive_account' });
    expect(await notificationsByKey(disconnected._id)).toHaveLength(0);
    expect(await counts()).toEqual(before);
  });

  it('stores a new notification in the seller’s tenant and enqueues its processing with it', async () => {
    const body = notification({ user_id: String(A.mlUserId), topic: 'questions', resource: '/questions/5036111111' });
    const result = await accept(body);
    expect(result).toMatchObject({ status: 200, duplicate: false, tenantId: A.tenantId });
    const rows = await notificationsByKey(body._id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: result.notificationId,
      tenant_id: A.tenantId,
      account_id: A.accountId,
      topic: 'questions',
      resource: '/questions/5036111111',
      ml_user_id: BigInt(A.mlUserId),
      ml_attempts: 1,
      body,
    });
    expect(await outboxFor(result.notificationId!)).toEqual([
      {
        queue: 'mercadolivre',
        name: 'notification.process',
        job_id: notificationJobId(result.notificationId!),
        tenant_id: A.tenantId,
        payload: { tenantId: A.tenantId, notificationId: result.notificationId },
      },
    ]);
  });

  it('writes the same outbox row enqueueInTransaction would', async () => {
    const result = await accept(notification());
    const columns = (id: string) =>
      owner.$queryRaw<Array<Record<string, unknown>>>`
        SELECT tenant_id, queue, name, payload, relayed_at, attempts, last_error, available_at <= now() AS due
        FROM outbox_jobs WHERE id = ${id}`;
    const [ours] = await owner.$queryRaw<Array<{ id: string }>>`SELECT id FROM outbox_jobs WHERE job_id = ${notificationJobId(result.notificationId!)}`;
    const reference = await (await db.forTenant(A.tenantId)).$scoped((tx) =>
      enqueueInTransaction(tx, {
        queue: 'mercadolivre',
        name: 'notification.process',
        payload: { tenantId: A.tenantId, notificationId: result.notificationId! },
        jobId: 'reference',
        tenantId: A.tenantId,
      }),
    );
    expect(await columns(ours!.id)).toEqual(await columns(reference));
    await owner.$executeRaw`DELETE FROM outbox_jobs WHERE id = ${reference}`;
  });

  it('keeps one row and one job for five deliveries of the same notification, with the highest attempt count', async () => {
    const id = randomUUID();
    const before = await counts();
    const results = await Promise.all([1, 2, 3, 4, 5].map((attempts) => accept(notification({ _id: id, attempts }))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.duplicate === false)).toHaveLength(1);
    expect(results.filter((r) => r.duplicate === true)).toHaveLength(4);
    const rows = await notificationsByKey(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ml_attempts).toBe(5);
    expect(await outboxFor(rows[0]!.id)).toHaveLength(1);
    expect(await counts()).toEqual({ notifications: before.notifications + 1, jobs: before.jobs + 1 });

    // A late retry with a lower count changes nothing.
    expect(await accept(notification({ _id: id, attempts: 2 }))).toMatchObject({ status: 200, duplicate: true, notificationId: rows[0]!.id });
    expect((await notificationsByKey(id))[0]!.ml_attempts).toBe(5);
    expect(await counts()).toEqual({ notifications: before.notifications + 1, jobs: before.jobs + 1 });
  });

  it('keys a notification without _id on topic, resource and send time', async () => {
    const { _id: _ignored, ...withoutId } = notification({ resource: '/items/MLB123', topic: 'items', sent: '2026-11-27T10:00:00.000Z' });
    const first = await accept(withoutId);
    const again = await accept({ ...withoutId, attempts: 2 });
    const later = await accept({ ...withoutId, sent: '2026-11-27T10:05:00.000Z' });
    expect(first).toMatchObject({ status: 200, duplicate: false });
    expect(again).toMatchObject({ status: 200, duplicate: true, notificationId: first.notificationId });
    expect(later).toMatchObject({ status: 200, duplicate: false });
    expect(await notificationsByKey('items|/items/MLB123|2026-11-27T10:00:00.000Z')).toMatchObject([{ ml_attempts: 2 }]);

    // The sub-topic model's `id` is the key when `_id` is absent.
    const subTopic = { ...withoutId, id: `sub-${randomUUID()}`, topic: 'messages', resource: '3f6da1e35ac84f70a24af7360d24c7bc', actions: ['created'] };
    expect(await accept(subTopic)).toMatchObject({ status: 200, duplicate: false });
    expect(await notificationsByKey(subTopic.id)).toHaveLength(1);
  });

  it('puts each seller’s notification in its own tenant only, even under the same _id', async () => {
    const id = randomUUID();
    const a = await accept(notification({ _id: id, user_id: A.mlUserId }));
    const b = await accept(notification({ _id: id, user_id: B.mlUserId }));
    expect(a).toMatchObject({ status: 200, duplicate: false, tenantId: A.tenantId });
    expect(b).toMatchObject({ status: 200, duplicate: false, tenantId: B.tenantId });
    const rows = await notificationsByKey(id);
    expect(rows.map((r) => [r.tenant_id, r.account_id]).sort()).toEqual([
      [A.tenantId, A.accountId],
      [B.tenantId, B.accountId],
    ]);

    // Through the application role, each tenant sees its own row only.
    const seenByA = await (await db.forTenant(A.tenantId)).mlNotification.findMany({ where: { notificationKey: id } });
    const seenByB = await (await db.forTenant(B.tenantId)).mlNotification.findMany({ where: { notificationKey: id } });
    expect(seenByA.map((r) => r.id)).toEqual([a.notificationId]);
    expect(seenByB.map((r) => r.id)).toEqual([b.notificationId]);
  });
});

describe('handleMlWebhook', () => {
  const config = { expectedSecret: SECRET, clientId: CLIENT_ID };
  async function* chunks(...parts: string[]) {
    for (const part of parts) yield new TextEncoder().encode(part);
  }
  const request = (text: string, secret = SECRET, contentLength: string | null = String(Buffer.byteLength(text))) => ({
    secret,
    contentLength,
    body: chunks(text),
  });

  it('answers {ok:true} to a good notification', async () => {
    const response = await handleMlWebhook(db, config, request(JSON.stringify(notification())));
    expect(response).toMatchObject({ status: 200, body: { ok: true }, result: { duplicate: false } });
  });

  it('answers 404 to a wrong secret, 400 to bad JSON and 413 to an oversized body', async () => {
    expect(await handleMlWebhook(db, config, request('{}', 'wrong'))).toMatchObject({ status: 404, body: { error: 'Not found.' } });
    expect(await handleMlWebhook(db, config, request('{"resource":'))).toMatchObject({ status: 400, body: { error: 'The body is not valid JSON.' } });
    expect(await handleMlWebhook(db, config, request(''))).toMatchObject({ status: 400 });
    expect(await handleMlWebhook(db, config, request('{}'))).toMatchObject({ status: 400, body: { error: expect.stringContaining('resource') } });
    // Announced too large: refused before reading.
    expect(await handleMlWebhook(db, config, request('{}', SECRET, String(17 * 1024)))).toMatchObject({ status: 413 });
    // Not announced (chunked), found too large while reading.
    const big = JSON.stringify(notification({ padding: 'x'.repeat(20_000) }));
    const streamed = { secret: SECRET, contentLength: null, body: chunks(big.slice(0, 10_000), big.slice(10_000)) };
    expect(await handleMlWebhook(db, config, streamed)).toMatchObject({ status: 413 });
  });

  it('answers 403 with the reason for another application', async () => {
    const response = await handleMlWebhook(db, config, request(JSON.stringify(notification({ application_id: 42 }))));
    expect(response).toMatchObject({ status: 403, body: { error: expect.stringContaining('another application') } });
  });
});
