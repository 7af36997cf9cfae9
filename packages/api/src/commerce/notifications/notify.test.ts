import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { ADDRESS, cartToken, openShop, type TestShop } from '../../routers/checkout/test-shop.ts';
import { markOrderPaid, recordRefund } from '../order-lifecycle.ts';

/**
 * The buyer's notices (confirmation on payment, shipped with carrier and tracking number, each refund): written to
 * the outbox in the transaction of the change, in the order's language and the store's name and colours, once each;
 * by WhatsApp too when the buyer gave a phone.
 */
let h: ApiHarness;
let shop: TestShop;
const previousAppUrl = process.env.APP_URL;

beforeAll(async () => {
  process.env.APP_URL = APP_URL;
  h = await createApiHarness('order_notices');
  shop = await openShop(h, 'notice-shop');
  await h.db.platform.tenant.update({ where: { id: shop.id }, data: { name: 'Casa Notícia', branding: { primaryColor: '#aa3300' } } });
});
afterAll(async () => {
  if (previousAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = previousAppUrl;
  await h?.close();
});

async function place(options: { phone?: string; locale?: 'pt-BR' | 'en' | 'es' }) {
  const token = cartToken();
  await shop.visitor().cart.add({ cartToken: token, variantId: shop.variants.mug, quantity: 2 });
  return shop.visitor().checkout.placeOrder({
    cartToken: token,
    email: 'rosa@example.test',
    name: 'Rosa',
    address: ADDRESS,
    shippingOptionId: shop.standardRateId,
    ...(options.phone ? { phone: options.phone } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
}

const jobs = (queue: 'email' | 'whatsapp', orderId: string) =>
  h.owner.outboxJob.findMany({ where: { queue, jobId: { startsWith: `${queue}-order-${orderId}-` } }, orderBy: { createdAt: 'asc' } });
type EmailPayload = { to: string; subject: string; text: string; html: string; kind: string; tenantId: string };
type WhatsAppPayload = { to: string; text: string; kind: string };

describe('order notices', () => {
  it('confirmation, shipped and refund: once each, in Spanish, branded, by email and WhatsApp', async () => {
    const placed = await place({ phone: '+54 11 5555 0000', locale: 'es' });
    await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_notice_1', amount: placed.total });
    await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_notice_1', amount: placed.total });
    await shop.admin().orders.markShipped({ id: placed.orderId, carrier: 'Correios', trackingNumber: 'BR123456789' });
    await expectTRPCError(shop.admin().orders.markShipped({ id: placed.orderId, carrier: 'Correios', trackingNumber: 'BR123456789' }), 'CONFLICT');
    await recordRefund(h.db, shop.id, placed.orderId, { refundId: 're_notice_1', amount: 1_000 });
    await recordRefund(h.db, shop.id, placed.orderId, { refundId: 're_notice_1', amount: 1_000 });

    const emails = (await jobs('email', placed.orderId)).map((j) => j.payload as EmailPayload);
    expect(emails.map((e) => e.kind)).toEqual(['order.confirmation', 'order.shipped', 'order.refund']);
    const link = `${APP_URL}/orders/${placed.trackingToken}`.replace('vitrine.test', shop.hostname);
    expect(emails[0]).toMatchObject({ to: 'rosa@example.test', tenantId: shop.id, subject: `Casa Notícia: pedido #${placed.number} confirmado` });
    expect(emails[0]!.text).toMatch(/Recibimos tu pago de 55,00\s?R\$/);
    expect(emails[0]!.text).toContain('2 × Mug');
    expect(emails[0]!.text).toContain(link);
    expect(emails[0]!.html).toContain('background:#aa3300');
    expect(emails[1]).toMatchObject({ subject: `Casa Notícia: pedido #${placed.number} enviado` });
    expect(emails[1]!.text).toContain('Transportista: Correios');
    expect(emails[1]!.text).toContain('Número de seguimiento: BR123456789');
    expect(emails[2]!.subject).toBe(`Casa Notícia: reembolso del pedido #${placed.number}`);
    expect(emails[2]!.text).toMatch(/Reembolsamos 10,00\s?R\$/);

    const messages = (await jobs('whatsapp', placed.orderId)).map((j) => j.payload as WhatsAppPayload);
    expect(messages.map((m) => [m.to, m.kind])).toEqual([
      ['+541155550000', 'order.confirmation'],
      ['+541155550000', 'order.shipped'],
      ['+541155550000', 'order.refund'],
    ]);
    expect(messages[1]!.text).toContain('BR123456789');
  });

  it("without a phone there is no WhatsApp message; the store's language is the default", async () => {
    const placed = await place({});
    await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_notice_2', amount: placed.total });
    const [email] = (await jobs('email', placed.orderId)).map((j) => j.payload as EmailPayload);
    expect(email!.subject).toBe(`Casa Notícia: pedido #${placed.number} confirmado`);
    expect(email!.text).toContain('Recebemos seu pagamento');
    expect(await jobs('whatsapp', placed.orderId)).toEqual([]);
  });

  it('a payment of another amount is not a confirmation: no notice', async () => {
    const placed = await place({ locale: 'en' });
    await markOrderPaid(h.db, shop.id, placed.orderId, { paymentIntentId: 'pi_notice_3', amount: placed.total - 1 });
    expect(await jobs('email', placed.orderId)).toEqual([]);
  });
});
