import type { Resource } from './types.ts';

type SqlType = 'text' | 'bigint' | 'integer' | 'timestamptz' | 'text[]';

/** One column of a mirrored table: the feed's (camelCase) field, its SQL type, NOT NULL or not. */
export interface Column {
  field: string;
  type: SqlType;
  nullable?: boolean;
}

export interface TableSpec {
  table: string;
  columns: Column[];
  /** The column the server bumps on every change (synced_at or updated_at): an older copy never replaces a newer one. */
  version: string;
}

const c = (field: string, type: SqlType, nullable = false): Column => ({ field, type, nullable });

export const snake = (field: string) => field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

export const TABLES: Record<Resource, TableSpec> = {
  accounts: {
    table: 'accounts',
    version: 'updatedAt',
    columns: [
      c('id', 'text'), c('mlUserId', 'bigint'), c('nickname', 'text'), c('siteId', 'text'), c('status', 'text'),
      c('statusReason', 'text', true), c('lastSyncedAt', 'timestamptz', true), c('createdAt', 'timestamptz'), c('updatedAt', 'timestamptz'),
    ],
  },
  orders: {
    table: 'orders',
    version: 'syncedAt',
    columns: [
      c('id', 'text'), c('accountId', 'text'), c('mlOrderId', 'bigint'), c('status', 'text'), c('packId', 'bigint', true),
      c('shipmentId', 'bigint', true), c('buyerId', 'bigint'), c('buyerNickname', 'text', true), c('totalMinor', 'bigint'),
      c('paidMinor', 'bigint', true), c('currency', 'text'), c('tags', 'text[]'), c('dateCreated', 'timestamptz'),
      c('dateClosed', 'timestamptz', true), c('mlUpdatedAt', 'timestamptz', true), c('syncedAt', 'timestamptz'),
      // Local only: buyer nickname, order number and item titles, lowercased and without accents (see search.ts).
      c('search', 'text'),
    ],
  },
  shipments: {
    table: 'shipments',
    version: 'syncedAt',
    columns: [
      c('id', 'text'), c('accountId', 'text'), c('mlShipmentId', 'bigint'), c('mlOrderId', 'bigint', true), c('status', 'text'),
      c('substatus', 'text', true), c('mode', 'text', true), c('logisticType', 'text', true), c('trackingNumber', 'text', true),
      c('mlUpdatedAt', 'timestamptz', true), c('syncedAt', 'timestamptz'),
    ],
  },
  questions: {
    table: 'questions',
    version: 'syncedAt',
    columns: [
      c('id', 'text'), c('accountId', 'text'), c('mlQuestionId', 'bigint'), c('mlItemId', 'text'), c('buyerId', 'bigint'), c('text', 'text'),
      c('status', 'text'), c('dateCreated', 'timestamptz'), c('answerText', 'text', true), c('answerStatus', 'text', true),
      c('answeredAt', 'timestamptz', true), c('mlUpdatedAt', 'timestamptz', true), c('syncedAt', 'timestamptz'),
    ],
  },
  messages: {
    table: 'messages',
    version: 'syncedAt',
    columns: [
      c('id', 'text'), c('accountId', 'text'), c('mlMessageId', 'text'), c('packId', 'bigint'), c('fromUserId', 'bigint'),
      c('toUserId', 'bigint'), c('text', 'text'), c('status', 'text'), c('sentAt', 'timestamptz'), c('readAt', 'timestamptz', true),
      c('syncedAt', 'timestamptz'),
    ],
  },
  answers: {
    table: 'answers',
    version: 'updatedAt',
    columns: [
      c('id', 'text'), c('accountId', 'text'), c('mlQuestionId', 'bigint'), c('text', 'text'), c('idempotencyKey', 'text'),
      c('status', 'text'), c('refusalReason', 'text', true), c('createdByUserId', 'text', true), c('createdAt', 'timestamptz'),
      c('sentAt', 'timestamptz', true), c('updatedAt', 'timestamptz'),
    ],
  },
};

export const ORDER_ITEMS: TableSpec = {
  table: 'order_items',
  version: '',
  columns: [
    c('id', 'text'), c('orderId', 'text'), c('mlItemId', 'text'), c('title', 'text'), c('variationId', 'bigint', true),
    c('sellerSku', 'text', true), c('quantity', 'integer'), c('unitPriceMinor', 'bigint'), c('currency', 'text'),
  ],
};

function createTable(spec: TableSpec, extra = ''): string {
  const columns = spec.columns.map((col) => `${snake(col.field)} ${col.type}${col.nullable ? '' : ' NOT NULL'}${col.field === 'id' ? ' PRIMARY KEY' : ''}`);
  return `CREATE TABLE ${spec.table} (\n  ${[...columns, ...(extra ? [extra] : [])].join(',\n  ')}\n);`;
}

/**
 * The schema, as a list of steps applied in order. `meta.schema_version` holds how many have run; a step is never
 * edited once released: a change is a new step at the end.
 */
export const MIGRATIONS: readonly string[] = [
  [
    'CREATE EXTENSION IF NOT EXISTS pg_trgm;',
    `CREATE TABLE cursors (resource text PRIMARY KEY, cursor text, saved_at timestamptz NOT NULL DEFAULT now());`,
    ...(['accounts', 'orders', 'shipments', 'questions', 'messages', 'answers'] as const).map((r) => createTable(TABLES[r])),
    createTable(ORDER_ITEMS),
    // Newest-first lists walk these backwards; the id breaks ties for keyset paging.
    'CREATE INDEX orders_date_idx ON orders (date_created, id);',
    'CREATE INDEX orders_account_date_idx ON orders (account_id, date_created, id);',
    'CREATE INDEX orders_status_date_idx ON orders (status, date_created, id);',
    'CREATE INDEX orders_search_trgm_idx ON orders USING gin (search gin_trgm_ops);',
    'CREATE INDEX order_items_order_idx ON order_items (order_id);',
    'CREATE INDEX order_items_item_idx ON order_items (ml_item_id);',
    'CREATE INDEX shipments_account_shipment_idx ON shipments (account_id, ml_shipment_id);',
    'CREATE INDEX messages_pack_idx ON messages (account_id, pack_id, sent_at);',
    'CREATE INDEX questions_status_date_idx ON questions (status, date_created, id);',
    'CREATE INDEX questions_buyer_idx ON questions (account_id, buyer_id, date_created);',
    'CREATE INDEX answers_question_idx ON answers (account_id, ml_question_id, created_at);',
  ].join('\n'),
  // 2: answers written on this machine, waiting to be sent (outbox/outbox.ts). `seq` is the sending order; the
  // idempotency key is drawn once per draft, so a resend after a crash is the same answer on the server.
  [
    `CREATE TABLE outbox (
      id text PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      question_id text NOT NULL,
      account_id text NOT NULL,
      text text NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'conflict')),
      answer_id text,
      error text,
      attempts integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );`,
    'CREATE INDEX outbox_status_seq_idx ON outbox (status, seq);',
  ].join('\n'),
  // 3: the seller's answer templates (app/templates.ts), and lookups the question queue makes per question.
  [
    `CREATE TABLE templates (
      id text PRIMARY KEY,
      name text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );`,
    'CREATE UNIQUE INDEX templates_name_idx ON templates (lower(name));',
    'CREATE INDEX outbox_question_idx ON outbox (question_id, status);',
    'CREATE INDEX orders_buyer_idx ON orders (account_id, buyer_id, date_created);',
  ].join('\n'),
];
