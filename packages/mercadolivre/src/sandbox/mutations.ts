import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ANSWER_MAX_LENGTH, ORDER_STATUSES, SELLER_MESSAGE_MAX_LENGTH, SHIPMENT_STATUSES } from '../schemas.ts';
import { buildMessage, buildOrder, buildQuestion, buildShipment, orderSearchText, orderTags } from './builders.ts';
import type { SandboxCore } from './core.ts';
import { mlDate } from './dates.ts';
import { apiError, badRequest, SandboxHttpError } from './http.ts';
import type { Conversation, MessageBody, OrderBody, OrderRecord, QuestionBody, SellerRecord, ShipmentBody } from './model.ts';

/**
 * State changes, whoever makes them (the API, a test "acting elsewhere", the control endpoints): each one
 * bumps last_updated, invalidates the seller's cached searches and sends the notification ML would send.
 */

export function notify(core: SandboxCore, topic: string, resource: string, userId: number, actions?: string[]): void {
  core.notifier.publish(topic, resource, userId, actions);
}

function sellerOf(core: SandboxCore, sellerId: number): SellerRecord {
  const seller = core.store.seller(sellerId);
  if (!seller) throw apiError(404, 'not_found', `Seller ${sellerId} does not exist in this sandbox`);
  return seller;
}

const questionNotFound = (id: number) => apiError(404, 'not_found', `Question ${id} not found`);

export function answerQuestion(core: SandboxCore, questionId: number, text: string): QuestionBody {
  const record = core.store.questions.get(questionId);
  if (!record || record.deleted) throw questionNotFound(questionId);
  const question = record.body;
  if (question.status === 'ANSWERED' || question.answer !== null) {
    throw apiError(400, 'invalid_question', `Question ${questionId} already answered`);
  }
  if (question.status !== 'UNANSWERED') {
    throw apiError(400, 'invalid_question', `Question ${questionId} cannot be answered: its status is ${question.status}`);
  }
  if (text.trim() === '') throw badRequest('The answer text is empty', 'invalid_text');
  if (text.length > ANSWER_MAX_LENGTH) {
    throw badRequest(`The answer text is too long: ${text.length} characters, the maximum is ${ANSWER_MAX_LENGTH}`, 'invalid_text');
  }
  const now = mlDate(core.clock());
  question.status = 'ANSWERED';
  question.answer = { text, status: 'ACTIVE', date_created: now };
  question.last_updated = now;
  core.store.touch(sellerOf(core, record.sellerId));
  notify(core, 'questions', `/questions/${questionId}`, record.sellerId);
  return question;
}

export function deleteQuestion(core: SandboxCore, questionId: number): void {
  const record = core.store.questions.get(questionId);
  if (!record || record.deleted) throw questionNotFound(questionId);
  record.deleted = true;
  record.body.status = 'DELETED';
  record.body.last_updated = mlDate(core.clock());
  core.store.touch(sellerOf(core, record.sellerId));
  notify(core, 'questions', `/questions/${questionId}`, record.sellerId);
}

export const askQuestionInput = z.object({
  itemId: z.string().min(1).optional(),
  text: z.string().trim().min(1).max(ANSWER_MAX_LENGTH),
  buyerId: z.number().int().positive().optional(),
});
export type AskQuestionInput = z.input<typeof askQuestionInput>;

export function askQuestion(core: SandboxCore, sellerId: number, raw: AskQuestionInput): QuestionBody {
  const input = askQuestionInput.parse(raw);
  const seller = sellerOf(core, sellerId);
  const itemId = input.itemId ?? seller.itemIds[0];
  const item = itemId ? core.store.items.get(itemId) : undefined;
  if (!item || item.sellerId !== sellerId) throw apiError(404, 'not_found', `Item ${itemId ?? '(none)'} of seller ${sellerId} not found`);
  const buyerId = input.buyerId ?? seller.buyers[0]?.id ?? core.store.ids.nextBuyer();
  const now = core.clock();
  const body = buildQuestion({
    id: core.store.ids.nextQuestion(), sellerId, itemId: item.body.id, buyerId, text: input.text, status: 'UNANSWERED', createdMs: now, answer: null,
  });
  const record = { body, sellerId, createdMs: now, deleted: false };
  seller.questions.push(record);
  core.store.questions.set(body.id, record);
  core.store.touch(seller);
  notify(core, 'questions', `/questions/${body.id}`, sellerId);
  return body;
}

export const updateOrderInput = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  status_detail: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  paid_amount: z.number().nonnegative().optional(),
});
export type UpdateOrderInput = z.input<typeof updateOrderInput>;

function refreshOrder(core: SandboxCore, record: OrderRecord, now: number): void {
  record.updatedMs = now;
  record.body.last_updated = mlDate(now);
  record.body.date_last_updated = mlDate(now);
  record.searchText = orderSearchText(record.body);
}

export function updateOrder(core: SandboxCore, orderId: number, raw: UpdateOrderInput): OrderBody {
  const input = updateOrderInput.parse(raw);
  const record = core.store.orders.get(orderId);
  if (!record) throw apiError(404, 'order_not_found', `Order ${orderId} not found`);
  const body = record.body;
  const now = core.clock();
  if (input.status !== undefined && input.status !== body.status) {
    body.status = input.status;
    if (input.status === 'cancelled') {
      body.cancel_detail = { group: 'seller', code: 'seller_cancel', description: 'Cancelada', requested_by: 'seller', date: mlDate(now) };
    }
    const delivered = body.tags.includes('delivered');
    body.tags = orderTags(body, delivered);
  }
  if (input.status_detail !== undefined) body.status_detail = input.status_detail;
  if (input.tags !== undefined) body.tags = input.tags;
  if (input.paid_amount !== undefined) body.paid_amount = input.paid_amount;
  refreshOrder(core, record, now);
  core.store.touch(sellerOf(core, record.sellerId));
  notify(core, 'orders_v2', `/orders/${orderId}`, record.sellerId);
  return body;
}

export const createOrderInput = z.object({
  itemId: z.string().min(1).optional(),
  quantity: z.number().int().positive().default(1),
  status: z.enum(ORDER_STATUSES).default('paid'),
  buyerId: z.number().int().positive().optional(),
  withShipment: z.boolean().default(true),
});
export type CreateOrderInput = z.input<typeof createOrderInput>;

export function createOrder(core: SandboxCore, sellerId: number, raw: CreateOrderInput): OrderBody {
  const input = createOrderInput.parse(raw);
  const seller = sellerOf(core, sellerId);
  const itemId = input.itemId ?? seller.itemIds[0];
  const item = itemId ? core.store.items.get(itemId) : undefined;
  if (!item || item.sellerId !== sellerId) throw apiError(404, 'not_found', `Item ${itemId ?? '(none)'} of seller ${sellerId} not found`);
  const buyer = (input.buyerId === undefined ? seller.buyers[0] : core.store.buyers.get(input.buyerId))
    ?? { id: input.buyerId ?? core.store.ids.nextBuyer(), nickname: `COMPRADOR${input.buyerId ?? ''}`, siteId: seller.siteId };
  if (!core.store.buyers.has(buyer.id)) core.store.buyers.set(buyer.id, buyer);
  const now = core.clock();
  const shipmentId = input.withShipment ? core.store.ids.nextShipment() : null;
  const record = buildOrder({
    id: core.store.ids.nextOrder(), seller, buyer, lines: [{ item: item.body, quantity: input.quantity }], status: input.status,
    createdMs: now, updatedMs: now, packId: null, shipmentId, nextPaymentId: core.store.ids.nextPayment,
  });
  if (shipmentId !== null) {
    const status = input.status === 'cancelled' || input.status === 'invalid' ? 'cancelled' : record.body.tags.includes('paid') ? 'ready_to_ship' : 'pending';
    const shipment = buildShipment({ id: shipmentId, seller, order: record.body, status, createdMs: now, updatedMs: now, trackingNumber: null });
    core.store.shipments.set(shipmentId, { body: shipment, sellerId });
  }
  // Keep (closedMs, id) order even under a test clock that goes backwards.
  let index = seller.orders.length;
  while (index > 0 && (seller.orders[index - 1] as OrderRecord).closedMs > record.closedMs) index--;
  seller.orders.splice(index, 0, record);
  core.store.orders.set(record.body.id, record);
  core.store.touch(seller);
  notify(core, 'orders_v2', `/orders/${record.body.id}`, sellerId);
  return record.body;
}

export const updateShipmentInput = z.object({
  status: z.enum(SHIPMENT_STATUSES),
  substatus: z.string().nullable().optional(),
  tracking_number: z.string().min(1).nullable().optional(),
});
export type UpdateShipmentInput = z.input<typeof updateShipmentInput>;

export function updateShipment(core: SandboxCore, shipmentId: number, raw: UpdateShipmentInput): ShipmentBody {
  const input = updateShipmentInput.parse(raw);
  const record = core.store.shipments.get(shipmentId);
  if (!record) throw apiError(404, 'not_found', `Shipment ${shipmentId} not found`);
  const body = record.body;
  const now = mlDate(core.clock());
  body.status = input.status;
  body.substatus = input.substatus ?? null;
  if (input.tracking_number !== undefined) {
    body.tracking_number = input.tracking_number;
    body.tracking_method = input.tracking_number ? 'Correios PAC' : null;
  }
  const historyKey = `date_${input.status}`;
  if (historyKey in body.status_history) body.status_history[historyKey] = now;
  body.last_updated = now;
  notify(core, 'shipments', `/shipments/${shipmentId}`, record.sellerId);
  return body;
}

export const updateItemInput = z.object({
  title: z.string().min(1).optional(),
  price: z.number().positive().optional(),
  available_quantity: z.number().int().nonnegative().optional(),
  status: z.string().min(1).optional(),
});
export type UpdateItemInput = z.input<typeof updateItemInput>;

export function updateItem(core: SandboxCore, itemId: string, raw: UpdateItemInput) {
  const input = updateItemInput.parse(raw);
  const record = core.store.items.get(itemId);
  if (!record) throw apiError(404, 'not_found', `Item with id ${itemId} not found`);
  Object.assign(record.body, input, { last_updated: mlDate(core.clock()) });
  core.store.touch(sellerOf(core, record.sellerId));
  notify(core, 'items', `/items/${itemId}`, record.sellerId);
  return record.body;
}

/** The conversation of a pack id, or of an order id when the order has no pack (reference §5). */
export function conversationFor(core: SandboxCore, id: number): Conversation | null {
  const existing = core.store.conversations.get(id);
  if (existing) return existing;
  const pack = core.store.packs.get(id);
  const order = pack ? undefined : core.store.orders.get(id);
  if (order?.body.pack_id != null) return conversationFor(core, order.body.pack_id);
  if (!pack && !order) return null;
  const seller = sellerOf(core, pack?.sellerId ?? (order as OrderRecord).sellerId);
  const conversation: Conversation = {
    id, sellerId: seller.id, siteId: seller.siteId,
    buyerId: pack?.buyerId ?? (order as OrderRecord).body.buyer.id,
    orderIds: pack?.orderIds ?? [id],
    shipmentId: pack?.shipmentId ?? (order as OrderRecord).body.shipping.id,
    messages: [],
  };
  core.store.conversations.set(id, conversation);
  return conversation;
}

/** Messaging is blocked once the sale is cancelled (reference §5). */
export function conversationBlocked(core: SandboxCore, conversation: Conversation): boolean {
  return conversation.orderIds.every((orderId) => core.store.orders.get(orderId)?.body.status === 'cancelled');
}

export const blockedConversation = (): SandboxHttpError => new SandboxHttpError(403, { status_code: 403, code: 'forbidden', message: 'blocked_conversation_send_message_forbidden' });

export function addMessage(core: SandboxCore, conversation: Conversation, from: 'seller' | 'buyer', text: string, clientId: number): MessageBody {
  if (text.trim() === '') throw badRequest('The message text is empty');
  if (from === 'seller' && text.length > SELLER_MESSAGE_MAX_LENGTH) {
    throw badRequest(`The message text is too long: ${text.length} characters, the seller maximum is ${SELLER_MESSAGE_MAX_LENGTH}`);
  }
  if (from === 'buyer' && text.length > 3_500) throw badRequest('The message text is too long: the buyer maximum is 3500');
  if (conversationBlocked(core, conversation)) throw blockedConversation();
  const body = buildMessage({
    id: randomBytes(16).toString('hex'), siteId: conversation.siteId, clientId,
    fromId: from === 'seller' ? conversation.sellerId : conversation.buyerId,
    toId: from === 'seller' ? conversation.buyerId : conversation.sellerId,
    text, createdMs: core.clock(), conversationId: conversation.id, sellerId: conversation.sellerId,
    first: conversation.messages.length === 0,
  });
  conversation.messages.push(body);
  core.store.messages.set(body.id, { body, conversation });
  notify(core, 'messages', body.id, conversation.sellerId, ['created']);
  return body;
}
