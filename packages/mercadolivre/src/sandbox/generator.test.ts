import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, QUESTION_STATUSES, itemSchema, orderSchema, questionSchema, shipmentSchema, messageSchema } from '../schemas.ts';
import { generateSeller } from './generator.ts';
import { SandboxStore } from './store.ts';

const ANCHOR = '2026-11-01T12:00:00Z';
const NOW = Date.parse('2026-11-22T00:00:00Z');

function generate(seed: number, size = { items: 40, orders: 400, questions: 200 }) {
  const store = new SandboxStore();
  const seller = generateSeller(store, { nickname: 'LOJA_GEN', seed, anchor: ANCHOR, ...size }, 1234567890123456, NOW);
  return { store, seller };
}

function snapshot(store: SandboxStore) {
  return JSON.stringify({
    orders: [...store.orders.values()].map((o) => o.body),
    questions: [...store.questions.values()].map((q) => q.body),
    items: [...store.items.values()].map((i) => i.body),
    shipments: [...store.shipments.values()].map((s) => s.body),
    messages: [...store.messages.values()].map((m) => m.body),
  });
}

describe('generateSeller', () => {
  it('produces identical data for the same seed and anchor, different data for another seed', () => {
    const a = snapshot(generate(42).store);
    expect(snapshot(generate(42).store)).toBe(a);
    expect(snapshot(generate(43).store)).not.toBe(a);
  });

  it('creates exactly the requested counts, orders in every status, questions in the expected statuses', () => {
    const { store, seller } = generate(5);
    const record = store.seller(seller.id)!;
    expect(record.itemIds).toHaveLength(40);
    expect(record.orders).toHaveLength(400);
    expect(record.questions).toHaveLength(200);
    expect(new Set(record.orders.map((o) => o.body.status))).toEqual(new Set(ORDER_STATUSES));
    const questionStatuses = new Set(record.questions.map((q) => q.body.status));
    for (const status of QUESTION_STATUSES.filter((s) => s !== 'DELETED')) expect(questionStatuses).toContain(status);
    const unanswered = record.questions.filter((q) => q.body.status === 'UNANSWERED').length;
    const answered = record.questions.filter((q) => q.body.status === 'ANSWERED').length;
    expect(unanswered + answered).toBeGreaterThan(150);
    expect(record.questions.filter((q) => q.body.status === 'ANSWERED').every((q) => q.body.answer !== null)).toBe(true);
  });

  it('groups some orders into packs sharing a buyer and a shipment, and writes messages for some packs', () => {
    const { store, seller } = generate(9);
    expect(store.packs.size).toBeGreaterThan(5);
    for (const pack of store.packs.values()) {
      const orders = pack.orderIds.map((id) => store.orders.get(id)!.body);
      expect(orders.length).toBeGreaterThanOrEqual(2);
      expect(new Set(orders.map((o) => o.buyer.id)).size).toBe(1);
      expect(orders.every((o) => o.pack_id === pack.id && o.shipping.id === pack.shipmentId && o.tags.includes('pack_order'))).toBe(true);
    }
    const conversations = [...store.conversations.values()].filter((c) => c.sellerId === seller.id);
    expect(conversations.length).toBeGreaterThan(10);
    expect(conversations.every((c) => c.messages[0]!.from.user_id === c.buyerId)).toBe(true);
  });

  it('keeps orders sorted by date_closed and every body valid for the contract schemas', () => {
    const { store, seller } = generate(11);
    const record = store.seller(seller.id)!;
    for (let i = 1; i < record.orders.length; i++) expect(record.orders[i]!.closedMs).toBeGreaterThanOrEqual(record.orders[i - 1]!.closedMs);
    for (const order of store.orders.values()) orderSchema.parse(order.body);
    for (const item of store.items.values()) itemSchema.parse(item.body);
    for (const question of store.questions.values()) questionSchema.parse(question.body);
    for (const shipment of store.shipments.values()) shipmentSchema.parse(shipment.body);
    for (const message of store.messages.values()) messageSchema.parse(message.body);
    const anchor = Date.parse(ANCHOR);
    expect(record.orders.every((o) => o.updatedMs < anchor && o.createdMs > anchor - 366 * 86_400_000)).toBe(true);
  });

  it('generates the benchmark-sized seller (10,000 orders, 5,000 questions)', () => {
    const { store, seller } = generate(1, { items: 200, orders: 10_000, questions: 5_000 });
    expect(store.seller(seller.id)!.orders).toHaveLength(10_000);
    expect(store.seller(seller.id)!.questions).toHaveLength(5_000);
  });

  it('rejects bad input with a clear message', () => {
    const store = new SandboxStore();
    expect(() => generateSeller(store, { nickname: 'x y', seed: 1 }, 1, NOW)).toThrow(/nickname/);
    generateSeller(store, { nickname: 'LOJA_UNICA', items: 1, orders: 0, questions: 0 }, 1, NOW);
    expect(() => generateSeller(store, { nickname: 'loja_unica', items: 1 }, 1, NOW)).toThrow(/already exists/);
  });
});
