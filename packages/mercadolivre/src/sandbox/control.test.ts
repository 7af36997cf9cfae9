import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, questionSchema, tokenResponseSchema } from '../schemas.ts';
import type { Sandbox, SandboxCounts, SandboxStats } from './index.ts';
import { call, expectShape, startTestSandbox } from './test-support.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe('/__sandbox control endpoints', () => {
  it('creates a seller, issues tokens, reports counts and stats', async () => {
    const created = await call(sandbox, '/__sandbox/sellers', { json: { nickname: 'LOJA_HTTP', siteId: 'MLA', items: 10, orders: 30, questions: 20, seed: 9 } });
    expect(created.status).toBe(201);
    const seller = created.body as { id: number; nickname: string; siteId: string };
    expect(seller).toMatchObject({ nickname: 'LOJA_HTTP', siteId: 'MLA' });
    const tokens = expectShape(tokenResponseSchema, (await call(sandbox, '/__sandbox/tokens', { json: { sellerId: seller.id } })).body);
    expect((await call(sandbox, '/users/me', { token: tokens.access_token })).status).toBe(200);
    const counts = (await call(sandbox, `/__sandbox/counts/${seller.id}`)).body as SandboxCounts;
    expect(counts).toEqual(sandbox.counts(seller.id));
    expect(counts).toMatchObject({ items: 10, orders: 30, questions: 20 });
    const stats = (await call(sandbox, '/__sandbox/stats')).body as SandboxStats;
    expect(stats.calls['GET /users/me']).toBe(1);
    expect(stats.calls).not.toHaveProperty('GET /__sandbox/stats');
  });

  it('asks, answers and deletes questions; sets faults and notification behaviour', async () => {
    const seller = sandbox.generateSeller({ nickname: 'LOJA_HTTP2', items: 2, orders: 0, questions: 0 }).id;
    const asked = expectShape(questionSchema, (await call(sandbox, '/__sandbox/questions', { json: { sellerId: seller, text: 'Tem azul?' } })).body);
    expect(asked.status).toBe('UNANSWERED');
    const answered = await call(sandbox, `/__sandbox/questions/${asked.id}/answer`, { json: { text: 'Tem sim' } });
    expect(expectShape(questionSchema, answered.body).status).toBe('ANSWERED');
    expect((await call(sandbox, `/__sandbox/questions/${asked.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(sandbox.counts(seller).questions).toBe(0);
    expect((await call(sandbox, '/__sandbox/notifications', { json: { duplicates: 1, shuffle: true } })).body).toEqual({ duplicates: 1, shuffle: true, paused: false });
    expect((await call(sandbox, '/__sandbox/faults', { json: { status: 429, count: 1 } })).status).toBe(200);
    const token = sandbox.issueTokens(seller).access_token;
    expect((await call(sandbox, '/users/me', { token })).status).toBe(429);
    expect((await call(sandbox, '/__sandbox/notify', { json: { topic: 'orders_v2', resource: '/orders/1', userId: seller } })).status).toBe(200);
  });

  it('answers 400 with a message on bad input', async () => {
    const bad = await call(sandbox, '/__sandbox/faults', { json: { status: 418 } });
    expect(bad.status).toBe(400);
    expect(expectShape(errorBodySchema, bad.body).message).toContain('status');
    expect((await call(sandbox, '/__sandbox/sellers', { json: { nickname: 'a b' } })).status).toBe(400);
    expect((await call(sandbox, '/__sandbox/notifications', { json: '{' })).status).toBe(400);
    expect((await call(sandbox, '/__sandbox/questions/abc/answer', { json: { text: 'x' } })).status).toBe(400);
    expect((await call(sandbox, '/__sandbox/questions/1/answer', { json: { text: 'x' } })).status).toBe(404);
  });
});
