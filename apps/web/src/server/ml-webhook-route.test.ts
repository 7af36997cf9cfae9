import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, type TestDatabase } from '@vitrine/db/testing';
import type * as WebhookRoute from '../../app/api/webhooks/mercadolivre/[secret]/route.ts';
import { isSharedPath } from '../routing/host-route.ts';

/** The Next route itself (Request in, Response out) on a fresh database; the intake's branches are tested in @vitrine/mercadolivre. */

const SECRET = 'route-test-webhook-secret-0123456789';
const CLIENT_ID = '1234567890123456';
const SELLER = 7_700_001;

let t: TestDatabase;
let owner: PrismaClient;
let route: typeof WebhookRoute;

beforeAll(async () => {
  t = await createTestDatabase('web_ml_webhook');
  owner = createPrismaClient(t.ownerUrl, { maxConnections: 2 });
  await owner.$executeRaw`INSERT INTO tenants (id, slug, name, updated_at) VALUES ('t_route', 'route', 'Route', now())`;
  await owner.$executeRaw`INSERT INTO ml_accounts (id, tenant_id, ml_user_id, nickname, site_id, updated_at) VALUES ('a_route', 't_route', ${SELLER}, 'S', 'MLB', now())`;
  await owner.$executeRaw`INSERT INTO ml_account_routes (ml_user_id, tenant_id, account_id) VALUES (${SELLER}, 't_route', 'a_route')`;
  Object.assign(process.env, {
    DATABASE_URL: t.ownerUrl,
    APP_DATABASE_URL: t.appUrl,
    REDIS_URL: 'redis://127.0.0.1:6379',
    PLATFORM_DOMAIN: 'localhost',
    APP_URL: 'http://localhost:3000',
    AUTH_SECRET: 'route-test-auth-secret-0123456789abcdef',
    DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    ML_CLIENT_ID: CLIENT_ID,
    ML_CLIENT_SECRET: 'sandbox-secret',
    ML_REDIRECT_URI: 'http://localhost:3000/api/mercadolivre/callback',
    ML_WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: 'silent',
  });
  route = await import('../../app/api/webhooks/mercadolivre/[secret]/route.ts');
}, 120_000);

afterAll(async () => {
  try {
    if (route) await (await import('./db.ts')).getDb().disconnect();
  } finally {
    await owner?.$disconnect();
    await t?.drop();
  }
});

const post = (secret: string, body: string, headers: Record<string, string> = {}) =>
  route.POST(
    new Request(`http://localhost:3000/api/webhooks/mercadolivre/${secret}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }),
    { params: Promise.resolve({ secret }) },
  );

const notification = (id: string) =>
  JSON.stringify({ _id: id, resource: '/orders/1', user_id: SELLER, topic: 'orders_v2', application_id: Number(CLIENT_ID), attempts: 1 });

describe('POST /api/webhooks/mercadolivre/[secret]', () => {
  it('is a dynamic Node route that the proxy passes through', () => {
    expect(route.dynamic).toBe('force-dynamic');
    expect(route.runtime).toBe('nodejs');
    expect(isSharedPath(`/api/webhooks/mercadolivre/${SECRET}`)).toBe(true);
  });

  it('stores a notification and answers {ok:true}, with no session and whatever the Origin', async () => {
    const response = await post(SECRET, notification('route-1'), { cookie: 'authjs.session-token=x', origin: 'https://elsewhere.example' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const rows = await owner.$queryRaw<Array<{ tenant_id: string }>>`SELECT tenant_id FROM ml_notifications WHERE notification_key = 'route-1'`;
    expect(rows).toEqual([{ tenant_id: 't_route' }]);
    // A retry is acknowledged too, and stores nothing new.
    expect((await post(SECRET, notification('route-1'))).status).toBe(200);
    const [jobs] = await owner.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM outbox_jobs WHERE name = 'notification.process'`;
    expect(jobs!.n).toBe(1);
  });

  it('answers 404, 400, 403 and 413 with {error}', async () => {
    const wrong = await post('not-the-secret', notification('route-2'));
    expect(wrong.status).toBe(404);
    expect(await wrong.json()).toEqual({ error: 'Not found.' });

    const badJson = await post(SECRET, '{"_id":');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({ error: 'The body is not valid JSON.' });

    const badField = await post(SECRET, JSON.stringify({ resource: '/orders/1', topic: 'orders_v2', application_id: 1 }));
    expect(badField.status).toBe(400);
    expect(((await badField.json()) as { error: string }).error).toContain('user_id');

    const otherApp = await post(SECRET, JSON.stringify({ ...JSON.parse(notification('route-3')), application_id: 42 }));
    expect(otherApp.status).toBe(403);

    const big = JSON.stringify({ ...JSON.parse(notification('route-4')), padding: 'x'.repeat(20_000) });
    expect((await post(SECRET, big)).status).toBe(413);
    expect((await post(SECRET, '{}', { 'content-length': String(1 << 20) })).status).toBe(413);
  });
});
