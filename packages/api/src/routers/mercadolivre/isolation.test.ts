import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness, type Caller } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { seedAccountData, type SeededAccount } from './test-support.ts';

/**
 * Tenant isolation of the mercadolivre router: store B's ids (accounts, orders, questions, notifications)
 * find nothing from store A, change nothing, and never show up in A's lists; switching to B is FORBIDDEN.
 */
let h: ApiHarness;
let alice: SessionUser;
let bob: SessionUser;
let storeA: { id: string };
let storeB: { id: string };
let a: SeededAccount;
let b: SeededAccount;

beforeAll(async () => {
  h = await createApiHarness('ml_isolation');
  alice = await h.createUser('alice');
  bob = await h.createUser('bob');
  storeA = await h.createStore(alice, 'ml-store-a');
  storeB = await h.createStore(bob, 'ml-store-b');
  a = await seedAccountData(h, storeA.id, { prefix: 'A' });
  b = await seedAccountData(h, storeB.id, { prefix: 'B' });
});
afterAll(() => h?.close());

const asAlice = () => h.caller(alice, { tenantId: storeA.id });

async function snapshotOfB() {
  const tdb = await h.db.forTenant(storeB.id);
  return {
    accounts: await tdb.mlAccount.findMany({ orderBy: { id: 'asc' } }),
    questions: await tdb.mlQuestion.findMany({ orderBy: { id: 'asc' } }),
    answers: await tdb.mlAnswer.findMany({ orderBy: { id: 'asc' } }),
    notifications: await tdb.mlNotification.findMany({ orderBy: { id: 'asc' } }),
    runs: await tdb.mlSyncRun.count(),
    audit: await tdb.auditLog.count(),
    outbox: await h.owner.outboxJob.count({ where: { tenantId: storeB.id } }),
  };
}

describe("another store's ids give NOT_FOUND and change nothing", () => {
  it('order, question', async () => {
    await expectTRPCError(asAlice().mercadolivre.order({ id: b.packed.id }), 'NOT_FOUND');
    await expectTRPCError(asAlice().mercadolivre.question({ id: b.unanswered.id }), 'NOT_FOUND');
  });

  it('answer, replay, disconnect and startSync', async () => {
    const before = await snapshotOfB();
    await expectTRPCError(asAlice().mercadolivre.answer({ questionId: b.unanswered.id, text: 'Stolen', idempotencyKey: 'isolation-key-1' }), 'NOT_FOUND');
    await expectTRPCError(asAlice().mercadolivre.replay({ notificationId: b.dead.id }), 'NOT_FOUND');
    await expectTRPCError(asAlice().mercadolivre.disconnect({ accountId: b.account.id }), 'NOT_FOUND');
    await expectTRPCError(asAlice().mercadolivre.startSync({ accountId: b.account.id }), 'NOT_FOUND');
    expect(await snapshotOfB()).toEqual(before);
  });

  it('filters by another store’s account are NOT_FOUND', async () => {
    await expectTRPCError(asAlice().mercadolivre.orders({ accountId: b.account.id }), 'NOT_FOUND');
    await expectTRPCError(asAlice().mercadolivre.questions({ accountId: b.account.id }), 'NOT_FOUND');
    await expectTRPCError(asAlice().mercadolivre.unansweredQueue({ accountId: b.account.id }), 'NOT_FOUND');
    await expectTRPCError(asAlice().mercadolivre.syncProgress({ accountId: b.account.id }), 'NOT_FOUND');
  });

  it('an idempotency key B used is free in A (keys are per store)', async () => {
    const asBob = h.caller(bob, { tenantId: storeB.id });
    const bAnswer = await asBob.mercadolivre.answer({ questionId: b.newer.id, text: 'B answer', idempotencyKey: 'shared-key-0001' });
    const aAnswer = await asAlice().mercadolivre.answer({ questionId: a.newer.id, text: 'A answer', idempotencyKey: 'shared-key-0001' });
    expect(aAnswer.answerId).not.toBe(bAnswer.answerId);
  });

  it('lists show only the active store', async () => {
    const accounts = await asAlice().mercadolivre.accounts();
    expect(accounts.map((x) => x.id)).toEqual([a.account.id]);
    const orders = await asAlice().mercadolivre.orders({ limit: 100 });
    expect(orders.items.every((o) => o.accountId === a.account.id)).toBe(true);
    expect((await asAlice().mercadolivre.orders({ q: 'B_BUYER' })).items).toEqual([]);
    expect((await asAlice().mercadolivre.orders({ q: b.orders[1]!.mlOrderId.toString() })).items).toEqual([]);
    const questions = await asAlice().mercadolivre.questions({ limit: 100 });
    expect(questions.items.every((q) => q.accountId === a.account.id)).toBe(true);
    expect((await asAlice().mercadolivre.unansweredQueue({})).every((q) => q.accountId === a.account.id)).toBe(true);
    expect((await asAlice().mercadolivre.deadLetters({})).items.map((n) => n.id)).toEqual([a.dead.id]);
    expect((await asAlice().mercadolivre.syncProgress({})).every((r) => r.accountId === a.account.id)).toBe(true);
  });
});

describe('switching the active store to one the user is not a member of is FORBIDDEN', () => {
  const calls: [string, (c: Caller) => Promise<unknown>][] = [
    ['startConnection', (c) => c.mercadolivre.startConnection({})],
    ['finishConnection', (c) => c.mercadolivre.finishConnection({ code: 'TG-1', state: 'x'.repeat(20) })],
    ['accounts', (c) => c.mercadolivre.accounts()],
    ['disconnect', (c) => c.mercadolivre.disconnect({ accountId: b.account.id })],
    ['startSync', (c) => c.mercadolivre.startSync({ accountId: b.account.id })],
    ['syncProgress', (c) => c.mercadolivre.syncProgress({})],
    ['orders', (c) => c.mercadolivre.orders({})],
    ['order', (c) => c.mercadolivre.order({ id: b.packed.id })],
    ['questions', (c) => c.mercadolivre.questions({})],
    ['question', (c) => c.mercadolivre.question({ id: b.unanswered.id })],
    ['unansweredQueue', (c) => c.mercadolivre.unansweredQueue({})],
    ['answer', (c) => c.mercadolivre.answer({ questionId: b.unanswered.id, text: 'x', idempotencyKey: 'isolation-key-2' })],
    ['deadLetters', (c) => c.mercadolivre.deadLetters({})],
    ['replay', (c) => c.mercadolivre.replay({ notificationId: b.dead.id })],
  ];
  it.each(calls)('mercadolivre.%s', async (_name, call) => {
    const before = await snapshotOfB();
    await expectTRPCError(call(h.caller(alice, { tenantId: storeB.id })), 'FORBIDDEN');
    expect(await snapshotOfB()).toEqual(before);
  });
});
