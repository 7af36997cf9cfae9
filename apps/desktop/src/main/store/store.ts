import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { MIGRATIONS, ORDER_ITEMS, TABLES, snake, type TableSpec } from './schema.ts';
import { fold, searchPatterns } from './search.ts';
import { RESOURCES, type Account, type Message, type Order, type OrderItem, type Question, type Resource, type ResourceItem, type Shipment } from './types.ts';

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

export interface ListOrdersInput {
  accountId?: string;
  status?: string;
  /** date_created ≥ from */
  from?: Date;
  /** date_created < to */
  to?: Date;
  /** Words matched (each, as a substring) against buyer nickname, order number and item titles, ignoring case and accents. */
  q?: string;
  limit: number;
  /** The `next` of the previous page. */
  before?: string;
}

export interface OrderSummary extends Order {
  shipmentStatus: string | null;
}

export interface OrderPage {
  orders: OrderSummary[];
  /** Pass as `before` for the next page; null on the last page. */
  next: string | null;
}

export interface OrderDetail extends Order {
  shipment: Shipment | null;
  messages: Message[];
}

export interface EarlierQuestion {
  id: string;
  mlItemId: string;
  text: string;
  status: string;
  dateCreated: Date;
  answerText: string | null;
}

export interface OpenQuestion extends Question {
  /** The title from an order item of this account with the same ML item, when the store has one. */
  itemTitle: string | null;
  /** The nickname on the latest order of the same buyer on this account, when there is one. */
  buyerNickname: string | null;
  /** The same buyer's earlier questions to this account, oldest first. */
  earlierQuestions: EarlierQuestion[];
}

export interface LocalStore {
  applyChanges<R extends Resource>(resource: R, items: readonly ResourceItem[R][], nextCursor: string | null): Promise<void>;
  cursor(resource: Resource): Promise<string | null>;
  accounts(): Promise<Account[]>;
  listOrders(input: ListOrdersInput): Promise<OrderPage>;
  order(id: string): Promise<OrderDetail | null>;
  unansweredQuestions(accountId?: string): Promise<OpenQuestion[]>;
  schemaVersion(): Promise<number>;
  /** A statement on the local database, for this app's own tables (the outbox); the mirrored tables change only through applyChanges. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------- schema

async function migrate(db: PGlite): Promise<void> {
  await db.exec('CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL)');
  const version = await readVersion(db);
  if (version > MIGRATIONS.length) {
    throw new Error(`This local store was written by a newer version of the app (schema ${version}, this app knows ${MIGRATIONS.length}).`);
  }
  for (let step = version; step < MIGRATIONS.length; step += 1) {
    await db.transaction(async (tx) => {
      await tx.exec(MIGRATIONS[step]!);
      await tx.query(
        `INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [String(step + 1)],
      );
    });
  }
}

async function readVersion(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'schema_version'`);
  return rows[0] ? Number(rows[0].value) : 0;
}

// ---------------------------------------------------------------------------------------------- writes

/** `INSERT … SELECT FROM json_to_recordset($1)`: one statement and one parameter per page. */
function upsertSql(spec: TableSpec): string {
  const names = spec.columns.map((col) => snake(col.field));
  const record = spec.columns.map((col) => `"${col.field}" ${col.type}`).join(', ');
  const values = spec.columns.map((col) => `x."${col.field}"`).join(', ');
  const set = names.filter((n) => n !== 'id').map((n) => `${n} = excluded.${n}`).join(', ');
  const v = snake(spec.version);
  // Newer versions replace; an equal version replaces only when it differs (so a repeated page writes nothing);
  // an older copy (a feed restarted from an earlier cursor) never replaces a newer one.
  return `INSERT INTO ${spec.table} AS t (${names.join(', ')})
    SELECT ${values} FROM json_to_recordset($1::json) AS x(${record})
    ON CONFLICT (id) DO UPDATE SET ${set}
    WHERE excluded.${v} > t.${v} OR (excluded.${v} = t.${v} AND (t.*) IS DISTINCT FROM (excluded.*))
    RETURNING id`;
}

const UPSERT = Object.fromEntries(RESOURCES.map((r) => [r, upsertSql(TABLES[r])])) as Record<Resource, string>;
const INSERT_ITEMS = (() => {
  const names = ORDER_ITEMS.columns.map((col) => snake(col.field));
  const record = ORDER_ITEMS.columns.map((col) => `"${col.field}" ${col.type}`).join(', ');
  return `INSERT INTO order_items (${names.join(', ')}) SELECT ${ORDER_ITEMS.columns.map((col) => `x."${col.field}"`).join(', ')}
    FROM json_to_recordset($1::json) AS x(${record})`;
})();

function orderSearchText(order: Order): string {
  return fold([order.buyerNickname ?? '', order.mlOrderId, ...order.items.map((item) => item.title)].join(' '));
}

async function applyChanges<R extends Resource>(db: PGlite, resource: R, items: readonly ResourceItem[R][], nextCursor: string | null) {
  if (!RESOURCES.includes(resource)) throw new Error(`Unknown resource: ${String(resource)}`);
  await db.transaction(async (tx) => {
    if (items.length > 0) {
      if (resource === 'orders') {
        const orders = items as readonly Order[];
        const rows = orders.map(({ items: _items, ...order }) => ({ ...order, search: orderSearchText({ ...order, items: _items }) }));
        const { rows: changed } = await tx.query<{ id: string }>(UPSERT.orders, [JSON.stringify(rows)]);
        if (changed.length > 0) {
          const ids = new Set(changed.map((row) => row.id));
          const lines = orders.filter((o) => ids.has(o.id)).flatMap((o) => o.items.map((item) => ({ ...item, orderId: o.id })));
          await tx.query('DELETE FROM order_items WHERE order_id = ANY($1::text[])', [[...ids]]);
          if (lines.length > 0) await tx.query(INSERT_ITEMS, [JSON.stringify(lines)]);
        }
      } else {
        await tx.query(UPSERT[resource], [JSON.stringify(items)]);
      }
    }
    await tx.query(
      `INSERT INTO cursors (resource, cursor, saved_at) VALUES ($1, $2, now())
       ON CONFLICT (resource) DO UPDATE SET cursor = excluded.cursor, saved_at = excluded.saved_at`,
      [resource, nextCursor],
    );
  });
}

// ---------------------------------------------------------------------------------------------- reads

/** `alias.snake_column AS "camelField"`, 64-bit integers as text (as the feed sends them). */
function selectList(spec: TableSpec, alias: string, omit: readonly string[] = []): string {
  return spec.columns
    .filter((col) => !omit.includes(col.field))
    .map((col) => `${alias}.${snake(col.field)}${col.type === 'bigint' ? '::text' : ''} AS "${col.field}"`)
    .join(', ');
}

/** json_build_object of a row (dates come back as ISO strings and are revived by the caller). */
function jsonObject(spec: TableSpec, alias: string): string {
  return `json_build_object(${spec.columns
    .map((col) => `'${col.field}', ${alias}.${snake(col.field)}${col.type === 'bigint' ? '::text' : ''}`)
    .join(', ')})`;
}

const ITEMS_JSON = `COALESCE((SELECT json_agg(${jsonObject({ ...ORDER_ITEMS, columns: ORDER_ITEMS.columns.filter((col) => col.field !== 'orderId') }, 'i')} ORDER BY i.id)
  FROM order_items i WHERE i.order_id = o.id), '[]'::json) AS items`;
const ORDER_COLUMNS = selectList(TABLES.orders, 'o', ['search']);

interface Keyset {
  at: Date;
  id: string;
}

function encodeKeyset(position: Keyset): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString('base64url');
}

function decodeKeyset(value: string): Keyset {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad');
    return { at: date, id };
  } catch {
    throw new Error('This page position is not valid: list the orders again from the first page.');
  }
}

async function listOrders(db: PGlite, input: ListOrdersInput): Promise<OrderPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (input.accountId) where.push(`o.account_id = ${param(input.accountId)}`);
  if (input.status) where.push(`o.status = ${param(input.status)}`);
  if (input.from) where.push(`o.date_created >= ${param(input.from)}`);
  if (input.to) where.push(`o.date_created < ${param(input.to)}`);
  for (const pattern of input.q ? searchPatterns(input.q) : []) where.push(`o.search LIKE ${param(pattern)}`);
  if (input.before) {
    const position = decodeKeyset(input.before);
    where.push(`(o.date_created, o.id) < (${param(position.at)}::timestamptz, ${param(position.id)})`);
  }
  const limit = Math.max(1, Math.min(500, Math.floor(input.limit)));
  const { rows } = await db.query<Omit<OrderSummary, 'items'> & { items: RawJson[] }>(
    `SELECT ${ORDER_COLUMNS}, ${ITEMS_JSON},
       (SELECT s.status FROM shipments s WHERE s.account_id = o.account_id AND s.ml_shipment_id = o.shipment_id LIMIT 1) AS "shipmentStatus"
     FROM orders o
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY o.date_created DESC, o.id DESC
     LIMIT ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit).map((row) => ({ ...row, items: row.items.map(reviveItem) }));
  const last = page[page.length - 1];
  return { orders: page, next: rows.length > limit && last ? encodeKeyset({ at: last.dateCreated, id: last.id }) : null };
}

type RawJson = Record<string, unknown>;

function reviveItem(raw: RawJson): OrderItem {
  return raw as unknown as OrderItem;
}

function reviveDates<T>(raw: RawJson, fields: readonly string[]): T {
  const out: RawJson = { ...raw };
  for (const field of fields) if (typeof out[field] === 'string') out[field] = new Date(out[field] as string);
  return out as T;
}

async function order(db: PGlite, id: string): Promise<OrderDetail | null> {
  const { rows } = await db.query<Omit<Order, 'items'> & { items: RawJson[] }>(`SELECT ${ORDER_COLUMNS}, ${ITEMS_JSON} FROM orders o WHERE o.id = $1`, [id]);
  const row = rows[0];
  if (!row) return null;
  const shipment = await db.query<Shipment>(
    `SELECT ${selectList(TABLES.shipments, 's')} FROM shipments s
     WHERE s.account_id = $1 AND (s.ml_shipment_id = $2::bigint OR ($2 IS NULL AND s.ml_order_id = $3::bigint))
     ORDER BY s.synced_at DESC LIMIT 1`,
    [row.accountId, row.shipmentId, row.mlOrderId],
  );
  // ML's messages belong to the pack, or to the order when it has no pack.
  const messages = await db.query<Message>(
    `SELECT ${selectList(TABLES.messages, 'm')} FROM messages m WHERE m.account_id = $1 AND m.pack_id = $2::bigint ORDER BY m.sent_at, m.id`,
    [row.accountId, row.packId ?? row.mlOrderId],
  );
  return { ...row, items: row.items.map(reviveItem), shipment: shipment.rows[0] ?? null, messages: messages.rows };
}

/**
 * A question still waiting for this seller: no answer of this machine waits in the outbox or was refused for good
 * (the conflict is shown instead), and neither the outbox nor the platform holds an answer that is not REFUSED.
 */
const NOT_ANSWERED_HERE = `NOT EXISTS (SELECT 1 FROM outbox x WHERE x.question_id = q.id AND (x.status IN ('pending', 'conflict')
    OR (x.status = 'sent' AND NOT EXISTS (SELECT 1 FROM answers r WHERE r.idempotency_key = x.idempotency_key AND r.status = 'REFUSED'))))
  AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.account_id = q.account_id AND a.ml_question_id = q.ml_question_id AND a.status <> 'REFUSED')`;

async function unansweredQuestions(db: PGlite, accountId?: string): Promise<OpenQuestion[]> {
  const { rows } = await db.query<Question & { itemTitle: string | null; buyerNickname: string | null; earlierQuestions: RawJson[] }>(
    `SELECT ${selectList(TABLES.questions, 'q')},
       (SELECT o.buyer_nickname FROM orders o
         WHERE o.account_id = q.account_id AND o.buyer_id = q.buyer_id AND o.buyer_nickname IS NOT NULL
         ORDER BY o.date_created DESC LIMIT 1) AS "buyerNickname",
       (SELECT i.title FROM order_items i JOIN orders o ON o.id = i.order_id
         WHERE i.ml_item_id = q.ml_item_id AND o.account_id = q.account_id ORDER BY o.date_created DESC LIMIT 1) AS "itemTitle",
       COALESCE((SELECT json_agg(json_build_object('id', e.id, 'mlItemId', e.ml_item_id, 'text', e.text, 'status', e.status,
           'dateCreated', e.date_created, 'answerText', e.answer_text) ORDER BY e.date_created, e.id)
         FROM questions e
         WHERE e.account_id = q.account_id AND e.buyer_id = q.buyer_id AND (e.date_created, e.id) < (q.date_created, q.id)), '[]'::json) AS "earlierQuestions"
     FROM questions q
     WHERE q.status = 'UNANSWERED' ${accountId ? 'AND q.account_id = $1' : ''} AND ${NOT_ANSWERED_HERE}
     ORDER BY q.date_created, q.id`,
    accountId ? [accountId] : [],
  );
  return rows.map((row) => ({ ...row, earlierQuestions: row.earlierQuestions.map((e) => reviveDates<EarlierQuestion>(e, ['dateCreated'])) }));
}

// ---------------------------------------------------------------------------------------------- open

/**
 * The seller's Mercado Livre data on this machine, as the platform's change feed delivers it. In memory without
 * `dataDir` (tests), else persisted in that directory. The schema is created or brought up to date on open.
 */
export async function openLocalStore(options: { dataDir?: string } = {}): Promise<LocalStore> {
  const db = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { pg_trgm } });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    applyChanges: (resource, items, nextCursor) => applyChanges(db, resource, items, nextCursor),
    async cursor(resource) {
      const { rows } = await db.query<{ cursor: string | null }>('SELECT cursor FROM cursors WHERE resource = $1', [resource]);
      return rows[0]?.cursor ?? null;
    },
    async accounts() {
      const { rows } = await db.query<Account>(`SELECT ${selectList(TABLES.accounts, 'a')} FROM accounts a ORDER BY a.nickname, a.id`);
      return rows;
    },
    listOrders: (input) => listOrders(db, input),
    order: (id) => order(db, id),
    unansweredQuestions: (accountId) => unansweredQuestions(db, accountId),
    schemaVersion: () => readVersion(db),
    async query<T>(sql: string, params: unknown[] = []) {
      const { rows } = await db.query<T>(sql, params);
      return rows;
    },
    close: () => db.close(),
  };
}
