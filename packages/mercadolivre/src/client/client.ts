import { z } from 'zod';
import { MlAuthExpiredError, MlNotFoundError } from '../errors.ts';
import { mlRequest, type Query } from '../http/request.ts';
import { withRetry, type RetryOptions } from '../http/retry.ts';
import type { RateLimiter } from '../rate-limit/limiter.ts';
import {
  itemMultigetSchema, itemSchema, itemSearchSchema, messageSchema, messagesPageSchema, missedFeedsSchema,
  orderSchema, orderSearchSchema, questionSchema, questionSearchSchema, shipmentSchema, userSchema,
  type MlItem, type MlMessage, type MlNotification, type MlOrder, type MlQuestion, type MlShipment, type MlUser,
} from '../schemas.ts';

export interface MlClientOptions {
  apiBaseUrl: string;
  /** The seller's ML user id: paths that name the seller use it, and the per-seller rate budget. */
  sellerId: number;
  accessToken: () => Promise<string>;
  /** Called once when ML answers 401; the token it returns is used for one more try. */
  onAuthExpired?: () => Promise<string>;
  limiter?: RateLimiter;
  retry?: RetryOptions;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface OrderSearch {
  status?: readonly string[];
  lastUpdatedFrom?: Date;
  lastUpdatedTo?: Date;
  createdFrom?: Date;
  createdTo?: Date;
  sort?: 'date_asc' | 'date_desc';
  offset?: number;
  limit?: number;
  q?: string;
}

export interface QuestionSearch {
  status?: string;
  itemId?: string;
  sortFields?: 'date_created' | 'item_id';
  sortTypes?: 'ASC' | 'DESC';
  offset?: number;
  limit?: number;
}

const iso = (date: Date | undefined) => date?.toISOString();
const anything = z.unknown();

/** A Mercado Livre client bound to one seller: rate-limited, retried, every answer checked. */
export function createMlClient(options: MlClientOptions) {
  const seller = options.sellerId;

  async function call<T>(endpoint: string, spec: { method?: 'GET' | 'POST'; path: string; query?: Query; json?: unknown; schema: z.ZodType<T> }) {
    const attempt = async (token: string) =>
      withRetry(async () => {
        await options.limiter?.acquire(seller);
        return mlRequest({ ...spec, baseUrl: options.apiBaseUrl, accessToken: token, endpoint, fetch: options.fetch, timeoutMs: options.timeoutMs });
      }, options.retry);
    try {
      return await attempt(await options.accessToken());
    } catch (error) {
      if (!(error instanceof MlAuthExpiredError) || !options.onAuthExpired) throw error;
      return attempt(await options.onAuthExpired());
    }
  }

  return {
    sellerId: seller,

    me: (): Promise<MlUser> => call('GET /users/me', { path: '/users/me', schema: userSchema }),

    getItem: (id: string): Promise<MlItem> => call('GET /items/:id', { path: `/items/${encodeURIComponent(id)}`, schema: itemSchema }),

    /** Multiget in chunks of 20 (ML's limit); ids ML no longer knows are left out. */
    async getItems(ids: readonly string[]): Promise<MlItem[]> {
      const items: MlItem[] = [];
      for (let i = 0; i < ids.length; i += 20) {
        const chunk = ids.slice(i, i + 20);
        const answers = await call('GET /items', { path: '/items', query: { ids: chunk.join(',') }, schema: itemMultigetSchema });
        for (const answer of answers) {
          if (answer.code === 200) items.push(itemSchema.parse(answer.body));
        }
      }
      return items;
    },

    async searchItemIds(input: { status?: string; offset?: number; limit?: number; scrollId?: string | null; scan?: boolean } = {}) {
      const scan = input.scan || Boolean(input.scrollId);
      const page = await call('GET /users/:id/items/search', {
        path: `/users/${seller}/items/search`,
        query: {
          status: input.status,
          limit: input.limit ?? 100,
          ...(scan ? { search_type: 'scan', scroll_id: input.scrollId ?? undefined } : { offset: input.offset ?? 0 }),
        },
        schema: itemSearchSchema,
      });
      return { ids: page.results, total: page.paging.total, scrollId: page.scroll_id ?? null };
    },

    getOrder: (id: number | bigint): Promise<MlOrder> => call('GET /orders/:id', { path: `/orders/${id}`, schema: orderSchema }),

    async searchOrders(input: OrderSearch = {}) {
      const page = await call('GET /orders/search', {
        path: '/orders/search',
        query: {
          seller,
          'order.status': input.status?.join(','),
          'order.date_last_updated.from': iso(input.lastUpdatedFrom),
          'order.date_last_updated.to': iso(input.lastUpdatedTo),
          'order.date_created.from': iso(input.createdFrom),
          'order.date_created.to': iso(input.createdTo),
          sort: input.sort,
          offset: input.offset ?? 0,
          limit: input.limit ?? 50,
          q: input.q,
        },
        schema: orderSearchSchema,
      });
      return { results: page.results, paging: page.paging };
    },

    getQuestion: (id: number | bigint): Promise<MlQuestion> =>
      call('GET /questions/:id', { path: `/questions/${id}`, query: { api_version: 4 }, schema: questionSchema }),

    async searchQuestions(input: QuestionSearch = {}) {
      const page = await call('GET /questions/search', {
        path: '/questions/search',
        query: {
          seller_id: seller,
          api_version: 4,
          item: input.itemId,
          status: input.status,
          sort_fields: input.sortFields,
          sort_types: input.sortTypes,
          offset: input.offset ?? 0,
          limit: input.limit ?? 50,
        },
        schema: questionSearchSchema,
      });
      return { questions: page.questions, total: page.total };
    },

    /** Posts an answer; ML's refusals come back as MlBadRequestError / MlNotFoundError with its message. */
    async answerQuestion(questionId: number | bigint, text: string): Promise<void> {
      await call('POST /answers', { method: 'POST', path: '/answers', json: { question_id: Number(questionId), text }, schema: anything });
    },

    /** The pack's post-sale messages (or the order's, when it has no pack), without marking them read. */
    async getPackMessages(packOrOrderId: number | bigint, input: { offset?: number; limit?: number } = {}) {
      const page = await call('GET /messages/packs/:pack/sellers/:seller', {
        path: `/messages/packs/${packOrOrderId}/sellers/${seller}`,
        query: { tag: 'post_sale', mark_as_read: false, offset: input.offset ?? 0, limit: input.limit ?? 50 },
        schema: messagesPageSchema,
      });
      return { messages: page.messages, total: page.paging.total };
    },

    async sendMessage(packOrOrderId: number | bigint, buyerId: number | bigint, text: string): Promise<MlMessage | void> {
      const answer = await call('POST /messages/packs/:pack/sellers/:seller', {
        method: 'POST',
        path: `/messages/packs/${packOrOrderId}/sellers/${seller}`,
        query: { tag: 'post_sale' },
        json: { from: { user_id: String(seller) }, to: { user_id: String(buyerId) }, text },
        schema: anything,
      });
      const parsed = messageSchema.safeParse(answer);
      return parsed.success ? parsed.data : undefined;
    },

    getMessage: (id: string): Promise<MlMessage> =>
      call('GET /messages/:id', { path: `/messages/${encodeURIComponent(id)}`, query: { tag: 'post_sale' }, schema: messageSchema }),

    getShipment: (id: number | bigint): Promise<MlShipment> =>
      call('GET /shipments/:id', { path: `/shipments/${id}`, schema: shipmentSchema }),

    /** Notifications ML could not deliver (kept two days). `siteId` is required by ML for topic=items. */
    async missedFeeds(input: { appId: string | number; topic?: string; siteId?: string; offset?: number; limit?: number }): Promise<MlNotification[]> {
      const page = await call('GET /missed_feeds', {
        path: '/missed_feeds',
        query: { app_id: input.appId, topic: input.topic, site_id: input.siteId, offset: input.offset ?? 0, limit: input.limit ?? 10 },
        schema: missedFeedsSchema,
      });
      return page.messages;
    },
  };
}

export type MlClient = ReturnType<typeof createMlClient>;

/** True when ML says the thing is gone (deleted question, closed resource). */
export const isGone = (error: unknown) => error instanceof MlNotFoundError;
