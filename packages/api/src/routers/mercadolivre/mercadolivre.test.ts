import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '@vitrine/mercadolivre/sandbox';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { authorize, connect, mlServicesFor, seedAccountData, startTestSandbox, type SeededAccount } from './test-support.ts';

let h: ApiHarness;
let sandbox: Sandbox;
let owner: SessionUser;
let store: { id: string };
const sellers: Record<string, number> = {};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  for (const nickname of ['LOJA_UM', 'LOJA_DOIS', 'LOJA_TRES', 'LOJA_QUATRO']) {
    sellers[nickname] = sandbox.generateSeller({ nickname, items: 2, orders: 2, questions: 2, seed: nickname.length }).id;
  }
  h = await createApiHarness('ml_router', { mercadolivre: (parts) => mlServicesFor(sandbox, parts) });
  owner = await h.createUser('ml-owner');
  store = await h.createStore(owner, 'ml-store');
});
afterAll(async () => {
  await h?.close();
  await sandbox?.close();
});

const asOwner = () => h.caller(owner, { tenantId: store.id });
const outbox = (tenantId: string, name?: string) =>
  h.owner.outboxJob.findMany({ where: { tenantId, ...(name ? { name } : {}) }, orderBy: { createdAt: 'asc' } });

describe('connecting through OAuth', () => {
  let accountId: string;

  it('starts at the sandbox authorization page with PKCE and a state', async () => {
    const { url } = await asOwner().mercadolivre.startConnection({});
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(`${sandbox.url}/authorization`);
    expect(parsed.searchParams.get('code_challenge_method')).toBe('S256');
    expect(parsed.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  });

  it('connects the authorized seller, stores sealed tokens and a route, audits, and starts three backfills', async () => {
    const result = await connect(asOwner(), sandbox, 'LOJA_UM');
    expect(result).toMatchObject({ nickname: 'LOJA_UM', reconnected: false });
    accountId = result.accountId;

    const tdb = await h.db.forTenant(store.id);
    const token = await tdb.mlToken.findUniqueOrThrow({ where: { accountId } });
    expect(token.accessTokenEnc).not.toMatch(/^APP_USR/);
    expect(token.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const route = await h.db.platform.mlAccountRoute.findUniqueOrThrow({ where: { mlUserId: BigInt(sellers.LOJA_UM!) } });
    expect(route).toMatchObject({ tenantId: store.id, accountId });
    expect((await h.auditRows(store.id, 'mercadolivre.account.connected')).map((r) => r.targetId)).toEqual([accountId]);
    const jobs = await outbox(store.id, 'sync.run');
    expect(jobs).toHaveLength(3);
    const runs = await tdb.mlSyncRun.findMany({ where: { accountId } });
    expect(runs.map((r) => r.resource).sort()).toEqual(['ITEMS', 'ORDERS', 'QUESTIONS']);
    expect(runs.every((r) => r.kind === 'BACKFILL' && r.status === 'QUEUED')).toBe(true);
  });

  it('lists the account with its health, ids as strings', async () => {
    const [account] = await asOwner().mercadolivre.accounts();
    expect(account).toMatchObject({
      id: accountId,
      mlUserId: String(sellers.LOJA_UM),
      nickname: 'LOJA_UM',
      siteId: 'MLB',
      status: 'ACTIVE',
      statusReason: null,
      unansweredQuestions: 0,
      deadLetters: 0,
      activeRuns: 3,
    });
    expect(account!.tokenExpiresAt).toBeInstanceOf(Date);
    expect(account!.runs).toHaveLength(3);
    const progress = await asOwner().mercadolivre.syncProgress({ accountId });
    expect(progress.map((r) => r.resource).sort()).toEqual(['ITEMS', 'ORDERS', 'QUESTIONS']);
  });

  it('startSync joins the runs already queued and starts the rest', async () => {
    const runs = await asOwner().mercadolivre.startSync({ accountId });
    expect(runs).toHaveLength(5);
    expect(runs.filter((r) => r.joined).map((r) => r.resource).sort()).toEqual(['ITEMS', 'ORDERS', 'QUESTIONS']);
    expect(runs.filter((r) => !r.joined).map((r) => r.resource).sort()).toEqual(['MESSAGES', 'SHIPMENTS']);
    expect(await h.auditRows(store.id, 'mercadolivre.sync.requested')).toHaveLength(1);
  });

  it('the free plan allows one account: a second is refused at start, naming the plan and the limit', async () => {
    await expectTRPCError(asOwner().mercadolivre.startConnection({}), 'FORBIDDEN', /^Your Free plan allows 1 Mercado Livre account\. Upgrade to Basic to connect up to 3\.$/);
  });

  it('an account whose grant was revoked cannot sync, but may be reconnected at the limit', async () => {
    const tdb = await h.db.forTenant(store.id);
    await tdb.mlAccount.update({ where: { id: accountId }, data: { status: 'RECONNECT_NEEDED', statusReason: 'The grant was revoked.' } });
    expect((await asOwner().mercadolivre.accounts())[0]).toMatchObject({ status: 'RECONNECT_NEEDED', statusReason: 'The grant was revoked.' });
    await expectTRPCError(asOwner().mercadolivre.startSync({ accountId }), 'PRECONDITION_FAILED', /must be reconnected/);
    await expect(asOwner().mercadolivre.startConnection({})).resolves.toMatchObject({ url: expect.any(String) });
  });

  it('a state started by another person is FORBIDDEN', async () => {
    const admin = await h.createUser('ml-admin');
    await h.addMember(store.id, admin, 'ADMIN');
    const { url } = await h.caller(admin, { tenantId: store.id }).mercadolivre.startConnection({});
    const { code, state } = await authorize(sandbox, url, 'LOJA_UM');
    await expectTRPCError(asOwner().mercadolivre.finishConnection({ code, state }), 'FORBIDDEN', /another person or for another store/);
  });

  it('reconnecting the same seller reuses the account and bumps the token version; the state works once', async () => {
    const tdb = await h.db.forTenant(store.id);
    const before = await tdb.mlToken.findUniqueOrThrow({ where: { accountId } });
    const { url } = await asOwner().mercadolivre.startConnection({});
    const { code, state } = await authorize(sandbox, url, 'LOJA_UM');
    expect(await asOwner().mercadolivre.finishConnection({ code, state })).toEqual({ accountId, nickname: 'LOJA_UM', reconnected: true });
    expect((await asOwner().mercadolivre.accounts()).map((a) => [a.id, a.status, a.statusReason])).toEqual([[accountId, 'ACTIVE', null]]);
    expect((await tdb.mlToken.findUniqueOrThrow({ where: { accountId } })).version).toBe(before.version + 1);
    await expectTRPCError(asOwner().mercadolivre.finishConnection({ code, state }), 'BAD_REQUEST', /expired or was already used/);
  });

  it('disconnecting keeps the data, drops the tokens and the route, and frees the plan slot', async () => {
    const result = await asOwner().mercadolivre.disconnect({ accountId });
    expect(result).toEqual({ accountId, status: 'DISCONNECTED' });
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.mlToken.count({ where: { accountId } })).toBe(0);
    expect(await h.db.platform.mlAccountRoute.count({ where: { mlUserId: BigInt(sellers.LOJA_UM!) } })).toBe(0);
    expect(await h.auditRows(store.id, 'mercadolivre.account.disconnected')).toHaveLength(1);
    await expectTRPCError(asOwner().mercadolivre.startSync({ accountId }), 'PRECONDITION_FAILED', /disconnected/);
    // The slot is free again: another seller connects (the disconnected account stays listed).
    const other = await connect(asOwner(), sandbox, 'LOJA_DOIS');
    expect(other.reconnected).toBe(false);
    const accounts = await asOwner().mercadolivre.accounts();
    expect(accounts.map((a) => [a.nickname, a.status])).toEqual([
      ['LOJA_UM', 'DISCONNECTED'],
      ['LOJA_DOIS', 'ACTIVE'],
    ]);
  });

  it('finishing re-checks the limit: two connections started under the limit, the second to finish is refused', async () => {
    const other = await h.createUser('ml-limit');
    const limited = await h.createStore(other, 'ml-limit');
    const caller = () => h.caller(other, { tenantId: limited.id });
    const first = await caller().mercadolivre.startConnection({});
    const second = await caller().mercadolivre.startConnection({});
    const a = await authorize(sandbox, first.url, 'LOJA_TRES');
    const b = await authorize(sandbox, second.url, 'LOJA_QUATRO');
    await caller().mercadolivre.finishConnection(a);
    await expectTRPCError(caller().mercadolivre.finishConnection(b), 'FORBIDDEN', /Free plan allows 1/);
    // The refused seller's route was given back, so another store can still connect it.
    expect(await h.db.platform.mlAccountRoute.count({ where: { mlUserId: BigInt(sellers.LOJA_QUATRO!) } })).toBe(0);
  });

  it('an ML user connected to another store is refused with CONFLICT', async () => {
    const rival = await h.createUser('ml-rival');
    const rivalStore = await h.createStore(rival, 'ml-rival');
    await expectTRPCError(connect(h.caller(rival, { tenantId: rivalStore.id }), sandbox, 'LOJA_DOIS'), 'CONFLICT', /already connected to another store/);
    const tdb = await h.db.forTenant(rivalStore.id);
    expect(await tdb.mlAccount.count()).toBe(0);
  });

  it('without ML configured on the server the connection procedures refuse clearly', async () => {
    const saved = h.mercadolivre;
    h.mercadolivre = null;
    try {
      await expectTRPCError(asOwner().mercadolivre.startConnection({}), 'PRECONDITION_FAILED', /^Mercado Livre is not configured on this server\.$/);
      await expectTRPCError(asOwner().mercadolivre.finishConnection({ code: 'x', state: 'y'.repeat(20) }), 'PRECONDITION_FAILED', /not configured/);
    } finally {
      h.mercadolivre = saved;
    }
  });

  it('validates inputs with readable messages', async () => {
    await expectTRPCError(asOwner().mercadolivre.startConnection({ siteId: 'XXX' as never }), 'BAD_REQUEST', /Mercado Livre country/);
  });
});

describe('reading synced data', () => {
  let seeded: SeededAccount;
  beforeAll(async () => {
    seeded = await seedAccountData(h, store.id, { prefix: 'R' });
  });

  it('orders: newest first, ids and money as strings, keyset pages that cover everything once', async () => {
    const first = await asOwner().mercadolivre.orders({ accountId: seeded.account.id, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({ mlOrderId: seeded.packed.mlOrderId.toString(), totalMinor: '5000', currency: 'BRL', shipmentStatus: 'shipped' });
    expect(first.items[0]!.itemsSummary).toBe('5 × R special lamp');
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await asOwner().mercadolivre.orders({ accountId: seeded.account.id, limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen.map((o) => o.id)).toEqual([...seeded.orders].reverse().map((o) => o.id));
  });

  it('orders: filters by status, dates and a search on number, buyer or item title', async () => {
    const o = asOwner().mercadolivre;
    expect((await o.orders({ status: 'cancelled' })).items.map((x) => x.id)).toEqual([seeded.orders[0]!.id]);
    expect((await o.orders({ q: seeded.orders[2]!.mlOrderId.toString() })).items.map((x) => x.id)).toEqual([seeded.orders[2]!.id]);
    expect((await o.orders({ q: 'r_buyer_3' })).items.map((x) => x.id)).toEqual([seeded.orders[3]!.id]);
    expect((await o.orders({ q: 'special' })).items.map((x) => x.id)).toEqual([seeded.packed.id]);
    const from = new Date('2026-11-02T00:00:00Z');
    const to = new Date('2026-11-03T23:59:59Z');
    expect((await o.orders({ from, to, accountId: seeded.account.id })).items.map((x) => x.id)).toEqual([seeded.orders[2]!.id, seeded.orders[1]!.id]);
    await expectTRPCError(o.orders({ from: to, to: from }), 'BAD_REQUEST', /start date must come before/);
  });

  it('order: items, shipment and the pack conversation', async () => {
    const order = await asOwner().mercadolivre.order({ id: seeded.packed.id });
    expect(order.items).toHaveLength(1);
    expect(order.shipment).toMatchObject({ status: 'shipped', trackingNumber: 'TRK1' });
    expect(order.messages.map((m) => m.text)).toEqual(['When does it ship?', 'Tomorrow.']);
    expect(typeof order.buyerId).toBe('string');
    await expectTRPCError(asOwner().mercadolivre.order({ id: 'nope' }), 'NOT_FOUND');
  });

  it('questions: list with item titles and search; detail with answers and the buyer’s earlier questions', async () => {
    const list = await asOwner().mercadolivre.questions({ accountId: seeded.account.id });
    expect(list.items.map((q) => q.id)).toEqual([seeded.newer.id, seeded.unanswered.id, seeded.answered.id]);
    expect(list.items[0]!.itemTitle).toBe('R lamp');
    expect((await asOwner().mercadolivre.questions({ q: 'bulb' })).items.map((q) => q.id)).toEqual([seeded.unanswered.id]);
    expect((await asOwner().mercadolivre.questions({ status: 'ANSWERED', accountId: seeded.account.id })).items.map((q) => q.id)).toEqual([seeded.answered.id]);

    const detail = await asOwner().mercadolivre.question({ id: seeded.newer.id });
    expect(detail.item).toMatchObject({ title: 'R lamp', priceMinor: '12990' });
    expect(detail.previousQuestions.map((q) => q.id)).toEqual([seeded.unanswered.id, seeded.answered.id]);
    expect(detail.answers).toEqual([]);
  });

  it('unansweredQueue: oldest first', async () => {
    const queue = await asOwner().mercadolivre.unansweredQueue({ accountId: seeded.account.id });
    expect(queue.map((q) => q.id)).toEqual([seeded.unanswered.id, seeded.newer.id]);
    expect(queue[0]).toMatchObject({ itemTitle: 'R lamp', pendingAnswer: null });
  });

  it('accounts count unanswered questions and dead letters', async () => {
    const account = (await asOwner().mercadolivre.accounts()).find((a) => a.id === seeded.account.id);
    expect(account).toMatchObject({ unansweredQuestions: 2, deadLetters: 1 });
  });
});

describe('answering', () => {
  let seeded: SeededAccount;
  beforeAll(async () => {
    seeded = await seedAccountData(h, store.id, { prefix: 'A' });
  });

  it('the same idempotency key twice is one answer and one job', async () => {
    const input = { questionId: seeded.unanswered.id, text: '  Yes, one bulb is included.  ', idempotencyKey: 'draft-key-0001' };
    const first = await asOwner().mercadolivre.answer(input);
    const second = await asOwner().mercadolivre.answer(input);
    expect(first.status).toBe('PENDING');
    expect(second).toEqual(first);
    const tdb = await h.db.forTenant(store.id);
    const rows = await tdb.mlAnswer.findMany({ where: { mlQuestionId: seeded.unanswered.mlQuestionId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toBe('Yes, one bulb is included.');
    const jobs = (await outbox(store.id, 'answer.send')).filter((j) => (j.payload as { answerId: string }).answerId === first.answerId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ queue: 'mercadolivre', jobId: `ml-answer-${first.answerId}`, payload: { tenantId: store.id, answerId: first.answerId } });
    expect((await h.auditRows(store.id, 'mercadolivre.question.answered')).filter((r) => r.targetId === seeded.unanswered.id)).toHaveLength(1);

    const queue = await asOwner().mercadolivre.unansweredQueue({ accountId: seeded.account.id });
    expect(queue.find((q) => q.id === seeded.unanswered.id)?.pendingAnswer?.id).toBe(first.answerId);
    const detail = await asOwner().mercadolivre.question({ id: seeded.unanswered.id });
    expect(detail.answers.map((a) => [a.id, a.status])).toEqual([[first.answerId, 'PENDING']]);
  });

  it('simultaneous sends with one key still make one answer', async () => {
    const input = { questionId: seeded.newer.id, text: 'Blue.', idempotencyKey: 'draft-key-race-1' };
    const results = await Promise.all(Array.from({ length: 4 }, () => asOwner().mercadolivre.answer(input)));
    expect(new Set(results.map((r) => r.answerId)).size).toBe(1);
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.mlAnswer.count({ where: { mlQuestionId: seeded.newer.mlQuestionId } })).toBe(1);
  });

  it('a second, different answer to a question being sent is refused', async () => {
    await expectTRPCError(
      asOwner().mercadolivre.answer({ questionId: seeded.unanswered.id, text: 'Other text', idempotencyKey: 'draft-key-0002' }),
      'CONFLICT',
      /already being sent/,
    );
  });

  it('two different drafts sent together make one answer; the other is refused', async () => {
    const fresh = await seedAccountData(h, store.id, { prefix: 'Z' });
    const results = await Promise.allSettled(
      ['race-key-a-0001', 'race-key-b-0001', 'race-key-c-0001'].map((idempotencyKey) =>
        asOwner().mercadolivre.answer({ questionId: fresh.unanswered.id, text: `Text ${idempotencyKey}`, idempotencyKey }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.mlAnswer.count({ where: { mlQuestionId: fresh.unanswered.mlQuestionId } })).toBe(1);
  });

  it('an answered question is refused with CONFLICT', async () => {
    await expectTRPCError(
      asOwner().mercadolivre.answer({ questionId: seeded.answered.id, text: 'Late answer', idempotencyKey: 'draft-key-0003' }),
      'CONFLICT',
      /can no longer be answered/,
    );
  });

  it('validates the text and the key', async () => {
    const a = asOwner().mercadolivre;
    await expectTRPCError(a.answer({ questionId: seeded.newer.id, text: '   ', idempotencyKey: 'draft-key-0004' }), 'BAD_REQUEST', /Write an answer/);
    await expectTRPCError(a.answer({ questionId: seeded.newer.id, text: 'x'.repeat(2001), idempotencyKey: 'draft-key-0004' }), 'BAD_REQUEST', /at most 2000/);
    await expectTRPCError(a.answer({ questionId: seeded.newer.id, text: 'ok', idempotencyKey: 'short' }), 'BAD_REQUEST', /too short/);
  });
});

describe('dead letters', () => {
  let seeded: SeededAccount;
  beforeAll(async () => {
    seeded = await seedAccountData(h, store.id, { prefix: 'D' });
  });

  it('lists DEAD notifications only and replays one once', async () => {
    const list = await asOwner().mercadolivre.deadLetters({});
    expect(list.items.map((n) => n.id)).toContain(seeded.dead.id);
    expect(list.items.map((n) => n.id)).not.toContain(seeded.processed.id);
    expect(list.items.every((n) => n.status === 'DEAD' && typeof n.mlUserId === 'string')).toBe(true);

    const replayed = await asOwner().mercadolivre.replay({ notificationId: seeded.dead.id });
    expect(replayed.jobId).toMatch(new RegExp(`^ml-notif-${seeded.dead.id}-replay-\\d+$`));
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.mlNotification.findUniqueOrThrow({ where: { id: seeded.dead.id } })).toMatchObject({ status: 'RECEIVED', attempts: 0, lastError: null });
    const jobs = (await outbox(store.id, 'notification.process')).filter((j) => j.jobId === replayed.jobId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.payload).toEqual({ tenantId: store.id, notificationId: seeded.dead.id });
    expect((await h.auditRows(store.id, 'mercadolivre.notification.replayed')).map((r) => r.targetId)).toEqual([seeded.dead.id]);

    await expectTRPCError(asOwner().mercadolivre.replay({ notificationId: seeded.dead.id }), 'CONFLICT', /Only failed notifications/);
    await expectTRPCError(asOwner().mercadolivre.replay({ notificationId: seeded.processed.id }), 'CONFLICT');
    await expectTRPCError(asOwner().mercadolivre.replay({ notificationId: 'missing' }), 'NOT_FOUND');
  });
});

describe('permissions', () => {
  let seeded: SeededAccount;
  let ordersOnly: SessionUser;
  let support: SessionUser;
  beforeAll(async () => {
    seeded = await seedAccountData(h, store.id, { prefix: 'P' });
    ordersOnly = await h.createUser('ml-staff-orders');
    support = await h.createUser('ml-staff-support');
    await h.addMember(store.id, ordersOnly, 'STAFF', ['orders']);
    await h.addMember(store.id, support, 'STAFF', ['support']);
  });

  it('STAFF without support can read orders but cannot read or answer questions', async () => {
    const c = h.caller(ordersOnly, { tenantId: store.id });
    expect((await c.mercadolivre.orders({})).items.length).toBeGreaterThan(0);
    await expectTRPCError(c.mercadolivre.answer({ questionId: seeded.unanswered.id, text: 'Hi', idempotencyKey: 'staff-key-001' }), 'FORBIDDEN', /support:write/);
    await expectTRPCError(c.mercadolivre.questions({}), 'FORBIDDEN', /support:read/);
  });

  it('STAFF with support answers but cannot connect, sync, replay or see accounts', async () => {
    const c = h.caller(support, { tenantId: store.id });
    expect((await c.mercadolivre.answer({ questionId: seeded.unanswered.id, text: 'Hi', idempotencyKey: 'staff-key-002' })).status).toBe('PENDING');
    await expectTRPCError(c.mercadolivre.startConnection({}), 'FORBIDDEN', /settings:write/);
    await expectTRPCError(c.mercadolivre.finishConnection({ code: 'TG-x', state: 'y'.repeat(20) }), 'FORBIDDEN', /settings:write/);
    await expectTRPCError(c.mercadolivre.startSync({ accountId: seeded.account.id }), 'FORBIDDEN', /settings:write/);
    await expectTRPCError(c.mercadolivre.replay({ notificationId: seeded.dead.id }), 'FORBIDDEN', /settings:write/);
    await expectTRPCError(c.mercadolivre.accounts(), 'FORBIDDEN', /settings:read/);
    await expectTRPCError(c.mercadolivre.orders({}), 'FORBIDDEN', /orders:read/);
  });

  it('signed-out callers are UNAUTHORIZED', async () => {
    await expectTRPCError(h.caller(null, { tenantId: store.id }).mercadolivre.accounts(), 'UNAUTHORIZED');
  });
});
