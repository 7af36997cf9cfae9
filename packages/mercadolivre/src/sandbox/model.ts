import type { MlSiteId } from '../schemas.ts';

/**
 * The sandbox's in-memory data. Each record keeps the body exactly as ML serves it (so a GET is a lookup
 * plus JSON.stringify) beside the few numbers the searches sort and filter on.
 */

export interface UserBody {
  id: number;
  nickname: string;
  registration_date: string;
  country_id: string;
  site_id: MlSiteId;
  user_type: string;
  permalink: string;
  address: { city: string; state: string };
  seller_reputation: { level_id: string | null; power_seller_status: string | null; transactions: Record<string, unknown> };
  status: { site_status: string };
  tags: string[];
}

export interface ItemBody {
  id: string;
  site_id: MlSiteId;
  title: string;
  seller_id: number;
  category_id: string;
  price: number;
  base_price: number;
  currency_id: string;
  initial_quantity: number;
  available_quantity: number;
  sold_quantity: number;
  buying_mode: string;
  listing_type_id: string;
  condition: string;
  permalink: string;
  thumbnail: string;
  shipping: { mode: string; free_shipping: boolean; logistic_type: string };
  status: string;
  sub_status: string[];
  seller_custom_field: string | null;
  tags: string[];
  date_created: string;
  last_updated: string;
}

export interface PaymentBody {
  id: number;
  order_id: number;
  payer_id: number;
  collector: { id: number };
  status: string;
  status_detail: string | null;
  transaction_amount: number;
  total_paid_amount: number;
  marketplace_fee: number;
  currency_id: string;
  date_created: string;
  date_approved: string | null;
  date_last_modified: string;
  operation_type: string;
  payment_type: string;
  installments: number;
}

export interface OrderItemBody {
  item: {
    id: string;
    title: string;
    category_id: string;
    variation_id: number | null;
    variation_attributes: unknown[];
    seller_sku: string | null;
    seller_custom_field: string | null;
    condition: string;
    warranty: string;
  };
  quantity: number;
  unit_price: number;
  full_unit_price: number;
  currency_id: string;
  sale_fee: number;
  listing_type_id: string;
  discounts: unknown[];
}

export interface OrderBody {
  id: number;
  status: string;
  status_detail: string | null;
  date_created: string;
  date_closed: string;
  last_updated: string;
  date_last_updated: string;
  expiration_date: string;
  order_items: OrderItemBody[];
  total_amount: number;
  paid_amount: number;
  coupon: { id: string | null; amount: number };
  currency_id: string;
  shipping_cost: number | null;
  buyer: { id: number; nickname: string };
  seller: { id: number };
  payments: PaymentBody[];
  shipping: { id: number | null };
  pack_id: number | null;
  tags: string[];
  feedback: { buyer: unknown; seller: unknown };
  context: { channel: string; site: MlSiteId; flows: string[] };
  taxes: { amount: number | null; currency_id: string | null; id: string | null };
  mediations: unknown[];
  cancel_detail: { group: string; code: string; description: string; requested_by: string; date: string } | null;
}

export interface ShipmentBody {
  id: number;
  mode: string;
  created_by: string;
  order_id: number;
  pack_id: number | null;
  order_cost: number;
  site_id: MlSiteId;
  status: string;
  substatus: string | null;
  status_history: Record<string, string | null>;
  date_created: string;
  last_updated: string;
  tracking_number: string | null;
  tracking_method: string | null;
  sender_id: number;
  receiver_id: number;
  shipping_items: { id: string; description: string; quantity: number }[];
  shipping_option: { id: number; name: string; cost: number; list_cost: number; currency_id: string };
  logistic_type: string;
}

export interface QuestionBody {
  id: number;
  seller_id: number;
  item_id: string;
  status: string;
  text: string;
  tags: string[];
  date_created: string;
  last_updated: string;
  deleted_from_listing: boolean;
  hold: boolean;
  suspected_spam: boolean;
  answer: { text: string; status: string; date_created: string } | null;
  from: { id: number };
}

export interface MessageBody {
  id: string;
  site_id: MlSiteId;
  client_id: number;
  from: { user_id: number };
  to: { user_id: number };
  status: string;
  text: string;
  message_date: { received: string; available: string; notified: string; created: string; read: string | null };
  message_moderation: { status: string; reason: string | null; source: string | null; moderation_date: string };
  message_attachments: unknown[];
  message_resources: { id: string; name: string }[];
  conversation_first_message: boolean;
}

export interface ItemRecord {
  body: ItemBody;
  sellerId: number;
}

export interface OrderRecord {
  body: OrderBody;
  sellerId: number;
  createdMs: number;
  /** Sellers' searches sort by date_closed (reference §3). */
  closedMs: number;
  updatedMs: number;
  /** Lower-cased order id, item ids, titles and buyer nickname: what `q` matches. */
  searchText: string;
}

export interface QuestionRecord {
  body: QuestionBody;
  sellerId: number;
  createdMs: number;
  /** Deleted questions disappear from GET and search but stay known, so answering one is a clear 404. */
  deleted: boolean;
}

/** A post-sale conversation: keyed by pack id, or by the order id when the order has no pack (reference §5). */
export interface Conversation {
  id: number;
  sellerId: number;
  buyerId: number;
  siteId: MlSiteId;
  orderIds: number[];
  shipmentId: number | null;
  messages: MessageBody[];
}

export interface ShipmentRecord {
  body: ShipmentBody;
  sellerId: number;
}

export interface BuyerRecord {
  id: number;
  nickname: string;
  siteId: MlSiteId;
}

export interface SellerRecord {
  id: number;
  nickname: string;
  siteId: MlSiteId;
  currency: string;
  user: UserBody;
  /** Item ids in creation order. */
  itemIds: string[];
  /** Every order, ordered by (closedMs, id). */
  orders: OrderRecord[];
  /** Every question (deleted ones too), ordered by (createdMs, id). */
  questions: QuestionRecord[];
  buyers: BuyerRecord[];
  /** Bumped on every change: search results cached per query are valid for one version. */
  version: number;
  searchCache: Map<string, { version: number; results: readonly unknown[] }>;
}

export interface PackRecord {
  id: number;
  sellerId: number;
  buyerId: number;
  orderIds: number[];
  shipmentId: number | null;
}

/** A search_type=scan cursor over a seller's item ids (reference §5). */
export interface ItemScroll {
  ids: readonly string[];
  position: number;
  expiresAt: number;
  sellerId: number;
}
