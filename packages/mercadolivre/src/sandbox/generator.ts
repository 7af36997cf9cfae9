import { z } from 'zod';
import { ML_SITES, ORDER_STATUSES, mlSiteId } from '../schemas.ts';
import {
  buildItem, buildMessage, buildOrder, buildQuestion, buildShipment, buildUser, orderTags, roundPrice,
} from './builders.ts';
import { DAY_MS } from './dates.ts';
import type { BuyerRecord, Conversation, ItemBody, OrderRecord, QuestionRecord, SellerRecord } from './model.ts';
import { createRng, hashString, type Rng } from './random.ts';
import type { SandboxStore } from './store.ts';

export const generateSellerInput = z.object({
  nickname: z.string().trim().min(3).max(60).regex(/^[A-Za-z0-9_.-]+$/, 'nickname: letters, digits, _ . - only'),
  siteId: mlSiteId.default('MLB'),
  items: z.number().int().min(1).max(100_000).default(50),
  orders: z.number().int().min(0).max(200_000).default(200),
  questions: z.number().int().min(0).max(200_000).default(100),
  seed: z.number().int().default(1),
  /** The generated history ends here (default: now, to the minute). Fix it to compare two runs. */
  anchor: z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
});
export type GenerateSellerInput = z.input<typeof generateSellerInput>;

export interface GeneratedSeller {
  id: number;
  nickname: string;
  siteId: z.infer<typeof mlSiteId>;
}

const PRODUCTS = ['Fone de Ouvido Bluetooth', 'Camiseta Algodão', 'Tênis Corrida', 'Garrafa Térmica', 'Mochila Notebook',
  'Capa Celular', 'Luminária LED', 'Cafeteira Italiana', 'Relógio Digital', 'Caixa de Som Portátil', 'Teclado Mecânico',
  'Mouse Sem Fio', 'Jogo de Panelas', 'Toalha de Banho', 'Carregador Turbo', 'Óculos de Sol', 'Kit Ferramentas',
  'Cadeira Gamer', 'Tapete Yoga', 'Smartwatch'];
const QUALIFIERS = ['Premium', 'Original', 'Compacto', 'Profissional', 'Slim', 'Pro', 'Max', 'Plus', 'Eco', 'Kids'];
const COLORS = ['Preto', 'Branco', 'Azul', 'Vermelho', 'Verde', 'Cinza', 'Rosa', 'Amarelo'];
const QUESTION_TEXTS = ['Boa tarde, tem pronta entrega?', 'Qual o prazo de envio para o Rio de Janeiro?',
  'Serve no modelo anterior?', 'Tem na cor azul?', 'Aceita troca se não servir?', 'Vem com nota fiscal?',
  'Qual a garantia?', 'É original?', 'Qual a voltagem?', 'Consegue fazer por um preço menor levando dois?'];
const ANSWER_TEXTS = ['Olá! Sim, temos pronta entrega. Obrigado pelo contato.', 'Olá, enviamos em até 24 horas úteis.',
  'Sim, é original e com nota fiscal.', 'A garantia é de 90 dias pelo vendedor.', 'Olá! Temos sim, é só selecionar a variação.'];
const BUYER_MESSAGES = ['Olá, quando o pedido será enviado?', 'Chegou certinho, obrigado!', 'Pode confirmar o endereço de entrega?',
  'O produto veio com defeito, como faço a troca?'];
const SELLER_MESSAGES = ['Olá! Seu pedido será enviado hoje.', 'Obrigado pela compra!', 'Endereço confirmado, obrigado.',
  'Sinto muito! Vamos resolver, abra a devolução pelo Mercado Livre.'];

const STATUS_WEIGHTS: readonly (readonly [string, number])[] = [
  ['paid', 70], ['cancelled', 8], ['confirmed', 4], ['payment_required', 3], ['payment_in_process', 3],
  ['partially_paid', 2], ['partially_refunded', 4], ['pending_cancel', 3], ['invalid', 3],
];
const QUESTION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['UNANSWERED', 45], ['ANSWERED', 45], ['CLOSED_UNANSWERED', 3], ['UNDER_REVIEW', 3], ['BANNED', 2], ['DISABLED', 2],
];
const PAID_SHIPMENT_WEIGHTS: readonly (readonly [string, number])[] = [
  ['delivered', 60], ['shipped', 15], ['ready_to_ship', 15], ['handling', 5], ['not_delivered', 5],
];

const UNPAID = new Set(['confirmed', 'payment_required', 'payment_in_process', 'partially_paid']);

function shipmentStatusFor(orderStatus: string, rng: Rng): string {
  if (orderStatus === 'cancelled' || orderStatus === 'invalid') return 'cancelled';
  if (UNPAID.has(orderStatus)) return 'pending';
  return rng.weighted(PAID_SHIPMENT_WEIGHTS);
}

/** Sorted random instants in [from, to]. */
function sortedTimes(rng: Rng, count: number, from: number, to: number): number[] {
  const times = Array.from({ length: count }, () => from + Math.floor(rng.next() * (to - from)));
  return times.sort((a, b) => a - b);
}

/**
 * Adds one seller with a deterministic history (same input and anchor → same bodies in a fresh sandbox):
 * items, orders in every status (packs, shipments, post-sale messages) and questions in every status.
 */
export function generateSeller(store: SandboxStore, rawInput: GenerateSellerInput, clientId: number, nowMs: number): GeneratedSeller {
  const input = generateSellerInput.parse(rawInput);
  const anchor = input.anchor === undefined ? Math.floor(nowMs / 60_000) * 60_000 : new Date(input.anchor).getTime();
  const rng = createRng(input.seed ^ hashString(input.nickname));
  const siteId = input.siteId;
  const currency = ML_SITES[siteId].currency;
  const priceScale = currency === 'CLP' || currency === 'COP' ? 200 : 1;

  const id = store.ids.nextUser();
  const seller: SellerRecord = {
    id, nickname: input.nickname, siteId, currency, user: buildUser(id, input.nickname, siteId, anchor - 900 * DAY_MS),
    itemIds: [], orders: [], questions: [], buyers: [], version: 0, searchCache: new Map(),
  };
  store.addSeller(seller);

  const buyerCount = Math.max(5, Math.ceil(Math.max(input.orders, input.questions) / 3));
  for (let i = 0; i < buyerCount; i++) {
    const buyerId = store.ids.nextBuyer();
    const buyer: BuyerRecord = { id: buyerId, nickname: `COMPRADOR${buyerId}`, siteId };
    seller.buyers.push(buyer);
    store.buyers.set(buyerId, buyer);
  }

  const items: ItemBody[] = [];
  const itemTimes = sortedTimes(rng, input.items, anchor - 365 * DAY_MS, anchor - 200 * DAY_MS);
  for (let i = 0; i < input.items; i++) {
    const created = itemTimes[i] as number;
    const body = buildItem({
      number: store.ids.nextItem(), seller,
      title: `${rng.pick(PRODUCTS)} ${rng.pick(QUALIFIERS)} ${rng.pick(COLORS)}`,
      price: roundPrice((19.9 + rng.int(0, 48_000) / 100) * priceScale, currency),
      quantity: rng.int(0, 250), sold: 0,
      status: rng.weighted([['active', 80], ['paused', 12], ['closed', 6], ['under_review', 2]] as const),
      sku: `SKU-${input.nickname.slice(0, 4).toUpperCase()}-${String(i + 1).padStart(5, '0')}`,
      createdMs: created, updatedMs: created + rng.int(0, 150) * DAY_MS,
    });
    items.push(body);
    seller.itemIds.push(body.id);
    store.items.set(body.id, { body, sellerId: id });
  }

  generateOrders(store, seller, items, rng, input.orders, anchor, clientId);
  generateQuestions(store, seller, items, rng, input.questions, anchor);
  return { id, nickname: seller.nickname, siteId };
}

function generateOrders(store: SandboxStore, seller: SellerRecord, items: ItemBody[], rng: Rng, count: number, anchor: number, clientId: number): void {
  const times = sortedTimes(rng, count, anchor - 180 * DAY_MS, anchor - 3_600_000);
  // Every status appears at least once when there are enough orders, at evenly spread positions.
  const forced = new Map<number, string>();
  if (count >= ORDER_STATUSES.length * 2) {
    const step = Math.floor(count / ORDER_STATUSES.length);
    ORDER_STATUSES.forEach((status, k) => forced.set(k * step + 1, status));
  }
  let i = 0;
  while (i < count) {
    const packSize = rng.chance(0.12) && i + 1 < count ? Math.min(rng.int(2, 3), count - i) : 1;
    const buyer = rng.pick(seller.buyers);
    const status = forced.get(i) ?? rng.weighted(STATUS_WEIGHTS);
    const created = times[i] as number;
    const updated = Math.min(anchor - 60_000, created + rng.int(0, 10 * 24) * 3_600_000 + rng.int(0, 3_599_999));
    const packId = packSize > 1 ? store.ids.nextPack() : null;
    const withShipping = packSize > 1 || rng.chance(0.92);
    const shipmentId = withShipping ? store.ids.nextShipment() : null;
    const shipmentStatus = shipmentStatusFor(status, rng);
    const group: OrderRecord[] = [];
    for (let k = 0; k < packSize; k++, i++) {
      const lines = Array.from({ length: rng.chance(0.15) ? 2 : 1 }, () => ({ item: rng.pick(items), quantity: rng.chance(0.8) ? 1 : rng.int(2, 4) }));
      const uniqueLines = lines.filter((line, index) => lines.findIndex((l) => l.item.id === line.item.id) === index);
      const record = buildOrder({
        id: store.ids.nextOrder(), seller, buyer, lines: uniqueLines, status,
        createdMs: created + k * 7_000, updatedMs: Math.max(updated, created + k * 7_000),
        packId, shipmentId, nextPaymentId: store.ids.nextPayment,
      });
      if (record.body.tags.includes('paid')) {
        for (const line of uniqueLines) line.item.sold_quantity += line.quantity;
      }
      group.push(record);
    }
    const first = group[0] as OrderRecord;
    if (shipmentId !== null) {
      const shipment = buildShipment({
        id: shipmentId, seller, order: first.body, status: shipmentStatus, createdMs: first.createdMs + 120_000,
        updatedMs: first.updatedMs, trackingNumber: ['shipped', 'delivered', 'not_delivered'].includes(shipmentStatus) ? `BR${rng.int(100_000_000, 999_999_999)}BR` : null,
      });
      store.shipments.set(shipmentId, { body: shipment, sellerId: seller.id });
    }
    for (const record of group) {
      record.body.tags = orderTags(record.body, shipmentStatus === 'delivered');
      seller.orders.push(record);
      store.orders.set(record.body.id, record);
    }
    if (packId !== null) {
      store.packs.set(packId, { id: packId, sellerId: seller.id, buyerId: buyer.id, orderIds: group.map((r) => r.body.id), shipmentId });
    }
    if (shipmentId !== null && rng.chance(0.25)) {
      addConversation(store, seller, packId ?? first.body.id, buyer.id, group.map((r) => r.body.id), shipmentId, first.createdMs, anchor, rng, clientId);
    }
  }
  seller.orders.sort((a, b) => a.closedMs - b.closedMs || a.body.id - b.body.id);
}

function addConversation(store: SandboxStore, seller: SellerRecord, conversationId: number, buyerId: number, orderIds: number[],
  shipmentId: number, startMs: number, anchor: number, rng: Rng, clientId: number): void {
  const conversation: Conversation = { id: conversationId, sellerId: seller.id, buyerId, siteId: seller.siteId, orderIds, shipmentId, messages: [] };
  const count = rng.int(1, 4);
  let at = startMs;
  for (let m = 0; m < count; m++) {
    at = Math.min(anchor - 60_000, at + rng.int(1, 30) * 3_600_000);
    const fromBuyer = m % 2 === 0;
    const body = buildMessage({
      id: rng.hex(32), siteId: seller.siteId, clientId, fromId: fromBuyer ? buyerId : seller.id, toId: fromBuyer ? seller.id : buyerId,
      text: rng.pick(fromBuyer ? BUYER_MESSAGES : SELLER_MESSAGES), createdMs: at, conversationId, sellerId: seller.id, first: m === 0,
    });
    if (!fromBuyer || m < count - 1) body.message_date.read = body.message_date.created;
    conversation.messages.push(body);
    store.messages.set(body.id, { body, conversation });
  }
  store.conversations.set(conversationId, conversation);
}

function generateQuestions(store: SandboxStore, seller: SellerRecord, items: ItemBody[], rng: Rng, count: number, anchor: number): void {
  const times = sortedTimes(rng, count, anchor - 120 * DAY_MS, anchor - 60_000);
  const forced = new Map<number, string>();
  if (count >= QUESTION_WEIGHTS.length * 2) {
    const step = Math.floor(count / QUESTION_WEIGHTS.length);
    QUESTION_WEIGHTS.forEach(([status], k) => forced.set(k * step + 2, status));
  }
  for (let i = 0; i < count; i++) {
    const created = times[i] as number;
    const status = forced.get(i) ?? rng.weighted(QUESTION_WEIGHTS);
    const answered = status === 'ANSWERED';
    const body = buildQuestion({
      id: store.ids.nextQuestion(), sellerId: seller.id, itemId: rng.pick(items).id, buyerId: rng.pick(seller.buyers).id,
      text: rng.pick(QUESTION_TEXTS), status, createdMs: created,
      answer: answered ? { text: rng.pick(ANSWER_TEXTS), createdMs: Math.min(anchor - 1_000, created + rng.int(60_000, 2 * DAY_MS)) } : null,
    });
    const record: QuestionRecord = { body, sellerId: seller.id, createdMs: created, deleted: false };
    seller.questions.push(record);
    store.questions.set(body.id, record);
  }
}
