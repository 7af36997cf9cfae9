import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { testKeyRing } from '@vitrine/db/testing';
import { createMlServices, type MlServices } from '@vitrine/mercadolivre';
import { startSandbox, type Sandbox } from '@vitrine/mercadolivre/sandbox';
import type { ApiHarness, Caller } from '../../test-support/harness.ts';

/** Test fixtures for the mercadolivre router: a sandbox application, ML services over it, the consent page. */
export const TEST_APP = {
  clientId: '7654321098765432',
  clientSecret: 'router-test-secret',
  redirectUri: 'http://vitrine.test/api/mercadolivre/callback',
} as const;

export async function startTestSandbox(): Promise<Sandbox> {
  return startSandbox({
    port: 0,
    applications: [{ clientId: TEST_APP.clientId, clientSecret: TEST_APP.clientSecret, redirectUris: [TEST_APP.redirectUri], pkceRequired: true }],
  });
}

export function mlServicesFor(sandbox: Sandbox, parts: { redis: Redis; keyPrefix: string }): MlServices {
  return createMlServices({
    redis: parts.redis,
    prefix: `${parts.keyPrefix}ml-${randomBytes(3).toString('hex')}`,
    keyRing: testKeyRing(),
    config: {
      apiBaseUrl: sandbox.url,
      authBaseUrl: sandbox.url,
      clientId: TEST_APP.clientId,
      clientSecret: TEST_APP.clientSecret,
      redirectUri: TEST_APP.redirectUri,
      ratePerApp: 1_000,
      ratePerSeller: 1_000,
      retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 50 },
    },
  });
}

/**
 * The seller's side of OAuth, as a browser would do it: open the authorization URL the router gave,
 * submit the consent form for `nickname`, follow the redirect back to our callback and read code and state.
 */
export async function authorize(sandbox: Sandbox, url: string, nickname: string, decision: 'allow' | 'deny' = 'allow') {
  const authorizationUrl = new URL(url);
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`authorization page answered ${page.status}: ${await page.text()}`);
  await page.text();
  const form = new URLSearchParams({ ...Object.fromEntries(authorizationUrl.searchParams), nickname, decision });
  const submitted = await fetch(`${sandbox.url}/authorization`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  const location = submitted.headers.get('location');
  if (submitted.status !== 302 || !location) throw new Error(`consent answered ${submitted.status}: ${await submitted.text()}`);
  const back = new URL(location);
  return { code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '', error: back.searchParams.get('error'), redirect: back };
}

/** startConnection → consent → finishConnection, as one person in one store. */
export async function connect(caller: Caller, sandbox: Sandbox, nickname: string) {
  const { url } = await caller.mercadolivre.startConnection({ siteId: 'MLB' });
  const { code, state } = await authorize(sandbox, url, nickname);
  return caller.mercadolivre.finishConnection({ code, state });
}

let sequence = 1_000;
const nextId = () => BigInt((sequence += 1));

/**
 * Synced rows for one account, written as the worker would (the worker is not running in these tests):
 * items, orders (one with a pack and messages), a shipment, questions (one answered) and notifications.
 */
export async function seedAccountData(h: ApiHarness, tenantId: string, options: { accountId?: string; nickname?: string; prefix?: string } = {}) {
  const tdb = await h.db.forTenant(tenantId);
  const prefix = options.prefix ?? 'X';
  const account =
    options.accountId !== undefined
      ? await tdb.mlAccount.findFirstOrThrow({ where: { id: options.accountId } })
      : await tdb.mlAccount.create({ data: { tenantId, mlUserId: nextId() * 1000n, nickname: options.nickname ?? `${prefix}_SELLER`, siteId: 'MLB' } });
  const accountId = account.id;
  const itemId = `MLB${nextId()}`;
  await tdb.mlItem.create({
    data: { tenantId, accountId, mlItemId: itemId, title: `${prefix} lamp`, priceMinor: 12_990n, currency: 'BRL', availableQuantity: 4, status: 'active' },
  });
  const buyerId = nextId();
  const packId = nextId();
  const shipmentId = nextId();
  const base = Date.parse('2026-11-01T12:00:00Z');
  const orders = [];
  for (let i = 0; i < 5; i += 1) {
    const mlOrderId = nextId() + 2_000_000_000n;
    orders.push(
      await tdb.mlOrder.create({
        data: {
          tenantId, accountId, mlOrderId, status: i === 0 ? 'cancelled' : 'paid', buyerId, buyerNickname: `${prefix}_BUYER_${i}`,
          totalMinor: BigInt(1000 * (i + 1)), paidMinor: BigInt(1000 * (i + 1)), currency: 'BRL', dateCreated: new Date(base + i * 86_400_000),
          packId: i === 4 ? packId : null, shipmentId: i === 4 ? shipmentId : null,
          items: { create: [{ mlItemId: itemId, title: i === 4 ? `${prefix} special lamp` : `${prefix} lamp`, quantity: i + 1, unitPriceMinor: 1000n, currency: 'BRL' }] },
        },
      }),
    );
  }
  const packed = orders[4]!;
  await tdb.mlShipment.create({ data: { tenantId, accountId, mlShipmentId: shipmentId, mlOrderId: packed.mlOrderId, status: 'shipped', trackingNumber: 'TRK1' } });
  await tdb.mlMessage.createMany({
    data: [
      { tenantId, accountId, mlMessageId: `${prefix}-m1`, packId, fromUserId: buyerId, toUserId: account.mlUserId, text: 'When does it ship?', status: 'available', sentAt: new Date(base + 5 * 86_400_000) },
      { tenantId, accountId, mlMessageId: `${prefix}-m2`, packId, fromUserId: account.mlUserId, toUserId: buyerId, text: 'Tomorrow.', status: 'available', sentAt: new Date(base + 5 * 86_400_000 + 60_000) },
    ],
  });
  const question = (minutes: number, status: string, text: string) =>
    tdb.mlQuestion.create({
      data: {
        tenantId, accountId, mlQuestionId: nextId(), mlItemId: itemId, buyerId, text, status, dateCreated: new Date(base + minutes * 60_000),
        ...(status === 'ANSWERED' ? { answerText: 'Yes, it is.', answeredAt: new Date(base + (minutes + 5) * 60_000) } : {}),
      },
    });
  const answered = await question(10, 'ANSWERED', `${prefix} is it new?`);
  const unanswered = await question(20, 'UNANSWERED', `${prefix} does it come with a bulb?`);
  const newer = await question(30, 'UNANSWERED', `${prefix} what colour?`);
  const dead = await tdb.mlNotification.create({
    data: {
      tenantId, accountId, notificationKey: `${prefix}-n1`, topic: 'orders_v2', resource: `/orders/${packed.mlOrderId}`, mlUserId: account.mlUserId,
      status: 'DEAD', attempts: 5, lastError: 'boom',
    },
  });
  const processed = await tdb.mlNotification.create({
    data: { tenantId, accountId, notificationKey: `${prefix}-n2`, topic: 'questions', resource: `/questions/${unanswered.mlQuestionId}`, mlUserId: account.mlUserId, status: 'PROCESSED' },
  });
  return { account, itemId, orders, packed, answered, unanswered, newer, dead, processed };
}

export type SeededAccount = Awaited<ReturnType<typeof seedAccountData>>;
