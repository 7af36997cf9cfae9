import { Prisma, type ScopedTransaction } from '@vitrine/db';
import { itemRow, messageRow, orderRow, questionRow, shipmentRow } from './rows.ts';

/**
 * Bulk upserts of ML data, one statement per table per page, inside the caller's tenant transaction.
 * Rows are keyed by (tenant, account, ML id). A row is rewritten only when ML's copy is newer (or the
 * same age with different content): older copies arriving late, duplicates and repeats change nothing.
 * Each returns the rows it actually inserted or updated.
 */

interface TableSpec {
  table: string;
  /** Column → SQL type, in insert order (tenant_id and synced_at are added). */
  columns: Record<string, string>;
  key: string[];
  /** Column expressions for the SELECT, when not the plain column. */
  select?: Record<string, string>;
}

function upsertSql(spec: TableSpec, json: string, keyColumn: string): Prisma.Sql {
  const names = Object.keys(spec.columns);
  const recordset = names.map((n) => `${n} ${spec.columns[n] === 'text[]' ? 'jsonb' : spec.columns[n]}`).join(', ');
  const selected = names.map((n) => spec.select?.[n] ?? n).join(', ');
  const updates = names.filter((n) => n !== 'id' && !spec.key.includes(n)).map((n) => `${n} = excluded.${n}`).join(', ');
  return Prisma.sql`
    INSERT INTO ${Prisma.raw(spec.table)} AS t (${Prisma.raw(names.join(', '))}, tenant_id, synced_at)
    SELECT ${Prisma.raw(selected)}, app_current_tenant(), now()
      FROM jsonb_to_recordset(${json}::jsonb) AS r(${Prisma.raw(recordset)})
    ON CONFLICT (tenant_id, ${Prisma.raw(spec.key.join(', '))}) DO UPDATE SET ${Prisma.raw(updates)}, synced_at = now()
    WHERE t.ml_updated_at IS NULL
       OR excluded.ml_updated_at > t.ml_updated_at
       OR (excluded.ml_updated_at = t.ml_updated_at AND excluded.raw IS DISTINCT FROM t.raw)
    RETURNING t.id, t.${Prisma.raw(keyColumn)}::text AS ml_id`;
}

const ORDERS: TableSpec = {
  table: 'ml_orders',
  key: ['account_id', 'ml_order_id'],
  columns: {
    id: 'text', account_id: 'text', ml_order_id: 'bigint', status: 'text', pack_id: 'bigint', shipment_id: 'bigint', buyer_id: 'bigint',
    buyer_nickname: 'text', total_minor: 'bigint', paid_minor: 'bigint', currency: 'text', tags: 'text[]', date_created: 'timestamptz',
    date_closed: 'timestamptz', ml_updated_at: 'timestamptz', raw: 'jsonb',
  },
  select: { tags: 'ARRAY(SELECT jsonb_array_elements_text(r.tags))' },
};
const QUESTIONS: TableSpec = {
  table: 'ml_questions',
  key: ['account_id', 'ml_question_id'],
  columns: {
    id: 'text', account_id: 'text', ml_question_id: 'bigint', ml_item_id: 'text', buyer_id: 'bigint', text: 'text', status: 'text',
    date_created: 'timestamptz', answer_text: 'text', answer_status: 'text', answered_at: 'timestamptz', ml_updated_at: 'timestamptz', raw: 'jsonb',
  },
};
const ITEMS: TableSpec = {
  table: 'ml_items',
  key: ['account_id', 'ml_item_id'],
  columns: {
    id: 'text', account_id: 'text', ml_item_id: 'text', title: 'text', price_minor: 'bigint', currency: 'text', available_quantity: 'integer',
    sold_quantity: 'integer', status: 'text', permalink: 'text', thumbnail: 'text', ml_updated_at: 'timestamptz', raw: 'jsonb',
  },
};
const SHIPMENTS: TableSpec = {
  table: 'ml_shipments',
  key: ['account_id', 'ml_shipment_id'],
  columns: {
    id: 'text', account_id: 'text', ml_shipment_id: 'bigint', ml_order_id: 'bigint', status: 'text', substatus: 'text', mode: 'text',
    logistic_type: 'text', tracking_number: 'text', ml_updated_at: 'timestamptz', raw: 'jsonb',
  },
};

type Changed = Array<{ id: string; ml_id: string }>;

/** Keeps one row per ML id (the newest), since one statement may not touch a row twice. */
function newestPerKey<R extends { ml_updated_at: string | null }>(rows: R[], key: (row: R) => string): R[] {
  const byKey = new Map<string, R>();
  for (const row of rows) {
    const seen = byKey.get(key(row));
    if (!seen || (row.ml_updated_at ?? '') >= (seen.ml_updated_at ?? '')) byKey.set(key(row), row);
  }
  return [...byKey.values()];
}

async function upsert<R extends { ml_updated_at: string | null }>(tx: ScopedTransaction, spec: TableSpec, rows: R[], key: (row: R) => string, keyColumn: string): Promise<Changed> {
  if (rows.length === 0) return [];
  return tx.$queryRaw<Changed>(upsertSql(spec, JSON.stringify(newestPerKey(rows, key)), keyColumn));
}

export async function upsertOrders(tx: ScopedTransaction, accountId: string, orders: Parameters<typeof orderRow>[1][]): Promise<number> {
  const rows = orders.map((order) => orderRow(accountId, order));
  const changed = await upsert(tx, ORDERS, rows.map(({ items: _items, ...row }) => row), (r) => r.ml_order_id!, 'ml_order_id');
  if (changed.length === 0) return 0;
  // The lines of a changed order are replaced with ML's current ones.
  const orderIdByMlId = new Map(changed.map((c) => [c.ml_id, c.id]));
  const lines = rows.filter((r) => orderIdByMlId.has(r.ml_order_id!)).flatMap((r) => r.items.map((line) => ({ ...line, order_id: orderIdByMlId.get(r.ml_order_id!) })));
  await tx.$executeRaw`DELETE FROM ml_order_items WHERE order_id = ANY(${[...orderIdByMlId.values()]}::text[])`;
  if (lines.length) {
    await tx.$executeRaw`
      INSERT INTO ml_order_items (id, tenant_id, order_id, ml_item_id, title, variation_id, seller_sku, quantity, unit_price_minor, currency)
      SELECT id, app_current_tenant(), order_id, ml_item_id, title, variation_id, seller_sku, quantity, unit_price_minor, currency
        FROM jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) AS r(id text, order_id text, ml_item_id text, title text, variation_id bigint,
             seller_sku text, quantity integer, unit_price_minor bigint, currency text)`;
  }
  return changed.length;
}

export async function upsertQuestions(tx: ScopedTransaction, accountId: string, questions: Parameters<typeof questionRow>[1][]): Promise<number> {
  const rows = questions.map((q) => questionRow(accountId, q));
  return (await upsert(tx, QUESTIONS, rows, (r) => r.ml_question_id!, 'ml_question_id')).length;
}

export async function upsertItems(tx: ScopedTransaction, accountId: string, items: Parameters<typeof itemRow>[1][]): Promise<number> {
  const rows = items.map((i) => itemRow(accountId, i));
  return (await upsert(tx, ITEMS, rows, (r) => r.ml_item_id, 'ml_item_id')).length;
}

export async function upsertShipments(tx: ScopedTransaction, accountId: string, shipments: Parameters<typeof shipmentRow>[1][]): Promise<number> {
  const rows = shipments.map((s) => shipmentRow(accountId, s));
  return (await upsert(tx, SHIPMENTS, rows, (r) => r.ml_shipment_id!, 'ml_shipment_id')).length;
}

/** Messages never change once sent except status and read time: insert new ones, refresh those two. */
export async function upsertMessages(tx: ScopedTransaction, accountId: string, packId: number | bigint, messages: Parameters<typeof messageRow>[2][]): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = messages.map((m) => messageRow(accountId, packId, m));
  return tx.$executeRaw`
    INSERT INTO ml_messages AS t (id, tenant_id, account_id, ml_message_id, pack_id, from_user_id, to_user_id, text, status, sent_at, read_at, raw, synced_at)
    SELECT id, app_current_tenant(), account_id, ml_message_id, pack_id, from_user_id, to_user_id, text, status, sent_at, read_at, raw, now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, account_id text, ml_message_id text, pack_id bigint, from_user_id bigint,
           to_user_id bigint, text text, status text, sent_at timestamptz, read_at timestamptz, raw jsonb)
    ON CONFLICT (tenant_id, account_id, ml_message_id) DO UPDATE SET status = excluded.status, read_at = excluded.read_at, raw = excluded.raw, synced_at = now()
    WHERE (t.status, t.read_at) IS DISTINCT FROM (excluded.status, excluded.read_at)`;
}
