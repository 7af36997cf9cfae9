import { mlSiteId } from '../../schemas.ts';
import { requireCaller, type Route } from '../core.ts';
import { apiError, badRequest, intParam, json } from '../http.ts';

const MISSED_FEEDS_DEFAULT_LIMIT = 10;
const MISSED_FEEDS_MAX_LIMIT = 100;

export const missedFeedRoutes: Route[] = [
  {
    method: 'GET', path: '/missed_feeds', access: 'token',
    handle: (ctx, caller, core) => {
      const { clientId } = requireCaller(caller);
      const appId = ctx.query.get('app_id');
      if (!appId) throw badRequest('The parameter app_id is required');
      if (appId !== clientId) throw apiError(403, 'forbidden', 'The access token does not belong to this application');
      const topic = ctx.query.get('topic');
      const siteId = ctx.query.get('site_id');
      if (topic === 'items' && !siteId) throw badRequest('The parameter site_id is required for topic items');
      if (siteId && !mlSiteId.safeParse(siteId).success) throw badRequest(`Invalid site_id: ${siteId}`);
      const limit = intParam(ctx.query, 'limit', MISSED_FEEDS_DEFAULT_LIMIT, 1);
      if (limit > MISSED_FEEDS_MAX_LIMIT) throw badRequest(`Invalid limit param: the maximum is ${MISSED_FEEDS_MAX_LIMIT}`);
      const offset = intParam(ctx.query, 'offset', 0);
      const feeds = core.notifier.missedFeeds(clientId).filter((feed) =>
        (!topic || feed.topic === topic) && (!siteId || core.store.seller(feed.user_id)?.siteId === siteId));
      return json({ messages: feeds.slice(offset, offset + limit) });
    },
  },
];
