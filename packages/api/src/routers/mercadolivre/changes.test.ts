import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { SETTLE_MS } from './changes.ts';
import type { ChangeResource } from './inputs.ts';
import { seedAccountData, type SeededAccount } from './test-support.ts';

/**
 * mercadolivre.changes, the desktop app's change feed: (change time, id) keyset pages that neither skip nor
 * repeat rows sharing a timestamp, rows changed later come back, late commits inside the settling window are
 * not skipped, permissions, and tenant isolation (cursors included).
 */
let h: ApiHarness;
let alice: SessionUser;
let bob: SessionUser;
let storeA: { id: string };
let storeB: { id: string };
let a: SeededAccount;
let b: SeededAccount;

const OLD = '2026-01-01T00:00:00.000Z';

beforeAll(async () => {
  h = await createApiHarness('ml_changes');
  alice = await h.createUser('alice-changes');
  bob = await h.createUser('bob-changes');
  storeA = await h.createStore(alice, 'changes-a');
  storeB = await h.createStore(bob, 'changes-b');
  a = await seedAccountData(h, storeA.id, { prefix: 'A' });
  b = await seedAccountData(h, storeB.id, { prefix: 'B' });
  // Synced a while ago, all in the same millisecond.
  for (const table of ['ml_orders', 'ml_shipments', 'ml_questions', 'ml_messages']) {
    await h.owner.$executeRawUnsafe(`UPDATE ${table} SET synced_at = '${OLD}'`);
  }
});
afterAll(() => h?.close());

const asAlice = () => h.caller(alice, { tenantId: storeA.id });
const asBob = () => h.caller(bob, { tenantId: storeB.id });

type Caller = ReturnType<typeof asAlice>;

/** Every page until hasMore is false, from `cursor`. */
async function drain(caller: Caller, resource: ChangeResource, limit: number, cursor?: string) {
  const pages: { ids: string[]; nextCursor: string | null; hasMore: boolean }[] = [];
  for (let guard = 0; guard < 100; guard += 1) {
    const page = await caller.mercadolivre.changes({ resource, limit, cursor });
    pages.push({ ids: page.items.map((i) => i.id), nextCursor: page.nextCursor, hasMore: page.hasMore });
    cursor = page.nextCursor ?? undefined;
    if (!page.hasMore) break;
  }
  return { pages, ids: pages.flatMap((p) => p.ids), cursor };
}

async function addOrders(tenantId: string, accountId: string, count: number, syncedAt: string) {
  const tdb = await h.db.forTenant(tenantId);
  for (let i = 0; i < count; i += 1) {
    await tdb.mlOrder.create({
      data: {
        tenantId, accountId, mlOrderId: BigInt(9_000_000 + Math.floor(Math.random() * 1e9)), status: 'paid', buyerId: 1n, totalMinor: 100n, currency: 'BRL',
        dateCreated: new Date(OLD), syncedAt: new Date(syncedAt),
      },
    });
  }
}

describe('paging', () => {
  it('returns each of many rows sharing one timestamp exactly once, in (time, id) order', async () => {
    await addOrders(storeA.id, a.account.id, 12, OLD);
    const all = (await (await h.db.forTenant(storeA.id)).mlOrder.findMany({ select: { id: true } })).map((o) => o.id).sort();
    expect(all.length).toBe(17);
    for (const limit of [1, 2, 5, 17, 500]) {
      const { ids, pages } = await drain(asAlice(), 'orders', limit);
      expect(ids).toEqual(all);
      expect(pages.at(-1)!.hasMore).toBe(false);
      expect(pages.slice(0, -1).every((p) => p.hasMore && p.ids.length === limit)).toBe(true);
    }
  });

  it('carries orders with their items, ML ids as strings', async () => {
    const page = await asAlice().mercadolivre.changes({ resource: 'orders', limit: 500 });
    type Order = Extract<(typeof page.items)[number], { items: unknown }>;
    const packed = page.items.find((o) => o.id === a.packed.id) as Order;
    expect(packed).toMatchObject({ mlOrderId: a.packed.mlOrderId.toString(), packId: a.packed.packId!.toString(), totalMinor: '5000', currency: 'BRL' });
    expect(packed.items).toEqual([expect.objectContaining({ mlItemId: a.itemId, quantity: 5, unitPriceMinor: '1000', title: 'A special lamp' })]);
    expect(packed).not.toHaveProperty('raw');
    expect(packed.syncedAt).toBeInstanceOf(Date);
  });

  it('returns a row changed after the client passed it again on a later page', async () => {
    const first = await asAlice().mercadolivre.changes({ resource: 'orders', limit: 3 });
    const moved = first.items[0]!.id;
    // The sync touches it again (still long enough ago to have settled).
    await h.owner.$executeRawUnsafe(`UPDATE ml_orders SET synced_at = now() - interval '1 minute', status = 'shipped' WHERE id = $1`, moved);
    const rest = await drain(asAlice(), 'orders', 3, first.nextCursor!);
    expect(rest.ids.filter((id) => id === moved)).toHaveLength(1);
    expect(rest.ids.at(-1)).toBe(moved);
    const again = await asAlice().mercadolivre.changes({ resource: 'orders', limit: 500, cursor: rest.pages.at(-2)?.nextCursor ?? first.nextCursor! });
    expect(again.items.find((o) => o.id === moved)?.status).toBe('shipped');
  });

  it('rejects cursors that are not ours or belong to another resource', async () => {
    await expectTRPCError(asAlice().mercadolivre.changes({ resource: 'orders', cursor: 'nonsense' }), 'BAD_REQUEST', /not valid/);
    const page = await asAlice().mercadolivre.changes({ resource: 'shipments', limit: 1 });
    await expectTRPCError(asAlice().mercadolivre.changes({ resource: 'orders', cursor: page.nextCursor! }), 'BAD_REQUEST', /belongs to shipments/);
  });
});

describe('rows written moments ago (the settling window)', () => {
  it('are returned but the cursor stays before them, so a late commit with an older time is not skipped', async () => {
    const { cursor: caughtUp } = await drain(asAlice(), 'shipments', 100);
    const tdb = await h.db.forTenant(storeA.id);
    const fresh = await tdb.mlShipment.create({ data: { tenantId: storeA.id, accountId: a.account.id, mlShipmentId: 77_001n, status: 'ready_to_ship' } });

    const seen = await asAlice().mercadolivre.changes({ resource: 'shipments', cursor: caughtUp });
    expect(seen.items.map((s) => s.id)).toEqual([fresh.id]);
    expect(seen).toMatchObject({ hasMore: false, nextCursor: caughtUp });

    // A transaction that started before `fresh` was written commits only now, with its older synced_at.
    const late = await tdb.mlShipment.create({
      data: { tenantId: storeA.id, accountId: a.account.id, mlShipmentId: 77_002n, status: 'pending', syncedAt: new Date(fresh.syncedAt.getTime() - 500) },
    });
    const next = await asAlice().mercadolivre.changes({ resource: 'shipments', cursor: seen.nextCursor! });
    expect(next.items.map((s) => s.id)).toEqual([late.id, fresh.id]);
  });

  it('does not say "more" while the rest of a full page has not settled', async () => {
    const { cursor } = await drain(asAlice(), 'messages', 100);
    const tdb = await h.db.forTenant(storeA.id);
    for (const key of ['f1', 'f2', 'f3']) {
      await tdb.mlMessage.create({
        data: { tenantId: storeA.id, accountId: a.account.id, mlMessageId: key, packId: 1n, fromUserId: 1n, toUserId: 2n, text: key, status: 'available', sentAt: new Date() },
      });
    }
    const page = await asAlice().mercadolivre.changes({ resource: 'messages', cursor, limit: 2 });
    expect(page).toMatchObject({ hasMore: false, nextCursor: cursor ?? null });
    expect(page.items).toHaveLength(2);
  });

  it('feeds accounts and answers by updated_at, which every write moves (trigger)', async () => {
    const tdb = await h.db.forTenant(storeA.id);
    await tdb.mlAnswer.create({
      data: { tenantId: storeA.id, accountId: a.account.id, mlQuestionId: a.unanswered.mlQuestionId, text: 'Yes', idempotencyKey: 'changes-answer-1' },
    });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 300));
    const answers = await drain(asAlice(), 'answers', 10);
    expect(answers.pages[0]!.ids).toHaveLength(1);
    const accounts = await drain(asAlice(), 'accounts', 10);
    expect(accounts.ids).toEqual([a.account.id]);
    const [account] = (await asAlice().mercadolivre.changes({ resource: 'accounts' })).items;
    expect(account).toMatchObject({ mlUserId: a.account.mlUserId.toString(), nickname: 'A_SELLER' });

    // The worker marks the answer sent (its own write, through Prisma); the account is disconnected.
    await tdb.mlAnswer.updateMany({ where: { idempotencyKey: 'changes-answer-1' }, data: { status: 'SENT', sentAt: new Date() } });
    await h.owner.$executeRawUnsafe(`UPDATE ml_accounts SET status = 'DISCONNECTED' WHERE id = $1`, a.account.id);
    const answerAgain = await asAlice().mercadolivre.changes({ resource: 'answers', cursor: answers.cursor });
    expect(answerAgain.items).toEqual([expect.objectContaining({ status: 'SENT', idempotencyKey: 'changes-answer-1', mlQuestionId: a.unanswered.mlQuestionId.toString() })]);
    const accountAgain = await asAlice().mercadolivre.changes({ resource: 'accounts', cursor: accounts.cursor });
    expect(accountAgain.items).toEqual([expect.objectContaining({ id: a.account.id, status: 'DISCONNECTED' })]);
  });
});

describe('permissions', () => {
  it('needs orders:read, and support:read too for questions and answers', async () => {
    const ordersOnly = await h.createUser('orders-only');
    const supportOnly = await h.createUser('support-only');
    await h.addMember(storeA.id, ordersOnly, 'STAFF', ['orders']);
    await h.addMember(storeA.id, supportOnly, 'STAFF', ['support']);
    const asOrders = h.caller(ordersOnly, { tenantId: storeA.id });
    const asSupport = h.caller(supportOnly, { tenantId: storeA.id });
    for (const resource of ['accounts', 'orders', 'shipments', 'messages'] as const) {
      await expect(asOrders.mercadolivre.changes({ resource })).resolves.toMatchObject({ items: expect.any(Array) });
    }
    await expectTRPCError(asOrders.mercadolivre.changes({ resource: 'questions' }), 'FORBIDDEN', /support:read/);
    await expectTRPCError(asOrders.mercadolivre.changes({ resource: 'answers' }), 'FORBIDDEN', /support:read/);
    await expectTRPCError(asSupport.mercadolivre.changes({ resource: 'questions' }), 'FORBIDDEN', /orders:read/);
    const both = await h.createUser('both');
    await h.addMember(storeA.id, both, 'STAFF', ['orders', 'support']);
    const questions = await h.caller(both, { tenantId: storeA.id }).mercadolivre.changes({ resource: 'questions' });
    expect(questions.items.map((q) => q.id).sort()).toEqual([a.answered.id, a.unanswered.id, a.newer.id].sort());
    await expectTRPCError(h.caller(alice, { tenantId: storeB.id }).mercadolivre.changes({ resource: 'orders' }), 'FORBIDDEN');
    await expectTRPCError(h.caller(null, { tenantId: storeA.id }).mercadolivre.changes({ resource: 'orders' }), 'UNAUTHORIZED');
  });
});

describe('isolation', () => {
  it('never shows another store\'s rows, and a cursor from store A read in store B pages B only', async () => {
    const bIds = new Set<string>();
    const tdbB = await h.db.forTenant(storeB.id);
    for (const row of [...(await tdbB.mlOrder.findMany()), ...(await tdbB.mlQuestion.findMany()), ...(await tdbB.mlMessage.findMany()), ...(await tdbB.mlShipment.findMany())]) bIds.add(row.id);
    bIds.add(b.account.id);
    for (const resource of ['accounts', 'orders', 'shipments', 'questions', 'messages', 'answers'] as const) {
      const { ids } = await drain(asAlice(), resource, 3);
      expect(ids.filter((id) => bIds.has(id))).toEqual([]);
    }
    // A's first page position, replayed in B: B's rows after that position, none of A's.
    const aFirst = await asAlice().mercadolivre.changes({ resource: 'orders', limit: 1 });
    const inB = await drain(asBob(), 'orders', 2, aFirst.nextCursor!);
    const bOrders = (await tdbB.mlOrder.findMany({ select: { id: true } })).map((o) => o.id);
    expect(inB.ids.length).toBeGreaterThan(0);
    expect(inB.ids.every((id) => bOrders.includes(id))).toBe(true);
    expect(new Set(inB.ids).size).toBe(inB.ids.length);
  });
});
