import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, itemMultigetSchema, itemSchema, itemSearchSchema, userSchema } from '../schemas.ts';
import type { Sandbox } from './index.ts';
import { call, expectShape, startTestSandbox } from './test-support.ts';

let sandbox: Sandbox;
let seller: number;
let token: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  seller = sandbox.generateSeller({ nickname: 'LOJA_ITENS', items: 1_250, orders: 20, questions: 5, seed: 21 }).id;
  token = sandbox.issueTokens(seller).access_token;
});
afterAll(() => sandbox.close());

describe('users', () => {
  it('GET /users/me and /users/:id return the seller; buyers are public; unknown ids 404', async () => {
    expect(expectShape(userSchema, (await call(sandbox, '/users/me', { token })).body).id).toBe(seller);
    expect(expectShape(userSchema, (await call(sandbox, `/users/${seller}`, { token })).body).nickname).toBe('LOJA_ITENS');
    const order = sandbox.mutate.createOrder(seller);
    expect(expectShape(userSchema, (await call(sandbox, `/users/${order.buyer.id}`, { token })).body).id).toBe(order.buyer.id);
    expect((await call(sandbox, '/users/1', { token })).status).toBe(404);
  });
});

describe('items', () => {
  it('GET /users/:id/items/search returns ids only, pages up to 100, and stops at offset 1000', async () => {
    const first = expectShape(itemSearchSchema, (await call(sandbox, `/users/${seller}/items/search?limit=100`, { token })).body);
    expect(first.paging).toMatchObject({ total: 1_250, offset: 0, limit: 100 });
    expect(first.results).toHaveLength(100);
    expect(first.results.every((id) => /^MLB\d+$/.test(id))).toBe(true);
    expect((await call(sandbox, `/users/${seller}/items/search?limit=101`, { token })).status).toBe(400);
    expect((await call(sandbox, `/users/${seller}/items/search?offset=900&limit=100`, { token })).status).toBe(200);
    const capped = await call(sandbox, `/users/${seller}/items/search?offset=1000&limit=50`, { token });
    expect(capped.status).toBe(400);
    expectShape(errorBodySchema, capped.body);
    expect((await call(sandbox, `/users/${seller + 1}/items/search`, { token })).status).toBe(403);
  });

  it('scan mode walks every id with a scroll_id', async () => {
    const seen: string[] = [];
    let scrollId: string | null | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const query = scrollId ? `search_type=scan&limit=100&scroll_id=${scrollId}` : 'search_type=scan&limit=100';
      const page = expectShape(itemSearchSchema, (await call(sandbox, `/users/${seller}/items/search?${query}`, { token })).body);
      if (page.results.length === 0) break;
      seen.push(...page.results);
      scrollId = page.scroll_id;
    }
    expect(seen).toHaveLength(1_250);
    expect(new Set(seen).size).toBe(1_250);
    expect((await call(sandbox, `/users/${seller}/items/search?search_type=scan&scroll_id=nope`, { token })).status).toBe(400);
  });

  it('filters the search by status', async () => {
    const paused = expectShape(itemSearchSchema, (await call(sandbox, `/users/${seller}/items/search?status=paused&limit=100`, { token })).body);
    expect(paused.paging.total).toBeGreaterThan(0);
    const item = expectShape(itemSchema, (await call(sandbox, `/items/${paused.results[0]}`, { token })).body);
    expect(item.status).toBe('paused');
  });

  it('GET /items/:id and the multiget of at most 20 ids, each as {code, body}', async () => {
    const ids = expectShape(itemSearchSchema, (await call(sandbox, `/users/${seller}/items/search?limit=20`, { token })).body).results;
    const item = expectShape(itemSchema, (await call(sandbox, `/items/${ids[0]}`, { token })).body);
    expect(item).toMatchObject({ id: ids[0], seller_id: seller, currency_id: 'BRL' });
    const multi = expectShape(itemMultigetSchema, (await call(sandbox, `/items?ids=${[...ids.slice(0, 19), 'MLB1'].join(',')}`, { token })).body);
    expect(multi).toHaveLength(20);
    expect(multi.slice(0, 19).every((entry) => entry.code === 200 && itemSchema.safeParse(entry.body).success)).toBe(true);
    expect(multi[19]).toMatchObject({ code: 404 });
    expectShape(errorBodySchema, multi[19]!.body);
    expect((await call(sandbox, `/items?ids=${[...ids, 'MLB1'].join(',')}`, { token })).status).toBe(400);
    expect((await call(sandbox, '/items/MLB1', { token })).status).toBe(404);
  });

  it('updateItem changes the body and bumps last_updated', async () => {
    const id = expectShape(itemSearchSchema, (await call(sandbox, `/users/${seller}/items/search?limit=1`, { token })).body).results[0]!;
    sandbox.mutate.updateItem(id, { price: 12.5, status: 'paused' });
    expect(expectShape(itemSchema, (await call(sandbox, `/items/${id}`, { token })).body)).toMatchObject({ price: 12.5, status: 'paused' });
  });
});

describe('routing', () => {
  it('answers unknown paths with the generic 404 body and wrong methods with 405', async () => {
    expect(expectShape(errorBodySchema, (await call(sandbox, '/nope', { token })).body)).toMatchObject({ status: 404, error: 'not_found' });
    expect((await call(sandbox, '/orders/search', { token, method: 'DELETE' })).status).toBe(405);
  });
});
