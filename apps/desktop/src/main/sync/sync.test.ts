import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { createApiHarness, createDesktopToken, type ApiHarness, type Caller } from '@vitrine/api/testing';
import { enqueueAnswer, flushOutbox, outboxItems } from '../outbox/outbox.ts';
import { openLocalStore, type LocalStore } from '../store/store.ts';
import { syncOnce } from './sync.ts';
import { callerTransport, OfflineError, type Transport } from './transport.ts';

/**
 * The sync loop and the answer outbox against the real router, called as the desktop app calls it (a desktop
 * token in Authorization, the store in x-tenant-id), with the worker not running.
 */
let h: ApiHarness;
let tenantId: string;
let accountId: string;
let web: Caller;
let desktop: Caller;
let store: LocalStore;

const SETTLED = 2_300; // the feed's settling window (SETTLE_MS) and a margin
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transport that fails like a cut network while `online` is false. */
function switchable(inner: Transport) {
  const net: Transport & { online: boolean } = {
    online: true,
    changes: (resource, cursor, limit) => (net.online ? inner.changes(resource, cursor, limit) : Promise.reject(new OfflineError())),
    answer: (input) => (net.online ? inner.answer(input) : Promise.reject(new OfflineError())),
  };
  return net;
}

let seq = 0;
async function addOrders(count: number, syncedAgo = "interval '1 minute'") {
  const tdb = await h.db.forTenant(tenantId);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    seq += 1;
    const row = await tdb.mlOrder.create({
      data: {
        tenantId, accountId, mlOrderId: 2_000_000_000n + BigInt(seq), status: 'paid', buyerId: 77n, buyerNickname: `BUYER_${seq}`, totalMinor: 1000n,
        currency: 'BRL', dateCreated: new Date(Date.UTC(2026, 10, 1, 12, seq)),
        items: { create: [{ mlItemId: 'MLB1', title: `Lamp ${seq}`, quantity: 1, unitPriceMinor: 1000n, currency: 'BRL' }] },
      },
    });
    ids.push(row.id);
  }
  await h.owner.$executeRawUnsafe(`UPDATE ml_orders SET synced_at = now() - ${syncedAgo} WHERE id = ANY($1::text[])`, ids);
}

async function serverAnswers(idempotencyKey?: string) {
  const tdb = await h.db.forTenant(tenantId);
  return tdb.mlAnswer.findMany({ where: idempotencyKey ? { idempotencyKey } : {}, orderBy: { createdAt: 'asc' } });
}

beforeAll(async () => {
  h = await createApiHarness('desktop_sync');
  const ana = await h.createUser('ana-desktop-sync');
  tenantId = (await h.createStore(ana, 'desktop-sync')).id;
  const tdb = await h.db.forTenant(tenantId);
  accountId = (await tdb.mlAccount.create({ data: { tenantId, mlUserId: 555_000n, nickname: 'LOJA_SYNC', siteId: 'MLB' } })).id;
  await addOrders(5);
  for (let i = 0; i < 4; i += 1) {
    await tdb.mlQuestion.create({
      data: { tenantId, accountId, mlQuestionId: 13_000_000_000n + BigInt(i), mlItemId: 'MLB1', buyerId: 77n, text: `Question ${i}?`, status: 'UNANSWERED', dateCreated: new Date(Date.UTC(2026, 10, 2, i)) },
    });
  }
  const { token } = await createDesktopToken(h.db.platform, ana.id, 'Ana’s PC');
  desktop = await h.bearerCaller(`Bearer ${token}`, { tenantId });
  web = h.caller(ana, { tenantId });
  // Let everything written above settle, so a caught-up feed returns nothing.
  await sleep(SETTLED);
});
afterAll(() => h?.close());

beforeEach(async () => {
  store = await openLocalStore();
});
afterEach(() => store.close());

describe('syncOnce', () => {
  it('pulls every resource page by page, a second run applies nothing new, and it resumes from the saved cursors', async () => {
    const transport = callerTransport(desktop);
    const first = await syncOnce(store, transport, { pageSize: 2 });
    expect(first.resources.orders).toEqual({ pages: 3, items: 5 });
    expect(first.resources.questions).toEqual({ pages: 2, items: 4 });
    expect(first.resources.accounts).toEqual({ pages: 1, items: 1 });
    expect((await store.listOrders({ limit: 50 })).orders).toHaveLength(5);
    expect(await store.unansweredQuestions()).toHaveLength(4);
    expect((await store.accounts()).map((a) => a.nickname)).toEqual(['LOJA_SYNC']);

    const again = await syncOnce(store, transport, { pageSize: 2 });
    expect(again.items).toBe(0);

    await addOrders(3);
    const resumed = await syncOnce(store, transport, { pageSize: 2, resources: ['orders'] });
    expect(resumed.resources.orders).toEqual({ pages: 2, items: 3 });
    expect((await store.listOrders({ limit: 50 })).orders).toHaveLength(8);
    expect(await store.cursor('orders')).not.toBeNull();
  });

  it('offline, throws OfflineError and writes nothing', async () => {
    const net = switchable(callerTransport(desktop));
    net.online = false;
    await expect(syncOnce(store, net)).rejects.toBeInstanceOf(OfflineError);
    expect(await store.cursor('accounts')).toBeNull();
    expect(await store.accounts()).toEqual([]);
  });

  it('maps fetch failures and a client error without a server answer to OfflineError, and CONFLICT is not offline', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    const clientError = Object.assign(new Error('Unable to transform response'), { name: 'TRPCClientError', data: undefined });
    for (const failure of [refused, clientError]) {
      const down = callerTransport({ mercadolivre: { changes: () => Promise.reject(failure), answer: () => Promise.reject(failure) } });
      await expect(syncOnce(store, down)).rejects.toBeInstanceOf(OfflineError);
      await expect(down.answer({ questionId: 'q', text: 't', idempotencyKey: 'k-12345678' })).rejects.toBeInstanceOf(OfflineError);
    }
    const conflict = Object.assign(new Error('answered elsewhere'), { name: 'TRPCClientError', data: { code: 'CONFLICT', httpStatus: 409 } });
    const refusing = callerTransport({ mercadolivre: { changes: () => Promise.reject(conflict), answer: () => Promise.reject(conflict) } });
    await expect(refusing.answer({ questionId: 'q', text: 't', idempotencyKey: 'k-12345678' })).rejects.toMatchObject({ name: 'AnswerConflictError', message: 'answered elsewhere' });
    expect(await store.cursor('accounts')).toBeNull();
  });
});

describe('answers written offline', () => {
  it('are delivered once each when back online; one answered elsewhere meanwhile is a conflict with its text kept', async () => {
    const net = switchable(callerTransport(desktop));
    await syncOnce(store, net);
    const [q0, q1, q2] = await store.unansweredQuestions();

    net.online = false;
    await expect(syncOnce(store, net)).rejects.toBeInstanceOf(OfflineError);
    const drafts = [];
    for (const [q, text] of [[q0!, 'Yes, it comes with a bulb.'], [q1!, 'Blue and green.'], [q2!, 'It ships tomorrow.']] as const) {
      drafts.push(await enqueueAnswer(store, { questionId: q.id, accountId: q.accountId, text }));
    }
    expect(new Set(drafts.map((d) => d.idempotencyKey)).size).toBe(3);
    expect(await flushOutbox(store, net)).toEqual({ sent: 0, conflicts: 0, pending: 3, offline: true, stoppedBy: expect.any(OfflineError) });
    expect((await outboxItems(store)).map((i) => i.status)).toEqual(['pending', 'pending', 'pending']);
    expect(await serverAnswers()).toHaveLength(0);

    // Meanwhile, someone answers the second question on the web.
    await web.mercadolivre.answer({ questionId: q1!.id, text: 'Answered on the web.', idempotencyKey: 'web-answer-0001' });

    net.online = true;
    expect(await flushOutbox(store, net)).toEqual({ sent: 2, conflicts: 1, pending: 0, offline: false, stoppedBy: null });
    const items = await outboxItems(store);
    expect(items.map((i) => [i.questionId, i.status])).toEqual([[q0!.id, 'sent'], [q1!.id, 'conflict'], [q2!.id, 'sent']]);
    expect(items[1]).toMatchObject({ text: 'Blue and green.', answerId: null, error: expect.stringMatching(/already being sent|can no longer be answered/) });

    for (const sent of [items[0]!, items[2]!]) {
      const rows = await serverAnswers(sent.idempotencyKey);
      expect(rows.map((r) => [r.id, r.text])).toEqual([[sent.answerId, sent.text]]);
    }
    expect(await serverAnswers(items[1]!.idempotencyKey)).toHaveLength(0);
    expect(await serverAnswers()).toHaveLength(3);

    // Flushing again sends nothing more.
    expect(await flushOutbox(store, net)).toEqual({ sent: 0, conflicts: 0, pending: 0, offline: false, stoppedBy: null });
    expect(await serverAnswers()).toHaveLength(3);
  });

  it('survive a crash between the server accepting and the local mark: the resend is the same answer', async () => {
    const transport = callerTransport(desktop);
    await syncOnce(store, transport, { resources: ['questions'] });
    const open = await store.unansweredQuestions();
    const q3 = open.find((q) => q.text === 'Question 3?')!;
    const draft = await enqueueAnswer(store, { questionId: q3.id, accountId: q3.accountId, text: 'Yes, 220 V.' });
    expect(await flushOutbox(store, transport)).toMatchObject({ sent: 1 });
    const [sent] = await outboxItems(store);

    // The app dies before recording the answer: locally it is still pending.
    await store.query(`UPDATE outbox SET status = 'pending', answer_id = NULL WHERE id = $1`, [draft.id]);
    expect(await flushOutbox(store, transport)).toMatchObject({ sent: 1, conflicts: 0 });
    const [again] = await outboxItems(store);
    expect(again).toMatchObject({ status: 'sent', answerId: sent!.answerId, idempotencyKey: draft.idempotencyKey });
    expect(await serverAnswers(draft.idempotencyKey)).toHaveLength(1);
  });
});
