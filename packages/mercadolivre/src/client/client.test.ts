import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { createMlClient } from './client.ts';
import { createRateLimiter } from '../rate-limit/limiter.ts';
import { MlAuthExpiredError, MlBadRequestError, MlNotFoundError, MlRateLimitedError } from '../errors.ts';
import { ORDER_STATUSES } from '../schemas.ts';

const APP = { clientId: '5550001', clientSecret: 'client-test-secret', redirectUris: ['http://localhost/cb'] };
const noWait = { retries: 8, baseDelayMs: 1, maxDelayMs: 5 };

describe('Mercado Livre client against the sandbox', () => {
  let sandbox: Sandbox;
  let seller: { id: number };
  let token: string;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `test-mlclient-${process.pid}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ applications: [APP] });
    seller = sandbox.generateSeller({ nickname: 'CLIENT_TEST', items: 45, orders: 180, questions: 60, seed: 7 });
    token = sandbox.issueTokens(seller.id, APP.clientId).access_token;
  });
  afterAll(async () => {
    await sandbox?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const client = (extra: Partial<Parameters<typeof createMlClient>[0]> = {}) =>
    createMlClient({ apiBaseUrl: sandbox.url, sellerId: seller.id, accessToken: async () => token, retry: noWait, ...extra });

  it('pages through every order of every status, exactly once', async () => {
    const seen = new Set<number>();
    for (let offset = 0; ; offset += 50) {
      const page = await client().searchOrders({ status: ORDER_STATUSES, sort: 'date_asc', offset, limit: 50 });
      for (const order of page.results) seen.add(order.id);
      if (offset + 50 >= page.paging.total) break;
    }
    expect(seen.size).toBe(sandbox.counts(seller.id).orders);
  });

  it('reads the seller, questions, items (multiget in chunks of 20) and shipments with validated shapes', async () => {
    const c = client();
    expect((await c.me()).id).toBe(seller.id);
    const { questions, total } = await c.searchQuestions({ sortFields: 'date_created', sortTypes: 'ASC', limit: 50 });
    expect(total).toBe(sandbox.counts(seller.id).questions);
    expect((await c.getQuestion(questions[0]!.id)).id).toBe(questions[0]!.id);
    const { ids } = await c.searchItemIds({ limit: 100 });
    expect(ids).toHaveLength(45);
    expect((await c.getItems(ids)).map((i) => i.id).sort()).toEqual([...ids].sort());
    const withShipment = (await c.searchOrders({ status: ['paid'], limit: 50 })).results.find((o) => o.shipping?.id);
    expect((await c.getShipment(withShipment!.shipping!.id!)).id).toBe(withShipment!.shipping!.id);
  });

  it("turns ML's refusals into typed errors with ML's reason", async () => {
    const c = client();
    const question = (await c.searchQuestions({ status: 'UNANSWERED', limit: 1 })).questions[0]!;
    await c.answerQuestion(question.id, 'Sim, temos em estoque.');
    const again = await c.answerQuestion(question.id, 'Outra resposta').catch((e: unknown) => e);
    expect(again).toBeInstanceOf(MlBadRequestError);
    expect((again as Error).message).toMatch(/already answered/i);
    await expect(c.getOrder(1)).rejects.toBeInstanceOf(MlNotFoundError);
    await expect(client({ accessToken: async () => 'APP_USR-bad' }).me()).rejects.toBeInstanceOf(MlAuthExpiredError);
  });

  it('asks for a new token once on a 401 and retries with it', async () => {
    let asked = 0;
    const c = client({
      accessToken: async () => 'APP_USR-expired',
      onAuthExpired: async () => {
        asked++;
        return token;
      },
    });
    expect((await c.me()).id).toBe(seller.id);
    expect(asked).toBe(1);
  });

  it('rides out a 429 storm with backoff and fails only when retries run out', async () => {
    sandbox.control.failNext({ status: 429, count: 5, pathPrefix: '/users' });
    const retries: number[] = [];
    expect((await client({ retry: { ...noWait, onRetry: ({ attempt }) => retries.push(attempt) } }).me()).id).toBe(seller.id);
    expect(retries).toEqual([1, 2, 3, 4, 5]);
    sandbox.control.failNext({ status: 500, count: 3, pathPrefix: '/users' });
    await expect(client({ retry: { ...noWait, retries: 2 } }).me()).rejects.toMatchObject({ status: 500 });
    sandbox.control.clearFaults();
    sandbox.control.failNext({ status: 429, count: 1, pathPrefix: '/users' });
    await expect(client({ retry: { ...noWait, retries: 0 } }).me()).rejects.toBeInstanceOf(MlRateLimitedError);
    sandbox.control.clearFaults();
  });

  it('takes a rate-limiter slot before every request', async () => {
    let clock = 1_000_000;
    const limiter = createRateLimiter({ redis, prefix, appId: 'client-test', perAppPerSecond: 2, perSellerPerSecond: 2, clock: () => clock, sleep: async (ms) => void (clock += ms) });
    const c = client({ limiter });
    const start = clock;
    for (let i = 0; i < 6; i++) await c.me();
    // Two at once (the burst), then one every 500 ms of the fake clock.
    expect(clock - start).toBe(2_000);
  });
});
