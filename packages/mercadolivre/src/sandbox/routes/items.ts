import { randomBytes } from 'node:crypto';
import { requireCaller, type Route, type SandboxCore } from '../core.ts';
import { apiError, badRequest, intParam, json, numericId } from '../http.ts';
import type { ItemScroll, SellerRecord } from '../model.ts';

const MULTIGET_MAX = 20;
/** Reference §5: a scroll expires about 5 minutes after its last use. */
const SCROLL_TTL_MS = 5 * 60_000;

const itemNotFound = (id: string) => ({ message: `Item with id ${id} not found`, error: 'not_found', status: 404, cause: [] });

function sellerItemIds(core: SandboxCore, seller: SellerRecord, status: string | null, sku: string | null): readonly string[] {
  if (!status && !sku) return seller.itemIds;
  return core.store.cachedSearch(seller, `items:${status ?? ''}:${sku ?? ''}`, () => seller.itemIds.filter((id) => {
    const body = core.store.items.get(id)?.body;
    return body !== undefined && (!status || body.status === status) && (!sku || body.seller_custom_field === sku);
  }));
}

export const itemRoutes: Route[] = [
  {
    method: 'GET', path: '/items', access: 'token',
    handle: (ctx, _caller, core) => {
      const raw = ctx.query.get('ids');
      if (!raw) throw badRequest('The parameter ids is required');
      const ids = raw.split(',').map((id) => id.trim()).filter(Boolean);
      if (ids.length > MULTIGET_MAX) throw badRequest(`The maximum number of ids is ${MULTIGET_MAX}`);
      return json(ids.map((id) => {
        const item = core.store.items.get(id);
        return item ? { code: 200, body: item.body } : { code: 404, body: itemNotFound(id) };
      }));
    },
  },
  {
    method: 'GET', path: '/items/:id', access: 'token',
    handle: (ctx, _caller, core) => {
      const id = ctx.params[0] ?? '';
      const item = core.store.items.get(id);
      if (!item) throw apiError(404, 'not_found', `Item with id ${id} not found`);
      return json(item.body);
    },
  },
  {
    method: 'GET', path: '/users/:id/items/search', access: 'token',
    handle: (ctx, caller, core) => {
      const { seller } = requireCaller(caller);
      const userId = numericId(ctx.params[0], 'bad_request', 'user');
      if (userId !== seller.id) throw apiError(403, 'forbidden', 'User access token invalid for resource');
      const limits = core.options.pageLimits;
      const limit = intParam(ctx.query, 'limit', 50, 1);
      if (limit > limits.itemsMax) throw badRequest(`Invalid limit param: the maximum is ${limits.itemsMax}`);
      const ids = sellerItemIds(core, seller, ctx.query.get('status'), ctx.query.get('seller_sku') ?? ctx.query.get('sku'));
      const now = core.clock();

      if (ctx.query.get('search_type') === 'scan') {
        const map = core.store.scrolls;
        for (const [key, open] of map) if (open.expiresAt <= now) map.delete(key);
        const scrollId = ctx.query.get('scroll_id');
        let scroll: ItemScroll | undefined;
        let id = scrollId ?? '';
        if (scrollId) {
          scroll = map.get(scrollId);
          if (!scroll || scroll.expiresAt <= now || scroll.sellerId !== seller.id) {
            map.delete(scrollId);
            throw badRequest('Invalid scroll_id: it expired or does not exist', 'invalid_scroll_id');
          }
        } else {
          id = randomBytes(16).toString('base64url');
          scroll = { ids: [...ids], position: 0, expiresAt: 0, sellerId: seller.id };
          map.set(id, scroll);
        }
        const page = scroll.ids.slice(scroll.position, scroll.position + limit);
        scroll.position += page.length;
        scroll.expiresAt = now + SCROLL_TTL_MS;
        return json({ seller_id: String(seller.id), results: page, paging: { total: scroll.ids.length, limit }, scroll_id: id });
      }

      const offset = intParam(ctx.query, 'offset', 0);
      if (offset + limit > limits.itemsOffsetMax) {
        throw badRequest(`Invalid offset param: offset + limit cannot exceed ${limits.itemsOffsetMax}; use search_type=scan`);
      }
      return json({ seller_id: String(seller.id), query: null, paging: { total: ids.length, offset, limit }, results: ids.slice(offset, offset + limit) });
    },
  },
];
