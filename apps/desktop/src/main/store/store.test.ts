import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { account, at, message, order, question, shipment, T0 } from './fixtures.test-support.ts';
import { MIGRATIONS } from './schema.ts';
import { openLocalStore, type LocalStore } from './store.ts';
import type { Order } from './types.ts';

let store: LocalStore;
beforeEach(async () => {
  store = await openLocalStore();
});
afterEach(async () => {
  await store.close();
});

async function allOrders(s: LocalStore = store) {
  const out = [];
  let before: string | undefined;
  for (;;) {
    const page = await s.listOrders({ limit: 500, before });
    out.push(...page.orders);
    if (!page.next) return out;
    before = page.next;
  }
}

describe('applyChanges', () => {
  it('stores a page with BigInt strings, dates and items, and applying the same page again changes nothing', async () => {
    const page = [order(1), order(2), order(3)];
    await store.applyChanges('orders', page, 'c1');
    const first = await allOrders();
    expect(first.map((o) => o.id)).toEqual(['ord00003', 'ord00002', 'ord00001']);
    const one = first.find((o) => o.id === 'ord00001')!;
    expect(one.mlOrderId).toBe('2000009000000001');
    expect(one.totalMinor).toBe('12990');
    expect(one.dateCreated).toEqual(at(1));
    expect(one.tags).toEqual(['paid']);
    expect(one.items.map((i) => [i.id, i.title, i.quantity, i.unitPriceMinor, i.variationId])).toEqual([
      ['ord00001-i1', 'Camiseta Básica Algodão', 1, '4990', null],
      ['ord00001-i2', 'Caneca Cerâmica', 2, '4000', '177'],
    ]);

    await store.applyChanges('orders', page, 'c1');
    expect(await allOrders()).toEqual(first);
    expect(await store.cursor('orders')).toBe('c1');
  });

  it('saves the cursor with its page, per resource', async () => {
    expect(await store.cursor('orders')).toBeNull();
    await store.applyChanges('accounts', [account()], 'a1');
    await store.applyChanges('orders', [order(1)], 'o1');
    await store.applyChanges('orders', [], 'o2');
    expect(await store.cursor('accounts')).toBe('a1');
    expect(await store.cursor('orders')).toBe('o2');
    expect(await store.cursor('questions')).toBeNull();
  });

  it('leaves rows and cursor unchanged when something in the page fails', async () => {
    await store.applyChanges('orders', [order(1)], 'good');
    const before = await allOrders();
    const broken = { ...order(3), buyerId: null } as unknown as Order; // NOT NULL: the second row fails
    await expect(store.applyChanges('orders', [order(1, { status: 'cancelled', syncedAt: at(10) }), broken], 'bad')).rejects.toThrow();
    expect(await allOrders()).toEqual(before);
    expect(await store.cursor('orders')).toBe('good');
    // A failure in the items (after the orders were written) rolls back too.
    const badItems = order(4, { items: [{ ...order(4).items[0]!, quantity: null as unknown as number }] });
    await expect(store.applyChanges('orders', [badItems], 'bad')).rejects.toThrow();
    expect(await allOrders()).toEqual(before);
    expect(await store.cursor('orders')).toBe('good');
  });

  it('replaces a row and its items with a newer version, and ignores an older copy', async () => {
    await store.applyChanges('orders', [order(1)], 'c1');
    const newer = order(1, {
      status: 'cancelled', syncedAt: at(5), buyerNickname: 'NOVO_NOME',
      items: [{ id: 'ord00001-i9', mlItemId: 'MLB300', title: 'Mochila', variationId: null, sellerSku: null, quantity: 3, unitPriceMinor: '9900', currency: 'BRL' }],
    });
    await store.applyChanges('orders', [newer], 'c2');
    let [row] = await allOrders();
    expect(row!.status).toBe('cancelled');
    expect(row!.items.map((i) => i.title)).toEqual(['Mochila']);
    expect((await store.listOrders({ limit: 10, q: 'mochila' })).orders).toHaveLength(1);
    expect((await store.listOrders({ limit: 10, q: 'caneca' })).orders).toHaveLength(0);

    await store.applyChanges('orders', [order(1)], 'c3'); // the old version again (a feed restarted from the start)
    [row] = await allOrders();
    expect(row!.status).toBe('cancelled');
    expect(row!.items.map((i) => i.title)).toEqual(['Mochila']);

    await store.applyChanges('accounts', [account()], null);
    await store.applyChanges('accounts', [account({ nickname: 'LOJA_NOVA', status: 'NEEDS_REAUTH', updatedAt: at(1) })], null);
    expect((await store.accounts()).map((a) => [a.nickname, a.status, a.mlUserId])).toEqual([['LOJA_NOVA', 'NEEDS_REAUTH', '9007199254740993']]);
  });

  it('refuses an unknown resource', async () => {
    await expect(store.applyChanges('products' as 'orders', [], null)).rejects.toThrow(/Unknown resource/);
  });
});

describe('listOrders', () => {
  it('pages newest first without duplicates or gaps when many orders share a timestamp', async () => {
    const page = Array.from({ length: 23 }, (_, n) => order(n, { dateCreated: n < 15 ? at(100) : at(n) }));
    await store.applyChanges('orders', page, null);
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const result = await store.listOrders({ limit: 4, before });
      expect(result.orders.length).toBeLessThanOrEqual(4);
      seen.push(...result.orders.map((o) => o.id));
      if (!result.next) break;
      before = result.next;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const expected = [...page].sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime() || (a.id < b.id ? 1 : -1)).map((o) => o.id);
    expect(seen).toEqual(expected);
  });

  it('filters by account, status and date range (from inclusive, to exclusive)', async () => {
    await store.applyChanges('orders', [
      order(1), order(2, { status: 'cancelled' }), order(3), order(4, { accountId: 'acc2' }), order(5),
    ], null);
    const ids = async (input: Parameters<LocalStore['listOrders']>[0]) => (await store.listOrders(input)).orders.map((o) => o.id);
    expect(await ids({ limit: 10, status: 'paid', from: at(1), to: at(5) })).toEqual(['ord00004', 'ord00003', 'ord00001']);
    expect(await ids({ limit: 10, accountId: 'acc2' })).toEqual(['ord00004']);
    expect(await ids({ limit: 10, accountId: 'acc1', status: 'cancelled' })).toEqual(['ord00002']);
    expect(await ids({ limit: 2, status: 'paid' })).toEqual(['ord00005', 'ord00004']);
  });

  it('searches buyer nickname, order number and item titles, ignoring case and accents', async () => {
    await store.applyChanges('orders', [
      order(1, { buyerNickname: 'MariaSilva' }),
      order(2, { items: [{ ...order(2).items[0]!, title: 'Câmera Sem Fio' }] }),
      order(3, { buyerNickname: 'joao_100%' }),
    ], null);
    const ids = async (q: string) => (await store.listOrders({ limit: 10, q })).orders.map((o) => o.id);
    expect(await ids('mariasilva')).toEqual(['ord00001']);
    expect(await ids('SILVA')).toEqual(['ord00001']);
    expect(await ids('2000009000000002')).toEqual(['ord00002']);
    expect(await ids('camera')).toEqual(['ord00002']);
    expect(await ids('CÂMERA fio')).toEqual(['ord00002']);
    expect(await ids('câmera caneca')).toEqual([]);
    expect(await ids('algodao')).toEqual(['ord00003', 'ord00001']);
    expect(await ids('100%')).toEqual(['ord00003']);
    expect(await ids('o_1')).toEqual(['ord00003']);
    expect(await ids('m_r')).toEqual([]); // _ and % are literal, not wildcards
  });

  it('shows the shipment status', async () => {
    await store.applyChanges('orders', [order(1), order(2)], null);
    await store.applyChanges('shipments', [shipment(1, { status: 'shipped' })], null);
    const { orders } = await store.listOrders({ limit: 10 });
    expect(orders.map((o) => [o.id, o.shipmentStatus])).toEqual([['ord00002', null], ['ord00001', 'shipped']]);
  });

  it('rejects a page position it did not write', async () => {
    await expect(store.listOrders({ limit: 10, before: 'nonsense' })).rejects.toThrow(/page position/);
  });
});

describe('order', () => {
  it('returns the order with its items, shipment and the pack messages in order', async () => {
    await store.applyChanges('orders', [order(1), order(2, { packId: '3000000000000002' })], null);
    await store.applyChanges('shipments', [shipment(1), shipment(2)], null);
    await store.applyChanges('messages', [message(2), message(1), message(3, { packId: '3000000000000002' })], null);
    const one = await store.order('ord00001');
    expect(one!.items).toHaveLength(2);
    expect(one!.shipment).toMatchObject({ id: 'shp1', status: 'ready_to_ship', mlShipmentId: '4000000001' });
    expect(one!.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(one!.messages[0]!.sentAt).toEqual(at(1));
    const two = await store.order('ord00002');
    expect(two!.messages.map((m) => m.id)).toEqual(['m3']);
    expect(await store.order('missing')).toBeNull();
  });
});

describe('unansweredQuestions', () => {
  it('lists open questions oldest first, with the item title and the buyer’s earlier questions', async () => {
    await store.applyChanges('orders', [order(1)], null);
    await store.applyChanges('questions', [
      question(5, { buyerId: '101' }),
      question(1, { buyerId: '101', status: 'ANSWERED', answerText: 'Sim' }),
      question(3, { buyerId: '202', mlItemId: 'MLB999' }),
      question(2, { buyerId: '101', accountId: 'acc2' }),
      question(4, { buyerId: '101', mlItemId: 'MLB200' }),
    ], null);
    const open = await store.unansweredQuestions('acc1');
    expect(open.map((q) => [q.id, q.itemTitle])).toEqual([['q3', null], ['q4', 'Caneca Cerâmica'], ['q5', 'Camiseta Básica Algodão']]);
    expect(open[2]!.earlierQuestions.map((q) => [q.id, q.answerText])).toEqual([['q1', 'Sim'], ['q4', null]]);
    expect(open[2]!.earlierQuestions[0]!.dateCreated).toEqual(at(1));
    expect(open[0]!.earlierQuestions).toEqual([]);
    expect((await store.unansweredQuestions()).map((q) => q.id)).toEqual(['q2', 'q3', 'q4', 'q5']);
  });
});

describe('schema and persistence', () => {
  it('records the schema version on open', async () => {
    expect(await store.schemaVersion()).toBe(MIGRATIONS.length);
  });

  it('refuses a data directory written by a newer schema, and leaves it as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vitrine-store-'));
    try {
      const raw = new PGlite(dir);
      await raw.exec(`CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL); INSERT INTO meta VALUES ('schema_version', '99');`);
      await raw.close();
      await expect(openLocalStore({ dataDir: dir })).rejects.toThrow(/newer version of the app/);
      const check = new PGlite(dir);
      expect((await check.query(`SELECT to_regclass('orders') AS t`)).rows).toEqual([{ t: null }]);
      await check.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps data and cursors in a data directory across close and reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vitrine-store-'));
    try {
      const disk = await openLocalStore({ dataDir: dir });
      await disk.applyChanges('accounts', [account()], 'a1');
      await disk.applyChanges('orders', [order(1), order(2)], 'o1');
      await disk.close();

      const again = await openLocalStore({ dataDir: dir });
      expect(await again.schemaVersion()).toBe(MIGRATIONS.length);
      expect(await again.cursor('orders')).toBe('o1');
      expect((await again.accounts()).map((a) => a.id)).toEqual(['acc1']);
      expect((await allOrders(again)).map((o) => o.id)).toEqual(['ord00002', 'ord00001']);
      expect((await again.listOrders({ limit: 10, q: 'caneca' })).orders).toHaveLength(2);
      expect((await again.order('ord00001'))!.syncedAt).toEqual(T0);
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
