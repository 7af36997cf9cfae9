import { ORDER_STATUSES } from '../../schemas.ts';
import { requireCaller, type Route } from '../core.ts';
import { truncateToHour } from '../dates.ts';
import { apiError, badRequest, intParam, json, numericId } from '../http.ts';
import type { OrderRecord } from '../model.ts';

const KNOWN_STATUSES = new Set<string>(ORDER_STATUSES);
const SORTS = { date_asc: 'Date ascending', date_desc: 'Date descending' } as const;
type Sort = keyof typeof SORTS;

interface Range {
  from: number;
  to: number;
}

/** Reference §3: date filters keep only the hour; minutes and seconds are dropped from both ends. */
function dateRange(query: URLSearchParams, field: string): Range | null {
  const rawFrom = query.get(`order.${field}.from`);
  const rawTo = query.get(`order.${field}.to`);
  if (!rawFrom && !rawTo) return null;
  const parse = (raw: string | null, edge: string): number => {
    if (!raw) return edge === 'from' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    const ms = Date.parse(raw);
    if (Number.isNaN(ms)) throw badRequest(`Invalid date in order.${field}.${edge}: ${raw}`);
    return truncateToHour(ms);
  };
  return { from: parse(rawFrom, 'from'), to: parse(rawTo, 'to') };
}

const inRange = (ms: number, range: Range | null): boolean => range === null || (ms >= range.from && ms <= range.to);
const list = (raw: string | null): string[] => (raw ? raw.split(',').map((value) => value.trim()).filter(Boolean) : []);

const searchOrders: Route = {
  method: 'GET', path: '/orders/search', access: 'token',
  handle: (ctx, caller, core) => {
    const { seller } = requireCaller(caller);
    const query = ctx.query;
    const sellerParam = query.get('seller');
    if (!sellerParam) {
      if (query.get('buyer')) throw apiError(403, 'forbidden', 'Invalid caller.id: the token belongs to a seller');
      throw badRequest('The parameter seller or buyer is required');
    }
    if (!/^\d+$/.test(sellerParam)) throw apiError(400, 'caller.id.invalid', `Invalid seller: ${sellerParam}`);
    if (Number(sellerParam) !== seller.id) throw apiError(403, 'forbidden', 'Invalid caller.id: the seller does not match the access token');

    const statuses = list(query.get('order.status'));
    for (const status of statuses) if (!KNOWN_STATUSES.has(status)) throw badRequest(`Invalid order.status: ${status}`);
    const sort = (query.get('sort') ?? 'date_asc') as Sort;
    if (!(sort in SORTS)) throw badRequest(`Invalid sort: ${sort}. Use date_asc or date_desc`);
    const limit = intParam(query, 'limit', core.options.pageLimits.ordersMax, 1);
    if (limit > core.options.pageLimits.ordersMax) throw badRequest(`Invalid limit: the maximum is ${core.options.pageLimits.ordersMax}`);
    const offset = intParam(query, 'offset', 0);
    const created = dateRange(query, 'date_created');
    const updated = dateRange(query, 'date_last_updated');
    const closed = dateRange(query, 'date_closed');
    const q = (query.get('q') ?? '').trim().toLowerCase();
    const item = query.get('item');
    const tags = list(query.get('tags'));
    const tagsNot = list(query.get('tags.not'));

    const key = JSON.stringify(['orders', [...statuses].sort(), sort, created, updated, closed, q, item, tags, tagsNot]);
    const results = core.store.cachedSearch<OrderRecord>(seller, key, () => {
      // Sellers do not see cancelled orders unless they ask for them (reference §3).
      const wanted = statuses.length > 0 ? new Set(statuses) : null;
      const matches = seller.orders.filter((record) => {
        const body = record.body;
        if (wanted ? !wanted.has(body.status) : body.status === 'cancelled') return false;
        if (!inRange(record.createdMs, created) || !inRange(record.updatedMs, updated) || !inRange(record.closedMs, closed)) return false;
        if (q && !record.searchText.includes(q)) return false;
        if (item && !body.order_items.some((line) => line.item.id === item)) return false;
        if (tags.length > 0 && !tags.every((tag) => body.tags.includes(tag))) return false;
        if (tagsNot.length > 0 && tagsNot.some((tag) => body.tags.includes(tag))) return false;
        return true;
      });
      return sort === 'date_desc' ? matches.reverse() : matches;
    });

    const page: unknown[] = [];
    for (let i = offset; i < Math.min(offset + limit, results.length); i++) page.push((results[i] as OrderRecord).body);
    const other: Sort = sort === 'date_asc' ? 'date_desc' : 'date_asc';
    return json({
      query: q || null,
      display: 'complete',
      paging: { total: results.length, offset, limit },
      results: page,
      sort: { id: sort, name: SORTS[sort] },
      available_sorts: [{ id: other, name: SORTS[other] }],
      filters: [],
      available_filters: [],
    });
  },
};

const getOrder: Route = {
  method: 'GET', path: '/orders/:id', access: 'token',
  handle: (ctx, caller, core) => {
    const { seller } = requireCaller(caller);
    const id = numericId(ctx.params[0], 'invalid_order_id', 'order');
    const order = core.store.orders.get(id);
    if (!order) throw apiError(404, 'order_not_found', `Order ${id} not found`);
    if (order.sellerId !== seller.id && order.body.buyer.id !== seller.id) {
      throw apiError(403, 'not_owned_order', `Order ${id} does not belong to the caller`);
    }
    return json(order.body);
  },
};

export const orderRoutes: Route[] = [searchOrders, getOrder];
