import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { missedFeedsSchema, notificationSchema } from '../schemas.ts';
import type { NotificationBody, Sandbox } from './index.ts';
import { call, expectShape, startTestSandbox, TEST_APP } from './test-support.ts';

/** A real callback server whose answer each test chooses. */
interface Receiver {
  url: string;
  received: NotificationBody[];
  respond: (body: NotificationBody) => { status: number; delayMs?: number };
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Partial<Receiver> & { received: NotificationBody[] } = { received: [], respond: () => ({ status: 200 }) };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as NotificationBody;
      receiver.received.push(body);
      const { status, delayMs = 0 } = receiver.respond!(body);
      setTimeout(() => {
        if (!res.destroyed) res.writeHead(status).end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/mercadolivre/s3cret`;
  receiver.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return receiver as Receiver;
}

let receiver: Receiver;
let sandbox: Sandbox;
let now = Date.now();
let seller: number;
let token: string;

async function start(extra: Parameters<typeof startTestSandbox>[0] = {}) {
  sandbox = await startSandboxWithCallback(extra);
  seller = sandbox.generateSeller({ nickname: 'LOJA_NOTIF', items: 5, orders: 10, questions: 30, seed: 1 }).id;
  token = sandbox.issueTokens(seller).access_token;
}

function startSandboxWithCallback(extra: Parameters<typeof startTestSandbox>[0]) {
  return startTestSandbox({
    applications: [{ ...TEST_APP, redirectUris: [...TEST_APP.redirectUris], notificationsUrl: receiver.url }],
    notificationRetrySchedule: [20, 20, 20],
    // Generous enough that a loaded CI machine still acknowledges in time; the slow case waits far longer.
    notificationTimeoutMs: 400,
    clock: () => now,
    ...extra,
  });
}

beforeAll(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await sandbox?.close();
  receiver.received.length = 0;
  receiver.respond = () => ({ status: 200 });
  now = Date.now();
});
afterAll(() => receiver.close());

async function firstUnanswered(): Promise<number> {
  const page = (await call(sandbox, `/questions/search?seller_id=${seller}&status=UNANSWERED&limit=1`, { token })).body as { questions: { id: number }[] };
  return page.questions[0]!.id;
}

describe('notifications', () => {
  it('posts the documented body when an answer is posted through the API', async () => {
    await start();
    const id = await firstUnanswered();
    await call(sandbox, '/answers', { token, json: { question_id: id, text: 'Sim!' } });
    await sandbox.notificationsIdle();
    expect(receiver.received).toHaveLength(1);
    const body = expectShape(notificationSchema, receiver.received[0]);
    expect(body).toMatchObject({ resource: `/questions/${id}`, user_id: seller, topic: 'questions', application_id: Number(TEST_APP.clientId), attempts: 1 });
    expect(Object.keys(receiver.received[0]!).sort()).toEqual(['_id', 'application_id', 'attempts', 'received', 'resource', 'sent', 'topic', 'user_id']);
  });

  it('sends `actions` for messages, whose resource is the bare message id', async () => {
    await start();
    const order = sandbox.mutate.createOrder(seller);
    sandbox.mutate.buyerMessage(order.id, 'Oi');
    await sandbox.notificationsIdle();
    const message = receiver.received.find((n) => n.topic === 'messages')!;
    expect(message.actions).toEqual(['created']);
    expect(message.resource).toMatch(/^[0-9a-f]{32}$/);
    expect(receiver.received.find((n) => n.topic === 'orders_v2')?.resource).toBe(`/orders/${order.id}`);
  });

  it('retries a 500 with attempts incremented and the same _id until a 200', async () => {
    await start();
    receiver.respond = (body) => ({ status: body.attempts < 3 ? 500 : 200 });
    sandbox.notify('orders_v2', '/orders/1', seller);
    await sandbox.notificationsIdle();
    expect(receiver.received.map((n) => n.attempts)).toEqual([1, 2, 3]);
    expect(new Set(receiver.received.map((n) => n._id)).size).toBe(1);
    expect(sandbox.stats()).toMatchObject({ notificationsSent: 1, notificationsFailed: 2, notificationsMissed: 0 });
  });

  it('counts a 200 slower than the timeout as failed, and records an exhausted notification in /missed_feeds', async () => {
    await start({ notificationRetrySchedule: [10] });
    receiver.respond = () => ({ status: 200, delayMs: 1_200 });
    sandbox.notify('questions', '/questions/9', seller);
    await sandbox.notificationsIdle();
    expect(receiver.received.map((n) => n.attempts)).toEqual([1, 2]);
    const feeds = expectShape(missedFeedsSchema, (await call(sandbox, `/missed_feeds?app_id=${TEST_APP.clientId}`, { token })).body);
    expect(feeds.messages).toHaveLength(1);
    expect(feeds.messages[0]).toMatchObject({ resource: '/questions/9', topic: 'questions', attempts: 2, user_id: seller });
    expect(sandbox.stats().notificationsMissed).toBe(1);
  });

  it('pages /missed_feeds 10 at a time by default, filters by topic, needs site_id for items, keeps 2 days', async () => {
    await start({ notificationRetrySchedule: [] });
    receiver.respond = () => ({ status: 500 });
    for (let i = 0; i < 12; i++) sandbox.notify('orders_v2', `/orders/${i}`, seller);
    sandbox.notify('items', '/items/MLB1', seller);
    await sandbox.notificationsIdle();
    const base = `/missed_feeds?app_id=${TEST_APP.clientId}`;
    expect(expectShape(missedFeedsSchema, (await call(sandbox, base, { token })).body).messages).toHaveLength(10);
    expect(expectShape(missedFeedsSchema, (await call(sandbox, `${base}&offset=10`, { token })).body).messages).toHaveLength(3);
    expect(expectShape(missedFeedsSchema, (await call(sandbox, `${base}&topic=orders_v2&limit=50`, { token })).body).messages).toHaveLength(12);
    expect((await call(sandbox, `${base}&topic=items`, { token })).status).toBe(400);
    expect(expectShape(missedFeedsSchema, (await call(sandbox, `${base}&topic=items&site_id=MLB`, { token })).body).messages).toHaveLength(1);
    expect((await call(sandbox, '/missed_feeds?app_id=1', { token })).status).toBe(403);
    now += 2 * 86_400_000 + 1;
    token = sandbox.issueTokens(seller).access_token;
    expect(expectShape(missedFeedsSchema, (await call(sandbox, base, { token })).body).messages).toHaveLength(0);
  });

  it('sends each notification N extra times with control.notifications({ duplicates })', async () => {
    await start();
    sandbox.control.notifications({ duplicates: 2 });
    sandbox.notify('orders_v2', '/orders/5', seller);
    await sandbox.notificationsIdle();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((n) => n._id)).size).toBe(1);
  });

  it('keeps publication order by default and reorders a batch with shuffle', async () => {
    await start({ notificationConcurrency: 1 });
    const resources = Array.from({ length: 20 }, (_, i) => `/orders/${i}`);
    for (const resource of resources) sandbox.notify('orders_v2', resource, seller);
    await sandbox.notificationsIdle();
    expect(receiver.received.map((n) => n.resource)).toEqual(resources);
    receiver.received.length = 0;
    sandbox.control.notifications({ shuffle: true });
    for (const resource of resources) sandbox.notify('orders_v2', resource, seller);
    await sandbox.notificationsIdle();
    const order = receiver.received.map((n) => n.resource);
    expect(order).not.toEqual(resources);
    expect([...order].sort()).toEqual([...resources].sort());
  });

  it('holds notifications while paused and sends them when resumed', async () => {
    await start();
    sandbox.control.notifications({ paused: true });
    sandbox.notify('orders_v2', '/orders/7', seller);
    await sandbox.notificationsIdle();
    expect(receiver.received).toHaveLength(0);
    sandbox.control.notifications({ paused: false });
    await sandbox.notificationsIdle();
    expect(receiver.received).toHaveLength(1);
  });

  it('close() drops pending retries instead of keeping the process alive', async () => {
    await start({ notificationRetrySchedule: [60_000] });
    receiver.respond = () => ({ status: 500 });
    sandbox.notify('orders_v2', '/orders/8', seller);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(1);
    await sandbox.close();
    await sandbox.notificationsIdle();
    expect(sandbox.stats().notificationsFailed).toBe(1);
  });
});
