/**
 * What the platform's change feed (`mercadolivre.changes`, packages/api/src/routers/mercadolivre/changes.ts)
 * delivers per resource: the selected columns, 64-bit integers as decimal strings, dates as Date (superjson).
 */
export const RESOURCES = ['accounts', 'orders', 'shipments', 'questions', 'messages', 'answers'] as const;
export type Resource = (typeof RESOURCES)[number];

export interface Account {
  id: string;
  mlUserId: string;
  nickname: string;
  siteId: string;
  status: string;
  statusReason: string | null;
  lastSyncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderItem {
  id: string;
  mlItemId: string;
  title: string;
  variationId: string | null;
  sellerSku: string | null;
  quantity: number;
  unitPriceMinor: string;
  currency: string;
}

export interface Order {
  id: string;
  accountId: string;
  mlOrderId: string;
  status: string;
  packId: string | null;
  shipmentId: string | null;
  buyerId: string;
  buyerNickname: string | null;
  totalMinor: string;
  paidMinor: string | null;
  currency: string;
  tags: string[];
  dateCreated: Date;
  dateClosed: Date | null;
  mlUpdatedAt: Date | null;
  syncedAt: Date;
  items: OrderItem[];
}

export interface Shipment {
  id: string;
  accountId: string;
  mlShipmentId: string;
  mlOrderId: string | null;
  status: string;
  substatus: string | null;
  mode: string | null;
  logisticType: string | null;
  trackingNumber: string | null;
  mlUpdatedAt: Date | null;
  syncedAt: Date;
}

export interface Question {
  id: string;
  accountId: string;
  mlQuestionId: string;
  mlItemId: string;
  buyerId: string;
  text: string;
  status: string;
  dateCreated: Date;
  answerText: string | null;
  answerStatus: string | null;
  answeredAt: Date | null;
  mlUpdatedAt: Date | null;
  syncedAt: Date;
}

export interface Message {
  id: string;
  accountId: string;
  mlMessageId: string;
  packId: string;
  fromUserId: string;
  toUserId: string;
  text: string;
  status: string;
  sentAt: Date;
  readAt: Date | null;
  syncedAt: Date;
}

export interface Answer {
  id: string;
  accountId: string;
  mlQuestionId: string;
  text: string;
  idempotencyKey: string;
  status: string;
  refusalReason: string | null;
  createdByUserId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  updatedAt: Date;
}

export interface ResourceItem {
  accounts: Account;
  orders: Order;
  shipments: Shipment;
  questions: Question;
  messages: Message;
  answers: Answer;
}
