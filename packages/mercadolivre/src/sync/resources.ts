import { Prisma, type MlSyncKind, type MlSyncResource, type ScopedTransaction, type TenantClient } from '@vitrine/db';
import type { MlClient } from '../client/client.ts';
import { MlBadRequestError, MlForbiddenError, MlNotFoundError } from '../errors.ts';
import { ORDER_STATUSES, type MlShipment, type SHIPMENT_STATUSES } from '../schemas.ts';
import { upsertItems, upsertMessages, upsertOrders, upsertQuestions, upsertShipments } from '../store/upserts.ts';

/**
 * How each resource is read from ML page by page. A page is fetched outside any transaction; its
 * `store` then runs inside the transaction that also saves the run's cursor, so progress and data
 * commit together and a killed worker resumes at the first page it had not committed.
 */

/** What a run keeps in ml_sync_runs.cursor (JSON). `since` is fixed when the run starts. */
export interface SyncCursor {
  offset?: number;
  scrollId?: string | null;
  /** Item ids (scan) or rows (shipments, messages) seen so far. */
  seen?: number;
  /** Our own tables are walked by ML id (shipments, messages). */
  after?: string;
  /** Incremental runs read what changed after this instant (ISO). */
  since?: string | null;
}

export interface FetchedPage {
  /** How many ML records the page held (progress). */
  fetched: number;
  total?: number;
  /** The cursor after this page; null when the resource is exhausted. */
  next: SyncCursor | null;
  /** Writes the page; returns the rows actually changed. */
  store(tx: ScopedTransaction): Promise<number>;
}

export interface ResourceContext {
  client: MlClient;
  tenantDb: TenantClient;
  accountId: string;
  kind: MlSyncKind;
  now: () => number;
}

export type PageFetcher = (cursor: SyncCursor, ctx: ResourceContext) => Promise<FetchedPage>;

export const ORDERS_PAGE = 50;
export const QUESTIONS_PAGE = 50;
export const ITEMS_PAGE = 100;
/** Orders whose shipments or messages are read per page (one ML call each). */
export const PER_ORDER_PAGE = 50;
/** How far back the messages of orders are read on a backfill. */
export const MESSAGES_BACKFILL_DAYS = 60;

const sinceDate = (cursor: SyncCursor) => (cursor.since ? new Date(cursor.since) : undefined);

/**
 * Every status, named explicitly (a seller's search hides cancelled orders otherwise), oldest first:
 * orders that appear meanwhile land after the offset, so an offset never skips one.
 */
const orders: PageFetcher = async (cursor, { client, accountId }) => {
  const offset = cursor.offset ?? 0;
  const page = await client.searchOrders({ status: ORDER_STATUSES, sort: 'date_asc', offset, limit: ORDERS_PAGE, lastUpdatedFrom: sinceDate(cursor) });
  const read = offset + page.results.length;
  return {
    fetched: page.results.length,
    total: page.paging.total,
    next: page.results.length > 0 && read < page.paging.total ? { ...cursor, offset: read } : null,
    store: (tx) => upsertOrders(tx, accountId, page.results),
  };
};

/**
 * A backfill reads every question oldest first. An incremental run reads newest first and stops at the
 * first page that reaches questions older than `since` (answers to older ones arrive as notifications).
 */
const questions: PageFetcher = async (cursor, { client, accountId }) => {
  const offset = cursor.offset ?? 0;
  const since = sinceDate(cursor);
  const page = await client.searchQuestions({ sortFields: 'date_created', sortTypes: since ? 'DESC' : 'ASC', offset, limit: QUESTIONS_PAGE });
  const read = offset + page.questions.length;
  const reachedOld = since !== undefined && page.questions.some((q) => new Date(q.date_created) < since);
  return {
    fetched: page.questions.length,
    total: since ? undefined : page.total,
    next: page.questions.length > 0 && read < page.total && !reachedOld ? { ...cursor, offset: read } : null,
    store: (tx) => upsertQuestions(tx, accountId, page.questions),
  };
};

/**
 * Item ids through scan mode (the only way past 1,000), bodies by multiget. A scroll that expired
 * (a long pause between pages) starts the scan again; upserts make the re-read harmless.
 */
const items: PageFetcher = async (cursor, { client, accountId }) => {
  const scrollId = cursor.scrollId ?? null;
  let seen = cursor.seen ?? 0;
  let page;
  try {
    page = await client.searchItemIds({ scan: true, scrollId, limit: ITEMS_PAGE });
  } catch (error) {
    if (!(error instanceof MlBadRequestError) || !scrollId) throw error;
    seen = 0;
    page = await client.searchItemIds({ scan: true, limit: ITEMS_PAGE });
  }
  const bodies = page.ids.length > 0 ? await client.getItems(page.ids) : [];
  seen += page.ids.length;
  return {
    fetched: page.ids.length,
    total: page.total,
    next: page.ids.length > 0 && seen < page.total ? { ...cursor, scrollId: page.scrollId, seen } : null,
    store: (tx) => upsertItems(tx, accountId, bodies),
  };
};

const FINAL_SHIPMENT = ['delivered', 'not_delivered', 'cancelled'] satisfies (typeof SHIPMENT_STATUSES)[number][];

/** Shipments of our orders that are not final yet (or never read), walked by ML order id. */
const shipments: PageFetcher = async (cursor, { client, tenantDb, accountId }) => {
  const after = BigInt(cursor.after ?? '0');
  const rows = await tenantDb.$scopedRaw<{ ml_order_id: bigint; shipment_id: bigint }[]>(shipmentsToReadSql(accountId, after));
  // The orders of a pack share one shipment.
  const ids = [...new Set(rows.map((row) => row.shipment_id))];
  const bodies = (await mapLimit(ids, CALLS_IN_FLIGHT, async (id) => {
    try {
      return await client.getShipment(id);
    } catch (error) {
      if (error instanceof MlNotFoundError) return null;
      throw error;
    }
  })).filter((body): body is MlShipment => body !== null);
  const last = rows.at(-1);
  return {
    fetched: rows.length,
    next: rows.length === PER_ORDER_PAGE && last ? { ...cursor, after: String(last.ml_order_id) } : null,
    store: (tx) => upsertShipments(tx, accountId, bodies),
  };
};

/** Calls to ML in flight per page (the rate limiter still decides how fast they go). */
const CALLS_IN_FLIGHT = 8;

async function mapLimit<T, R>(values: readonly T[], limit: number, fn: (value: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(values.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, values.length) }, async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await fn(values[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

function shipmentsToReadSql(accountId: string, after: bigint) {
  return Prisma.sql`
    SELECT o.ml_order_id, o.shipment_id
      FROM ml_orders o
      LEFT JOIN ml_shipments s ON s.tenant_id = o.tenant_id AND s.account_id = o.account_id AND s.ml_shipment_id = o.shipment_id
     WHERE o.account_id = ${accountId} AND o.shipment_id IS NOT NULL AND o.ml_order_id > ${after}
       AND (s.status IS NULL OR s.status <> ALL(${FINAL_SHIPMENT}::text[]))
     ORDER BY o.ml_order_id
     LIMIT ${PER_ORDER_PAGE}`;
}

/** Post-sale messages of recent orders (one conversation per pack, or per order without a pack). */
const messages: PageFetcher = async (cursor, { client, tenantDb, accountId, now }) => {
  const after = BigInt(cursor.after ?? '0');
  const from = cursor.since ? new Date(cursor.since) : new Date(now() - MESSAGES_BACKFILL_DAYS * 86_400_000);
  const rows = await tenantDb.$scopedRaw<{ ml_order_id: bigint; conversation: bigint }[]>(Prisma.sql`
    SELECT o.ml_order_id, COALESCE(o.pack_id, o.ml_order_id) AS conversation
      FROM ml_orders o
     WHERE o.account_id = ${accountId} AND o.ml_order_id > ${after}
       AND COALESCE(o.ml_updated_at, o.date_created) >= ${from}
     ORDER BY o.ml_order_id
     LIMIT ${PER_ORDER_PAGE}`);
  const packs = [...new Set(rows.map((row) => row.conversation))];
  const read = await mapLimit(packs, CALLS_IN_FLIGHT, async (pack) => {
    try {
      return [pack, (await client.getPackMessages(pack, { limit: 100 })).messages] as const;
    } catch (error) {
      // A pack whose orders were all cancelled is blocked; a missing one has nothing to read.
      if (error instanceof MlNotFoundError || error instanceof MlBadRequestError || error instanceof MlForbiddenError) return null;
      throw error;
    }
  });
  const conversations = read.filter((entry) => entry !== null);
  const last = rows.at(-1);
  return {
    fetched: rows.length,
    next: rows.length === PER_ORDER_PAGE && last ? { ...cursor, after: String(last.ml_order_id) } : null,
    async store(tx) {
      let changed = 0;
      for (const [pack, list] of conversations) changed += await upsertMessages(tx, accountId, pack, list);
      return changed;
    },
  };
};

export const PAGE_FETCHERS: Record<MlSyncResource, PageFetcher> = {
  ORDERS: orders,
  QUESTIONS: questions,
  ITEMS: items,
  SHIPMENTS: shipments,
  MESSAGES: messages,
};
