import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, messageSchema, messagesPageSchema, shipmentSchema } from '../schemas.ts';
import type { Sandbox } from './index.ts';
import { call, expectShape, startTestSandbox } from './test-support.ts';

let sandbox: Sandbox;
let seller: number;
let token: string;
let otherToken: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  seller = sandbox.generateSeller({ nickname: 'LOJA_MSG', items: 10, orders: 5, questions: 0, seed: 2 }).id;
  token = sandbox.issueTokens(seller).access_token;
  otherToken = sandbox.issueTokens(sandbox.generateSeller({ nickname: 'LOJA_C', items: 1, orders: 1, questions: 0, seed: 3 }).id).access_token;
});
afterAll(() => sandbox.close());

const path = (packId: number, sellerId = seller) => `/messages/packs/${packId}/sellers/${sellerId}?tag=post_sale`;

describe('post-sale messages', () => {
  it('reads a conversation (by order id when there is no pack) and marks buyer messages read unless told not to', async () => {
    const order = sandbox.mutate.createOrder(seller);
    const sent = sandbox.mutate.buyerMessage(order.id, 'Quando chega?');
    const unread = expectShape(messagesPageSchema, (await call(sandbox, `${path(order.id)}&mark_as_read=false`, { token })).body);
    expect(unread).toMatchObject({ paging: { total: 1, offset: 0, limit: 10 }, seller_max_message_length: 350, conversation_status: { status: 'active' } });
    expect(unread.messages[0]).toMatchObject({ id: sent.id, text: 'Quando chega?', message_date: { read: null } });
    await call(sandbox, path(order.id), { token });
    const read = expectShape(messagesPageSchema, (await call(sandbox, path(order.id), { token })).body);
    expect(read.messages[0]!.message_date.read).not.toBeNull();
    const one = expectShape(messageSchema, (await call(sandbox, `/messages/${sent.id}?tag=post_sale`, { token })).body);
    expect(one.from.user_id).toBe(order.buyer.id);
  });

  it('sends a seller message up to 350 characters, refuses longer ones and a wrong recipient', async () => {
    const order = sandbox.mutate.createOrder(seller);
    sandbox.mutate.buyerMessage(order.id, 'Oi');
    const body = (text: string, to = order.buyer.id) => ({ from: { user_id: String(seller) }, to: { user_id: String(to) }, text });
    const ok = await call(sandbox, path(order.id), { token, json: body('a'.repeat(350)) });
    expect(ok.status).toBe(201);
    expectShape(messageSchema, ok.body);
    expect((await call(sandbox, path(order.id), { token, json: body('a'.repeat(351)) })).status).toBe(400);
    expect((await call(sandbox, path(order.id), { token, json: body('oi', seller) })).status).toBe(400);
    expect(expectShape(messagesPageSchema, (await call(sandbox, path(order.id), { token })).body).paging.total).toBe(2);
  });

  it('blocks messages on a cancelled order with the documented 403 body', async () => {
    const order = sandbox.mutate.createOrder(seller);
    sandbox.mutate.updateOrder(order.id, { status: 'cancelled' });
    const response = await call(sandbox, path(order.id), { token, json: { from: { user_id: seller }, to: { user_id: order.buyer.id }, text: 'oi' } });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ status_code: 403, code: 'forbidden', message: 'blocked_conversation_send_message_forbidden' });
    expect(expectShape(messagesPageSchema, (await call(sandbox, path(order.id), { token })).body).conversation_status).toMatchObject({ status: 'blocked' });
  });

  it('refuses other sellers, a missing tag, bad paging and unknown packs', async () => {
    const order = sandbox.mutate.createOrder(seller);
    expect((await call(sandbox, path(order.id), { token: otherToken })).status).toBe(403);
    expect((await call(sandbox, `/messages/packs/${order.id}/sellers/${seller}`, { token })).status).toBe(400);
    expect((await call(sandbox, `${path(order.id)}&limit=abc`, { token })).status).toBe(400);
    expectShape(errorBodySchema, (await call(sandbox, path(1), { token })).body);
    expect((await call(sandbox, path(1), { token })).status).toBe(404);
  });
});

describe('GET /shipments/:id', () => {
  it('returns the shipment of an order, reflects updates, refuses another seller', async () => {
    const order = sandbox.mutate.createOrder(seller);
    const id = order.shipping.id!;
    const shipment = expectShape(shipmentSchema, (await call(sandbox, `/shipments/${id}`, { token })).body);
    expect(shipment).toMatchObject({ id, order_id: order.id, status: 'ready_to_ship' });
    sandbox.mutate.updateShipment(id, { status: 'shipped', tracking_number: 'BR123BR' });
    expect(expectShape(shipmentSchema, (await call(sandbox, `/shipments/${id}`, { token })).body)).toMatchObject({ status: 'shipped', tracking_number: 'BR123BR' });
    expect((await call(sandbox, `/shipments/${id}`, { token: otherToken })).status).toBe(403);
    expect((await call(sandbox, '/shipments/1', { token })).status).toBe(404);
  });
});
