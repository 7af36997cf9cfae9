import { afterEach, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../schemas.ts';
import type { Sandbox } from './index.ts';
import { call, expectShape, startTestSandbox, TEST_APP } from './test-support.ts';

const TOO_MANY = { message: 'Too Many Requests', error: 'too_many_requests', status: 429, cause: [] };

let sandbox: Sandbox;
let now = Date.parse('2026-11-20T12:00:00.000Z');

async function start(extra: Parameters<typeof startTestSandbox>[0] = {}) {
  sandbox = await startTestSandbox({ clock: () => now, ...extra });
  const seller = sandbox.generateSeller({ nickname: 'LOJA_FAULTS', items: 3, orders: 3, questions: 1, seed: 1 }).id;
  return { seller, token: sandbox.issueTokens(seller).access_token };
}

afterEach(() => sandbox?.close());

describe('control.failNext', () => {
  it('answers 429 with the generic body (no Retry-After) for count requests, then recovers', async () => {
    const { token } = await start();
    sandbox.control.failNext({ status: 429, count: 2 });
    for (let i = 0; i < 2; i++) {
      const response = await call(sandbox, '/users/me', { token });
      expect(response.status).toBe(429);
      expect(response.body).toEqual(TOO_MANY);
      expect(response.headers.get('retry-after')).toBeNull();
    }
    expect((await call(sandbox, '/users/me', { token })).status).toBe(200);
  });

  it('fails only matching paths, for a while, with Retry-After when asked', async () => {
    const { seller, token } = await start();
    sandbox.control.failNext({ status: 500, forMs: 1_000, pathPrefix: '/orders', retryAfterSeconds: 2 });
    expect((await call(sandbox, '/users/me', { token })).status).toBe(200);
    const failed = await call(sandbox, `/orders/search?seller=${seller}`, { token });
    expect(failed.status).toBe(500);
    expect(expectShape(errorBodySchema, failed.body)).toMatchObject({ status: 500 });
    expect(failed.headers.get('retry-after')).toBe('2');
    expect((await call(sandbox, `/orders/search?seller=${seller}`, { token })).status).toBe(500);
    now += 1_000;
    expect((await call(sandbox, `/orders/search?seller=${seller}`, { token })).status).toBe(200);
  });

  it('leaves the token endpoint alone unless pathPrefix names it', async () => {
    const { seller } = await start();
    const refresh = sandbox.issueTokens(seller).refresh_token!;
    sandbox.control.failNext({ status: 429, forMs: 10_000 });
    const form = { grant_type: 'refresh_token', client_id: TEST_APP.clientId, client_secret: TEST_APP.clientSecret, refresh_token: refresh };
    expect((await call(sandbox, '/oauth/token', { form })).status).toBe(200);
    sandbox.control.clearFaults();
    sandbox.control.failNext({ status: 500, pathPrefix: '/oauth/token' });
    expect((await call(sandbox, '/oauth/token', { form })).status).toBe(500);
  });
});

describe('rateLimit', () => {
  it('answers 429 past the per-seller rate within one second and admits again the next second', async () => {
    const { token } = await start({ rateLimit: { perSellerPerSecond: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(sandbox, '/users/me', { token })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    now += 1_000;
    expect((await call(sandbox, '/users/me', { token })).status).toBe(200);
  });

  it('counts every seller of the application against the per-app rate', async () => {
    const { token } = await start({ rateLimit: { perAppPerSecond: 2 } });
    const other = sandbox.issueTokens(sandbox.generateSeller({ nickname: 'LOJA_DOIS', items: 1, orders: 0, questions: 0 }).id).access_token;
    expect((await call(sandbox, '/users/me', { token })).status).toBe(200);
    expect((await call(sandbox, '/users/me', { token: other })).status).toBe(200);
    const third = await call(sandbox, '/users/me', { token });
    expect(third.status).toBe(429);
    expect(third.body).toEqual(TOO_MANY);
    expect(sandbox.stats().calls['GET /users/me']).toBe(3);
  });
});
