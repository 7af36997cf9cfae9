import type { Account, Message, Order, Question, Shipment } from './types.ts';

/** Feed items as `mercadolivre.changes` delivers them, with defaults a test overrides. */
export const T0 = new Date('2026-03-01T12:00:00.000Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export function account(over: Partial<Account> = {}): Account {
  return {
    id: 'acc1', mlUserId: '9007199254740993', nickname: 'LOJA_UM', siteId: 'MLB', status: 'ACTIVE', statusReason: null,
    lastSyncedAt: T0, createdAt: T0, updatedAt: T0, ...over,
  };
}

export function order(n: number, over: Partial<Order> = {}): Order {
  const id = over.id ?? `ord${String(n).padStart(5, '0')}`;
  return {
    id, accountId: 'acc1', mlOrderId: String(2000009000000000 + n), status: 'paid', packId: null, shipmentId: String(4000000000 + n),
    buyerId: String(100 + (n % 7)), buyerNickname: `COMPRADOR_${n}`, totalMinor: '12990', paidMinor: '12990', currency: 'BRL', tags: ['paid'],
    dateCreated: at(n), dateClosed: at(n), mlUpdatedAt: at(n), syncedAt: T0,
    items: [
      { id: `${id}-i1`, mlItemId: 'MLB100', title: 'Camiseta Básica Algodão', variationId: null, sellerSku: 'SKU-1', quantity: 1, unitPriceMinor: '4990', currency: 'BRL' },
      { id: `${id}-i2`, mlItemId: 'MLB200', title: 'Caneca Cerâmica', variationId: '177', sellerSku: null, quantity: 2, unitPriceMinor: '4000', currency: 'BRL' },
    ],
    ...over,
  };
}

export function shipment(n: number, over: Partial<Shipment> = {}): Shipment {
  return {
    id: `shp${n}`, accountId: 'acc1', mlShipmentId: String(4000000000 + n), mlOrderId: String(2000009000000000 + n), status: 'ready_to_ship',
    substatus: null, mode: 'me2', logisticType: 'drop_off', trackingNumber: null, mlUpdatedAt: T0, syncedAt: T0, ...over,
  };
}

export function question(n: number, over: Partial<Question> = {}): Question {
  return {
    id: `q${n}`, accountId: 'acc1', mlQuestionId: String(13000000000 + n), mlItemId: 'MLB100', buyerId: '101', text: `Pergunta ${n}`,
    status: 'UNANSWERED', dateCreated: at(n), answerText: null, answerStatus: null, answeredAt: null, mlUpdatedAt: at(n), syncedAt: T0, ...over,
  };
}

export function message(n: number, over: Partial<Message> = {}): Message {
  return {
    id: `m${n}`, accountId: 'acc1', mlMessageId: `msg-${n}`, packId: String(2000009000000000 + 1), fromUserId: '101', toUserId: '9007199254740993',
    text: `Mensagem ${n}`, status: 'available', sentAt: at(n), readAt: null, syncedAt: T0, ...over,
  };
}
