import { randomUUID } from 'node:crypto';
import { toMinorUnits } from '../money.ts';
import type { MlItem, MlMessage, MlOrder, MlQuestion, MlShipment } from '../schemas.ts';

/** ML bodies mapped to our columns (JSON for jsonb_to_recordset: bigints as strings, dates as ISO). */

const date = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);
const big = (value: number | bigint | null | undefined) => (value === null || value === undefined ? null : String(value));

export function orderRow(accountId: string, order: MlOrder) {
  return {
    id: `mlo_${randomUUID()}`,
    account_id: accountId,
    ml_order_id: big(order.id),
    status: order.status,
    pack_id: big(order.pack_id),
    shipment_id: big(order.shipping?.id),
    buyer_id: big(order.buyer.id),
    buyer_nickname: order.buyer.nickname ?? null,
    total_minor: toMinorUnits(order.total_amount, order.currency_id),
    paid_minor: order.paid_amount === null || order.paid_amount === undefined ? null : toMinorUnits(order.paid_amount, order.currency_id),
    currency: order.currency_id,
    tags: order.tags,
    date_created: date(order.date_created),
    date_closed: date(order.date_closed),
    ml_updated_at: date(order.last_updated ?? order.date_last_updated ?? order.date_closed ?? order.date_created),
    raw: order,
    items: order.order_items.map((line) => ({
      id: `mloi_${randomUUID()}`,
      ml_item_id: line.item.id,
      title: line.item.title,
      variation_id: big(line.item.variation_id),
      seller_sku: line.item.seller_sku ?? null,
      quantity: line.quantity,
      unit_price_minor: toMinorUnits(line.unit_price, line.currency_id),
      currency: line.currency_id,
    })),
  };
}

export function questionRow(accountId: string, question: MlQuestion) {
  return {
    id: `mlq_${randomUUID()}`,
    account_id: accountId,
    ml_question_id: big(question.id),
    ml_item_id: question.item_id,
    buyer_id: big(question.from.id),
    text: question.text,
    status: question.status,
    date_created: date(question.date_created),
    answer_text: question.answer?.text ?? null,
    answer_status: question.answer?.status ?? null,
    answered_at: date(question.answer?.date_created),
    ml_updated_at: date(question.last_updated ?? question.answer?.date_created ?? question.date_created),
    raw: question,
  };
}

export function itemRow(accountId: string, item: MlItem) {
  return {
    id: `mli_${randomUUID()}`,
    account_id: accountId,
    ml_item_id: item.id,
    title: item.title,
    price_minor: toMinorUnits(item.price, item.currency_id),
    currency: item.currency_id,
    available_quantity: item.available_quantity,
    sold_quantity: item.sold_quantity,
    status: item.status,
    permalink: item.permalink ?? null,
    thumbnail: item.thumbnail ?? null,
    ml_updated_at: date(item.last_updated ?? item.date_created),
    raw: item,
  };
}

export function shipmentRow(accountId: string, shipment: MlShipment) {
  return {
    id: `mls_${randomUUID()}`,
    account_id: accountId,
    ml_shipment_id: big(shipment.id),
    ml_order_id: big(shipment.order_id),
    status: shipment.status,
    substatus: shipment.substatus ?? null,
    mode: shipment.mode ?? null,
    logistic_type: shipment.logistic_type ?? null,
    tracking_number: shipment.tracking_number ?? null,
    ml_updated_at: date(shipment.last_updated ?? shipment.date_created),
    raw: shipment,
  };
}

export function messageRow(accountId: string, packId: number | bigint, message: MlMessage) {
  return {
    id: `mlm_${randomUUID()}`,
    account_id: accountId,
    ml_message_id: message.id,
    pack_id: big(packId),
    from_user_id: big(message.from.user_id),
    to_user_id: big(message.to.user_id),
    text: message.text,
    status: message.status,
    sent_at: date(message.message_date.created),
    read_at: date(message.message_date.read),
    raw: message,
  };
}
