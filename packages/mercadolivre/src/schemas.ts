import { z } from 'zod';

/**
 * The Mercado Livre API's bodies, as zod schemas. The client validates every response with them and the
 * sandbox's tests prove it emits bodies they accept, so client and sandbox cannot drift apart.
 * Objects are loose: ML adds fields without notice, and an unknown field must never break a sync.
 * Facts and their sources: ../shared/reference/mercadolivre-api.md (section numbers below).
 */

const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const isoDate = z.string().min(1);
const nullableDate = isoDate.nullable().optional();

// §7 Sites: item ids carry the site prefix (MLB123...).
export const ML_SITES = {
  MLA: { country: 'AR', currency: 'ARS', authHost: 'auth.mercadolibre.com.ar' },
  MLB: { country: 'BR', currency: 'BRL', authHost: 'auth.mercadolivre.com.br' },
  MLM: { country: 'MX', currency: 'MXN', authHost: 'auth.mercadolibre.com.mx' },
  MLC: { country: 'CL', currency: 'CLP', authHost: 'auth.mercadolibre.cl' },
  MCO: { country: 'CO', currency: 'COP', authHost: 'auth.mercadolibre.com.co' },
  MPE: { country: 'PE', currency: 'PEN', authHost: 'auth.mercadolibre.com.pe' },
  MLU: { country: 'UY', currency: 'UYU', authHost: 'auth.mercadolibre.com.uy' },
  MLV: { country: 'VE', currency: 'VES', authHost: 'auth.mercadolibre.com.ve' },
  MEC: { country: 'EC', currency: 'USD', authHost: 'auth.mercadolibre.com.ec' },
} as const;
export type MlSiteId = keyof typeof ML_SITES;
export const mlSiteId = z.enum(Object.keys(ML_SITES) as [MlSiteId, ...MlSiteId[]]);

// §1 OAuth
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int().positive(),
  scope: z.string().default(''),
  user_id: id,
  refresh_token: z.string().min(1).optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Error bodies: OAuth uses `error_description`, the API `message`; both carry `error` and `status`. */
export const errorBodySchema = z.looseObject({
  message: z.string().optional(),
  error_description: z.string().optional(),
  error: z.string().optional(),
  status: z.number().int().optional(),
  status_code: z.number().int().optional(),
  code: z.string().optional(),
  cause: z.array(z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// §5 Users
export const userSchema = z.looseObject({
  id,
  nickname: z.string(),
  country_id: z.string().optional(),
  site_id: z.string(),
  user_type: z.string().optional(),
  permalink: z.string().optional(),
  seller_reputation: z.looseObject({ level_id: z.string().nullable().optional(), power_seller_status: z.string().nullable().optional() }).optional(),
});
export type MlUser = z.infer<typeof userSchema>;

// §5 Items
export const ITEM_STATUSES = ['active', 'paused', 'closed', 'under_review', 'inactive', 'not_yet_active', 'payment_required'] as const;
export const itemSchema = z.looseObject({
  id: z.string(),
  site_id: z.string().optional(),
  title: z.string(),
  price: z.number(),
  currency_id: z.string(),
  available_quantity: z.number().int(),
  sold_quantity: z.number().int().default(0),
  status: z.string(),
  permalink: z.string().optional(),
  thumbnail: z.string().optional(),
  seller_id: id.optional(),
  seller_custom_field: z.string().nullable().optional(),
  last_updated: nullableDate,
  date_created: nullableDate,
});
export type MlItem = z.infer<typeof itemSchema>;

export const pagingSchema = z.looseObject({ total: z.number().int(), offset: z.number().int().default(0), limit: z.number().int() });

/** GET /users/{id}/items/search: ids only; past 1,000 results the scan mode returns a scroll_id. */
export const itemSearchSchema = z.looseObject({
  results: z.array(z.string()),
  paging: pagingSchema,
  scroll_id: z.string().nullable().optional(),
});

/** GET /items?ids=A,B (at most 20): one {code, body} per id. */
export const itemMultigetSchema = z.array(z.looseObject({ code: z.number().int(), body: z.unknown() }));

// §3 Orders
export const ORDER_STATUSES = [
  'confirmed', 'payment_required', 'payment_in_process', 'partially_paid', 'paid',
  'partially_refunded', 'pending_cancel', 'cancelled', 'invalid',
] as const;

export const orderItemSchema = z.looseObject({
  item: z.looseObject({
    id: z.string(),
    title: z.string(),
    category_id: z.string().nullable().optional(),
    variation_id: id.nullable().optional(),
    seller_sku: z.string().nullable().optional(),
  }),
  quantity: z.number().int(),
  unit_price: z.number(),
  full_unit_price: z.number().optional(),
  currency_id: z.string(),
  sale_fee: z.number().nullable().optional(),
});

export const paymentSchema = z.looseObject({
  id,
  status: z.string(),
  status_detail: z.string().nullable().optional(),
  transaction_amount: z.number(),
  total_paid_amount: z.number().nullable().optional(),
  currency_id: z.string(),
  date_approved: nullableDate,
  payment_type: z.string().nullable().optional(),
  installments: z.number().int().nullable().optional(),
});

export const orderSchema = z.looseObject({
  id,
  status: z.string(),
  status_detail: z.unknown().optional(),
  date_created: isoDate,
  date_closed: nullableDate,
  last_updated: nullableDate,
  date_last_updated: nullableDate,
  order_items: z.array(orderItemSchema),
  total_amount: z.number(),
  paid_amount: z.number().nullable().optional(),
  currency_id: z.string(),
  buyer: z.looseObject({ id, nickname: z.string().optional() }),
  seller: z.looseObject({ id }),
  payments: z.array(paymentSchema).default([]),
  shipping: z.looseObject({ id: id.nullable().optional() }).nullable().optional(),
  pack_id: id.nullable().optional(),
  tags: z.array(z.string()).default([]),
  cancel_detail: z.unknown().optional(),
});
export type MlOrder = z.infer<typeof orderSchema>;

export const orderSearchSchema = z.looseObject({
  query: z.string().nullable().optional(),
  results: z.array(orderSchema),
  sort: z.looseObject({ id: z.string() }).optional(),
  paging: pagingSchema,
});

// §4 Questions and answers
export const QUESTION_STATUSES = ['UNANSWERED', 'ANSWERED', 'CLOSED_UNANSWERED', 'UNDER_REVIEW', 'BANNED', 'DELETED', 'DISABLED'] as const;
export const ANSWER_MAX_LENGTH = 2_000;

export const questionSchema = z.looseObject({
  id,
  seller_id: id,
  item_id: z.string(),
  status: z.string(),
  text: z.string(),
  date_created: isoDate,
  last_updated: nullableDate,
  deleted_from_listing: z.boolean().optional(),
  hold: z.boolean().optional(),
  answer: z.looseObject({ text: z.string(), status: z.string(), date_created: isoDate }).nullable().optional(),
  from: z.looseObject({ id, nickname: z.string().optional() }),
});
export type MlQuestion = z.infer<typeof questionSchema>;

export const questionSearchSchema = z.looseObject({
  total: z.number().int(),
  limit: z.number().int(),
  questions: z.array(questionSchema),
  filters: z.looseObject({ limit: z.number().int().optional(), offset: z.number().int().optional() }).optional(),
});

// §5 Post-sale messages
export const SELLER_MESSAGE_MAX_LENGTH = 350;
export const messageSchema = z.looseObject({
  id: z.string(),
  site_id: z.string().optional(),
  from: z.looseObject({ user_id: id }),
  to: z.looseObject({ user_id: id }),
  status: z.string(),
  text: z.string(),
  message_date: z.looseObject({ created: isoDate, received: nullableDate, read: nullableDate }),
  message_moderation: z.looseObject({ status: z.string(), reason: z.string().nullable().optional() }).optional(),
});
export type MlMessage = z.infer<typeof messageSchema>;

export const messagesPageSchema = z.looseObject({
  paging: pagingSchema,
  conversation_status: z.looseObject({ status: z.string() }).nullable().optional(),
  messages: z.array(messageSchema),
  seller_max_message_length: z.number().int().optional(),
});

// §5 Shipments
export const SHIPMENT_STATUSES = ['pending', 'handling', 'ready_to_ship', 'shipped', 'delivered', 'not_delivered', 'not_verified', 'cancelled'] as const;
export const shipmentSchema = z.looseObject({
  id,
  status: z.string(),
  substatus: z.string().nullable().optional(),
  mode: z.string().nullable().optional(),
  logistic_type: z.string().nullable().optional(),
  tracking_number: z.string().nullable().optional(),
  tracking_method: z.string().nullable().optional(),
  order_id: id.nullable().optional(),
  date_created: nullableDate,
  last_updated: nullableDate,
  shipping_option: z.looseObject({ cost: z.number().nullable().optional(), currency_id: z.string().nullable().optional() }).nullable().optional(),
});
export type MlShipment = z.infer<typeof shipmentSchema>;

// §2 Notifications
export const ML_TOPICS = ['orders_v2', 'items', 'questions', 'messages', 'shipments', 'payments'] as const;
export type MlTopic = (typeof ML_TOPICS)[number];

/** A notification as ML posts it. `user_id` is sometimes a string; `_id` is sometimes `id` or missing. */
export const notificationSchema = z.looseObject({
  _id: z.string().optional(),
  id: z.string().optional(),
  resource: z.string().min(1),
  user_id: id,
  topic: z.string().min(1),
  application_id: id,
  attempts: z.number().int().optional(),
  sent: isoDate.optional(),
  received: isoDate.optional(),
  recieved: isoDate.optional(),
  actions: z.array(z.string()).optional(),
});
export type MlNotification = z.infer<typeof notificationSchema>;

/** GET /missed_feeds?app_id=... */
export const missedFeedsSchema = z.looseObject({
  messages: z.array(notificationSchema.extend({ request: z.unknown().optional(), response: z.unknown().optional() })),
});
