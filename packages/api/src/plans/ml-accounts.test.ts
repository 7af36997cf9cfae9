import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '@vitrine/mercadolivre/sandbox';
import type { SessionUser } from '../context.ts';
import { authorize, connect, mlServicesFor, startTestSandbox } from '../routers/mercadolivre/test-support.ts';
import { expectTRPCError } from '../test-support/expect-error.ts';
import { createApiHarness, type ApiHarness } from '../test-support/harness.ts';
import { planLimitOf } from './index.ts';

/** Mercado Livre accounts against the plan (Pro: 10), through the real OAuth connection against the sandbox. */
let h: ApiHarness;
let sandbox: Sandbox;
let owner: SessionUser;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  for (const nickname of ['TENTH', 'ELEVENTH', 'RACE_A', 'RACE_B']) sandbox.generateSeller({ nickname, items: 1, orders: 0, questions: 0, seed: nickname.length });
  h = await createApiHarness('plan_ml', { mercadolivre: (parts) => mlServicesFor(sandbox, parts) });
  owner = await h.createUser('ml-plan-owner');
});
afterAll(async () => {
  await h?.close();
  await sandbox?.close();
});

/** A Pro store that already has `n` connected accounts (written as fixtures; the boundary is what is under test). */
async function proStoreWith(slug: string, n: number) {
  const store = await h.createStore(owner, slug);
  await h.setPlan(store.id, 'pro');
  const tdb = await h.db.forTenant(store.id);
  for (let i = 0; i < n; i += 1) {
    await tdb.mlAccount.create({ data: { tenantId: store.id, mlUserId: BigInt(9_000_000 + i), nickname: `SEEDED_${i}`, siteId: 'MLB' } });
  }
  return { ...store, as: () => h.caller(owner, { tenantId: store.id }) };
}

describe('Mercado Livre accounts', () => {
  it('the 10th account of a Pro store connects; the 11th is refused naming Pro and Enterprise', async () => {
    const store = await proStoreWith('ml-pro', 9);
    await expect(connect(store.as(), sandbox, 'TENTH')).resolves.toMatchObject({ nickname: 'TENTH', reconnected: false });

    const sentence = /^Your Pro plan allows 10 Mercado Livre accounts\. Upgrade to Enterprise to connect as many as you need\.$/;
    const error = await expectTRPCError(store.as().mercadolivre.startConnection({}), 'FORBIDDEN', sentence);
    expect(planLimitOf(error)).toEqual({ key: 'mlAccounts', limit: 10, used: 10, adding: 1, plan: 'pro', upgradeTo: 'enterprise' });
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.mlAccount.count()).toBe(10);

    // Disconnected accounts do not count: one place frees, the 11th seller connects, and Enterprise has no limit.
    const seeded = await tdb.mlAccount.findFirstOrThrow({ where: { nickname: 'SEEDED_0' } });
    await tdb.mlAccount.update({ where: { id: seeded.id }, data: { status: 'DISCONNECTED' } });
    await expect(connect(store.as(), sandbox, 'ELEVENTH')).resolves.toMatchObject({ nickname: 'ELEVENTH' });
    await h.setPlan(store.id, 'enterprise');
    await expect(store.as().mercadolivre.startConnection({})).resolves.toMatchObject({ url: expect.any(String) });
  });

  it('two connections finishing at once for the last place: exactly one is stored', async () => {
    const store = await proStoreWith('ml-race', 9);
    const [a, b] = await Promise.all([store.as().mercadolivre.startConnection({}), store.as().mercadolivre.startConnection({})]);
    const [codeA, codeB] = [await authorize(sandbox, a.url, 'RACE_A'), await authorize(sandbox, b.url, 'RACE_B')];
    const results = await Promise.allSettled([store.as().mercadolivre.finishConnection(codeA), store.as().mercadolivre.finishConnection(codeB)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason)).toMatch(/Your Pro plan allows 10 Mercado Livre accounts/);
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.mlAccount.count({ where: { status: { not: 'DISCONNECTED' } } })).toBe(10);
  });
});
