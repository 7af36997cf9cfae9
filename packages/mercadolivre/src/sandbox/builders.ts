import { ML_SITES, type MlSiteId } from '../schemas.ts';
import { mlDate } from './dates.ts';
import type {
  BuyerRecord, ItemBody, MessageBody, OrderBody, OrderRecord, PaymentBody, QuestionBody, SellerRecord, ShipmentBody, UserBody,
} from './model.ts';

/** Builders for ML-shaped bodies, shared by the seeded generator and the runtime mutations. */

const SITE_DOMAINS: Record<MlSiteId, string> = {
  MLA: 'mercadolibre.com.ar', MLB: 'mercadolivre.com.br', MLM: 'mercadolibre.com.mx', MLC: 'mercadolibre.cl',
  MCO: 'mercadolibre.com.co', MPE: 'mercadolibre.com.pe', MLU: 'mercadolibre.com.uy', MLV: 'mercadolibre.com.ve',
  MEC: 'mercadolibre.com.ec',
};

/** Currencies without minor units (CLP, COP...) carry whole prices, as ML sends them. */
const ZERO_DECIMAL = new Set(['CLP', 'COP', 'PYG', 'UYU']);

export function roundPrice(amount: number, currency: string): number {
  return ZERO_DECIMAL.has(currency) ? Math.round(amount) : Math.round(amount * 100) / 100;
}

export function buildUser(id: number, nickname: string, siteId: MlSiteId, registeredMs: number): UserBody {
  return {
    id,
    nickname,
    registration_date: mlDate(registeredMs),
    country_id: ML_SITES[siteId].country,
    site_id: siteId,
    user_type: 'normal',
    permalink: `http://perfil.${SITE_DOMAINS[siteId]}/${encodeURIComponent(nickname)}`,
    address: { city: 'São Paulo', state: `${ML_SITES[siteId].country}-SP` },
    seller_reputation: {
      level_id: '5_green',
      power_seller_status: 'gold',
      transactions: { period: 'historic', total: 0, completed: 0, canceled: 0 },
    },
    status: { site_status: 'active' },
    tags: ['normal', 'user_info_verified'],
  };
}

export function publicUser(user: UserBody | BuyerRecord): Record<string, unknown> {
  if ('registration_date' in user) return user as unknown as Record<string, unknown>;
  return {
    id: user.id,
    nickname: user.nickname,
    country_id: ML_SITES[user.siteId].country,
    site_id: user.siteId,
    user_type: 'normal',
    permalink: `http://perfil.${SITE_DOMAINS[user.siteId]}/${encodeURIComponent(user.nickname)}`,
    seller_reputation: { level_id: null, power_seller_status: null },
    status: { site_status: 'active' },
  };
}

export interface ItemInput {
  number: number;
  seller: SellerRecord;
  title: string;
  price: number;
  quantity: number;
  sold: number;
  status: string;
  sku: string;
  createdMs: number;
  updatedMs: number;
}

export function buildItem(input: ItemInput): ItemBody {
  const id = `${input.seller.siteId}${input.number}`;
  const slug = input.title.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    id,
    site_id: input.seller.siteId,
    title: input.title,
    seller_id: input.seller.id,
    category_id: `${input.seller.siteId}${1000 + (input.number % 400)}`,
    price: input.price,
    base_price: input.price,
    currency_id: input.seller.currency,
    initial_quantity: input.quantity + input.sold,
    available_quantity: input.quantity,
    sold_quantity: input.sold,
    buying_mode: 'buy_it_now',
    listing_type_id: 'gold_special',
    condition: 'new',
    permalink: `https://produto.${SITE_DOMAINS[input.seller.siteId]}/${input.seller.siteId}-${input.number}-${slug}-_JM`,
    thumbnail: `http://http2.mlstatic.com/D_${input.number}-O.jpg`,
    shipping: { mode: 'me2', free_shipping: input.price > 79, logistic_type: 'drop_off' },
    status: input.status,
    sub_status: [],
    seller_custom_field: input.sku,
    tags: ['good_quality_thumbnail'],
    date_created: mlDate(input.createdMs),
    last_updated: mlDate(input.updatedMs),
  };
}

export interface OrderLine {
  item: ItemBody;
  quantity: number;
}

export interface OrderInput {
  id: number;
  seller: SellerRecord;
  buyer: BuyerRecord;
  lines: OrderLine[];
  status: string;
  createdMs: number;
  updatedMs: number;
  packId: number | null;
  shipmentId: number | null;
  nextPaymentId: () => number;
}

/** Payment shape per order status: unpaid orders carry none, paid ones an approved payment, etc. */
function paymentsFor(input: OrderInput, total: number): PaymentBody[] {
  const status = (() => {
    switch (input.status) {
      case 'confirmed':
      case 'payment_required':
        return null;
      case 'payment_in_process':
        return 'in_process';
      case 'cancelled':
        return 'cancelled';
      case 'invalid':
        return 'rejected';
      case 'partially_refunded':
        return 'partially_refunded';
      default:
        return 'approved';
    }
  })();
  if (status === null) return [];
  const amount = input.status === 'partially_paid' ? roundPrice(total / 2, input.seller.currency) : total;
  const approved = status === 'approved' || status === 'partially_refunded';
  return [{
    id: input.nextPaymentId(),
    order_id: input.id,
    payer_id: input.buyer.id,
    collector: { id: input.seller.id },
    status,
    status_detail: approved ? 'accredited' : status === 'rejected' ? 'cc_rejected_high_risk' : null,
    transaction_amount: amount,
    total_paid_amount: amount,
    marketplace_fee: roundPrice(amount * 0.12, input.seller.currency),
    currency_id: input.seller.currency,
    date_created: mlDate(input.createdMs + 30_000),
    date_approved: approved ? mlDate(input.createdMs + 60_000) : null,
    date_last_modified: mlDate(input.updatedMs),
    operation_type: 'regular_payment',
    payment_type: 'credit_card',
    installments: 1,
  }];
}

export function orderTags(body: Pick<OrderBody, 'status' | 'pack_id' | 'shipping'>, delivered: boolean): string[] {
  const tags: string[] = [];
  if (['paid', 'partially_refunded', 'pending_cancel'].includes(body.status)) tags.push('paid', delivered ? 'delivered' : 'not_delivered');
  if (body.pack_id !== null) tags.push('pack_order');
  if (body.shipping.id === null) tags.push('no_shipping');
  return tags;
}

export function buildOrder(input: OrderInput): OrderRecord {
  const currency = input.seller.currency;
  const items = input.lines.map<OrderBody['order_items'][number]>((line) => ({
    item: {
      id: line.item.id,
      title: line.item.title,
      category_id: line.item.category_id,
      variation_id: null,
      variation_attributes: [],
      seller_sku: line.item.seller_custom_field,
      seller_custom_field: line.item.seller_custom_field,
      condition: 'new',
      warranty: 'Garantia do vendedor: 90 dias',
    },
    quantity: line.quantity,
    unit_price: line.item.price,
    full_unit_price: line.item.price,
    currency_id: currency,
    sale_fee: roundPrice(line.item.price * 0.12, currency),
    listing_type_id: 'gold_special',
    discounts: [],
  }));
  const total = roundPrice(input.lines.reduce((sum, line) => sum + line.item.price * line.quantity, 0), currency);
  const payments = paymentsFor(input, total);
  const paid = roundPrice(payments.filter((p) => p.status === 'approved' || p.status === 'partially_refunded')
    .reduce((sum, p) => sum + p.total_paid_amount, 0), currency);
  const body: OrderBody = {
    id: input.id,
    status: input.status,
    status_detail: null,
    date_created: mlDate(input.createdMs),
    date_closed: mlDate(input.createdMs),
    last_updated: mlDate(input.updatedMs),
    date_last_updated: mlDate(input.updatedMs),
    expiration_date: mlDate(input.createdMs + 28 * 86_400_000),
    order_items: items,
    total_amount: total,
    paid_amount: paid,
    coupon: { id: null, amount: 0 },
    currency_id: currency,
    shipping_cost: null,
    buyer: { id: input.buyer.id, nickname: input.buyer.nickname },
    seller: { id: input.seller.id },
    payments,
    shipping: { id: input.shipmentId },
    pack_id: input.packId,
    tags: [],
    feedback: { buyer: null, seller: null },
    context: { channel: 'marketplace', site: input.seller.siteId, flows: [] },
    taxes: { amount: null, currency_id: null, id: null },
    mediations: [],
    cancel_detail: input.status === 'cancelled'
      ? { group: 'buyer', code: 'buyer_cancel_purchase', description: 'Cancelada pelo comprador', requested_by: 'buyer', date: mlDate(input.updatedMs) }
      : null,
  };
  body.tags = orderTags(body, false);
  return { body, sellerId: input.seller.id, createdMs: input.createdMs, closedMs: input.createdMs, updatedMs: input.updatedMs, searchText: orderSearchText(body) };
}

export function orderSearchText(body: OrderBody): string {
  return [String(body.id), body.buyer.nickname, ...body.order_items.flatMap((line) => [line.item.id, line.item.title])].join('\n').toLowerCase();
}

export interface ShipmentInput {
  id: number;
  seller: SellerRecord;
  order: OrderBody;
  status: string;
  createdMs: number;
  updatedMs: number;
  trackingNumber: string | null;
}

export function buildShipment(input: ShipmentInput): ShipmentBody {
  const at = (reached: boolean): string | null => (reached ? mlDate(input.updatedMs) : null);
  const shippedLike = ['shipped', 'delivered', 'not_delivered'].includes(input.status);
  return {
    id: input.id,
    mode: 'me2',
    created_by: 'receiver',
    order_id: input.order.id,
    pack_id: input.order.pack_id,
    order_cost: input.order.total_amount,
    site_id: input.seller.siteId,
    status: input.status,
    substatus: input.status === 'ready_to_ship' ? 'ready_to_print' : null,
    status_history: {
      date_handling: at(input.status !== 'pending'),
      date_ready_to_ship: at(input.status === 'ready_to_ship' || shippedLike),
      date_shipped: at(shippedLike),
      date_delivered: at(input.status === 'delivered'),
      date_not_delivered: at(input.status === 'not_delivered'),
      date_cancelled: at(input.status === 'cancelled'),
    },
    date_created: mlDate(input.createdMs),
    last_updated: mlDate(input.updatedMs),
    tracking_number: input.trackingNumber,
    tracking_method: input.trackingNumber ? 'Correios PAC' : null,
    sender_id: input.seller.id,
    receiver_id: input.order.buyer.id,
    shipping_items: input.order.order_items.map((line) => ({ id: line.item.id, description: line.item.title, quantity: line.quantity })),
    shipping_option: { id: 100_009, name: 'Normal', cost: 0, list_cost: 24.9, currency_id: input.seller.currency },
    logistic_type: 'drop_off',
  };
}

export interface QuestionInput {
  id: number;
  sellerId: number;
  itemId: string;
  buyerId: number;
  text: string;
  status: string;
  createdMs: number;
  answer: { text: string; createdMs: number } | null;
}

export function buildQuestion(input: QuestionInput): QuestionBody {
  const hidden = input.status === 'BANNED';
  const lastMs = input.answer ? input.answer.createdMs : input.createdMs;
  return {
    id: input.id,
    seller_id: input.sellerId,
    item_id: input.itemId,
    status: input.status,
    text: hidden ? '' : input.text,
    tags: [],
    date_created: mlDate(input.createdMs),
    last_updated: mlDate(lastMs),
    deleted_from_listing: false,
    hold: false,
    suspected_spam: false,
    answer: input.answer ? { text: input.answer.text, status: 'ACTIVE', date_created: mlDate(input.answer.createdMs) } : null,
    from: { id: input.buyerId },
  };
}

export interface MessageInput {
  id: string;
  siteId: MlSiteId;
  clientId: number;
  fromId: number;
  toId: number;
  text: string;
  createdMs: number;
  conversationId: number;
  sellerId: number;
  first: boolean;
}

export function buildMessage(input: MessageInput): MessageBody {
  const created = mlDate(input.createdMs);
  return {
    id: input.id,
    site_id: input.siteId,
    client_id: input.clientId,
    from: { user_id: input.fromId },
    to: { user_id: input.toId },
    status: 'available',
    text: input.text,
    message_date: { received: created, available: created, notified: created, created, read: null },
    message_moderation: { status: 'clean', reason: null, source: null, moderation_date: created },
    message_attachments: [],
    message_resources: [
      { id: String(input.conversationId), name: 'packs' },
      { id: String(input.sellerId), name: 'sellers' },
    ],
    conversation_first_message: input.first,
  };
}
