import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_STATUSES, errorBodySchema, orderSchema, orderSearchSchema } from '../schemas.ts';
import type { Sandbox } from './index.ts';
import { call, expectShape, startTestSandbox } from './test-support.ts';

let sandbox: Sandbox;
let seller: number;
let token: string;
let otherToken: string;
const ANCHOR = '2026-11-01T12:00:00Z';

beforeAll(async () => {
  sandbox = await startTestSandbox();
  seller = sandbox.generateSeller({ nickname: 'LOJA_ORDERS', items: 30, orders: 620, questions: 10, seed: 3, anchor: ANCHOR }).id;
  const other = sandbox.generateSeller({ nickname: 'LOJA_OUTRA', items: 3, orders: 5, questions: 1, seed: 4, anchor: ANCHOR }).id;
  token = sandbox.issueTokens(seller).access_token;
  otherToken = sandbox.issueTokens(other).access_token;
});
afterAll(() => sandbox.close());

async function search(query: string, as = token) {
  return call(sandbox, `/orders/search?seller=${seller}&${query}`, { token: as });
}

async function searchAll(query: string) {
  const seen: Array<{ id: number; status: string; date_closed?: string | null | undefined }> = [];
  for (let offset = 0; ; offset += 50) {
    const page = expectShape(orderSearchSchema, (await search(`${query}&offset=${offset}`)).body);
    seen.push(...page.results);
    if (offset + 50 >= page.paging.total) return { results: seen, total: page.paging.total };
  }
}

describe('GET /orders/search', () => {
  it('pages with {total, offset, limit}, default limit 50, ascending date_closed, cancelled hidden', async () => {
    const page = expectShape(orderSearchSchema, (await search('')).body);
    const counts = sandbox.counts(seller);
    const cancelled = counts.orders - page.paging.total;
    expect(page.paging).toEqual({ total: page.paging.total, offset: 0, limit: 50 });
    expect(page.results).toHaveLength(50);
    expect(cancelled).toBeGreaterThan(0);
    expect(page.results.every((order) => order.status !== 'cancelled')).toBe(true);
    expect(page.sort).toMatchObject({ id: 'date_asc' });
    const { results, total } = await searchAll('');
    expect(results).toHaveLength(total);
    expect(new Set(results.map((o) => o.id)).size).toBe(total);
    const dates = results.map((o) => Date.parse(o.date_closed!));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it('returns every order when all statuses are asked for, cancelled included', async () => {
    const { total } = await searchAll(`order.status=${ORDER_STATUSES.join(',')}`);
    expect(total).toBe(sandbox.counts(seller).orders);
    const cancelled = expectShape(orderSearchSchema, (await search('order.status=cancelled')).body);
    expect(cancelled.paging.total).toBeGreaterThan(0);
    expect(cancelled.results.every((o) => o.status === 'cancelled')).toBe(true);
  });

  it('sorts date_desc, filters on a comma list of statuses', async () => {
    const desc = expectShape(orderSearchSchema, (await search('sort=date_desc&limit=10')).body);
    const dates = desc.results.map((o) => Date.parse(o.date_closed!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const two = expectShape(orderSearchSchema, (await search('order.status=paid,confirmed&limit=50')).body);
    expect(two.results.every((o) => o.status === 'paid' || o.status === 'confirmed')).toBe(true);
  });

  it('filters on date_last_updated and date_created with hour precision', async () => {
    const all = (await searchAll(`order.status=${ORDER_STATUSES.join(',')}`)).results.map((o) => expectShape(orderSchema, o));
    const pivot = Date.parse(all[300]!.last_updated!);
    const from = new Date(pivot).toISOString(); // minutes and seconds will be dropped by the sandbox
    const hour = Math.floor(pivot / 3_600_000) * 3_600_000;
    const filtered = await searchAll(`order.status=${ORDER_STATUSES.join(',')}&order.date_last_updated.from=${encodeURIComponent(from)}`);
    const expected = all.filter((o) => Date.parse(o.last_updated!) >= hour);
    expect(filtered.total).toBe(expected.length);
    const createdTo = new Date(Date.parse(all[100]!.date_created)).toISOString();
    const createdHour = Math.floor(Date.parse(createdTo) / 3_600_000) * 3_600_000;
    const before = await searchAll(`order.status=${ORDER_STATUSES.join(',')}&order.date_created.to=${encodeURIComponent(createdTo)}`);
    expect(before.total).toBe(all.filter((o) => Date.parse(o.date_created) <= createdHour).length);
  });

  it('matches q against the order id, item title and buyer nickname', async () => {
    const first = expectShape(orderSchema, expectShape(orderSearchSchema, (await search('limit=1')).body).results[0]);
    const byId = expectShape(orderSearchSchema, (await search(`q=${first.id}`)).body);
    expect(byId.results.map((o) => o.id)).toContain(first.id);
    const byBuyer = expectShape(orderSearchSchema, (await search(`q=${first.buyer.nickname}&order.status=${ORDER_STATUSES.join(',')}`)).body);
    expect(byBuyer.results.every((o) => o.buyer.id === first.buyer.id)).toBe(true);
  });

  it('refuses a limit over 50, a bad status or sort, a missing or foreign seller', async () => {
    const big = await search('limit=51');
    expect(big.status).toBe(400);
    expectShape(errorBodySchema, big.body);
    expect((await search('order.status=shipped')).status).toBe(400);
    expect((await search('sort=price')).status).toBe(400);
    expect((await search('order.date_created.from=yesterday')).status).toBe(400);
    expect((await call(sandbox, '/orders/search', { token })).status).toBe(400);
    expect((await search('', otherToken)).status).toBe(403);
  });
});

describe('GET /orders/:id', () => {
  it('returns the order, 404 order_not_found for unknown ids, 403 not_owned_order for another seller', async () => {
    const first = expectShape(orderSearchSchema, (await search('limit=1')).body).results[0]!;
    const order = await call(sandbox, `/orders/${first.id}`, { token });
    expect(expectShape(orderSchema, order.body).id).toBe(first.id);
    expect((await call(sandbox, '/orders/1', { token })).body).toMatchObject({ error: 'order_not_found', status: 404 });
    expect((await call(sandbox, '/orders/abc', { token })).body).toMatchObject({ error: 'invalid_order_id', status: 400 });
    const foreign = await call(sandbox, `/orders/${first.id}`, { token: otherToken });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ error: 'not_owned_order', status: 403, cause: [] });
  });

  it('reflects mutations: updated status, bumped date_last_updated, visible to the last_updated filter', async () => {
    const first = expectShape(orderSearchSchema, (await search('order.status=paid&limit=1')).body).results[0]!;
    const before = sandbox.counts(seller);
    const updated = sandbox.mutate.updateOrder(first.id, { status: 'cancelled' });
    expect(updated.status).toBe('cancelled');
    const fresh = expectShape(orderSchema, (await call(sandbox, `/orders/${first.id}`, { token })).body);
    expect(Date.parse(fresh.date_last_updated!)).toBeGreaterThan(Date.parse(ANCHOR));
    const since = await search(`order.status=cancelled&order.date_last_updated.from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`);
    expect(expectShape(orderSearchSchema, since.body).results.map((o) => o.id)).toContain(first.id);
    const created = sandbox.mutate.createOrder(seller, { quantity: 2 });
    expect(sandbox.counts(seller).orders).toBe(before.orders + 1);
    expect(expectShape(orderSchema, (await call(sandbox, `/orders/${created.id}`, { token })).body).order_items[0]!.quantity).toBe(2);
  });
});
