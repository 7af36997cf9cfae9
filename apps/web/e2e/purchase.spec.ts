import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createPrismaClient, type PrismaClient } from '@vitrine/db';
import { STATE_FILE, storeUrl } from './constants.ts';
import { ALPHA_CHECKOUT } from './seed-checkout.ts';
import { OWNER } from './seed.ts';

/**
 * A buyer's purchase (issue 4): on alpha's host a buyer searches, opens a product, picks a size, adds it to the cart,
 * has a wrong coupon refused beside the field and a good one applied, checks out, pays on Stripe's hosted page (the
 * sandbox) with the test card, sees the confirmation as paid and opens the tracking link; the confirmation email
 * arrives once (the webhook that follows changes nothing), and another store's host does not know the order. The
 * owner then marks it shipped in the admin; the buyer's tracking page shows carrier and number, and the shipped
 * email arrives.
 */
const state = () => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { ownerUrl: string; mailInboxUrl: string };
const BUYER = { email: `bia-${Date.now()}@purchase.test`, name: 'Bia Compradora' };

let db: PrismaClient;
test.beforeAll(() => {
  db = createPrismaClient(state().ownerUrl, { maxConnections: 1 });
});
test.afterAll(async () => {
  await db?.$disconnect();
});

const emails = async () =>
  (await (await fetch(`${state().mailInboxUrl}/messages?to=${encodeURIComponent(BUYER.email)}`)).json()) as { subject: string; text: string }[];
const confirmationEmails = async () => (await emails()).filter((m) => /order #\d+ confirmed/.test(m.subject));

test('a buyer finds a tea, picks a size, uses a coupon, pays with Stripe and follows the order to its shipment', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const big = ALPHA_CHECKOUT.variants[1];
  const stockBefore = (await db.productVariant.findFirstOrThrow({ where: { sku: big.sku } })).stock;

  // Search and open the product.
  await page.goto(storeUrl('alpha'));
  await page.getByRole('searchbox', { name: 'Search this store' }).fill('oolong');
  await page.getByRole('searchbox', { name: 'Search this store' }).press('Enter');
  await page.getByRole('link', { name: ALPHA_CHECKOUT.product.title }).click();
  await expect(page.getByTestId('product-title')).toHaveText(ALPHA_CHECKOUT.product.title);

  // Pick the 100 g size and add it.
  await page.getByLabel('Option').selectOption({ label: `${big.label} — $32.00` });
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId('flash-success')).toHaveText('Added to your cart.');
  await expect(page.getByTestId('cart-link')).toHaveText('Cart (1 item)');
  await expect(page.getByTestId('cart-line')).toContainText(big.label);
  await expect(page.getByTestId('cart-subtotal')).toHaveText('$32.00');

  // A wrong coupon is refused beside the field with the API's sentence; the right one is applied.
  await page.getByLabel('Coupon code').fill('NOPE');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('coupon-error')).toHaveText('This coupon code does not exist in this store.');
  await page.getByLabel('Coupon code').fill('welcome10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('cart-coupon')).toContainText('Coupon WELCOME10 applied.');
  await expect(page.getByTestId('cart-discount')).toHaveText('− $3.20');
  await expect(page.getByTestId('cart-total')).toHaveText('$28.80');

  // Checkout: a missing field is named beside it; then shipping and the server's totals.
  await page.getByTestId('go-checkout').click();
  await page.getByLabel('Email').fill(BUYER.email);
  await page.getByLabel('Street and number').fill('500 Market Street');
  await page.getByLabel('City').fill('San Francisco');
  await page.getByLabel('State / region').fill('CA');
  await page.getByLabel('Postal code').fill('94105');
  await page.getByLabel('Country').selectOption('US');
  await page.getByRole('button', { name: 'Continue to shipping' }).click();
  await expect(page.getByTestId('error-name')).toHaveText('Fill in the full name');
  await expect(page.getByLabel('Email')).toHaveValue(BUYER.email);
  await page.getByLabel('Full name').fill(BUYER.name);
  await page.getByRole('button', { name: 'Continue to shipping' }).click();
  await expect(page.getByTestId('shipping-options')).toContainText('Standard — $5.00');
  await expect(page.getByTestId('shipping-options')).toContainText(`${ALPHA_CHECKOUT.shipping.pickup} — $0.00`);
  await expect(page.getByTestId('checkout-discount')).toHaveText('− $3.20');
  await expect(page.getByTestId('checkout-shipping')).toHaveText('$5.00');
  await expect(page.getByTestId('checkout-total')).toHaveText('$33.80');
  await page.getByTestId('pay').click();

  // Stripe's hosted page (the sandbox) asks for exactly the order's total.
  await expect(page.getByRole('heading', { name: 'Pay 33.80 USD' })).toBeVisible();
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry (MM / YY)').fill('12 / 34');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: 'Pay' }).click();

  // Back on the store: the confirmation shows the order paid.
  await expect(page).toHaveURL(/\/checkout\/confirmation\?order=/);
  await expect(page.getByTestId('order-number')).toHaveText(/^Order #\d+$/);
  await expect(page.getByTestId('order-status')).toHaveText('Paid', { timeout: 15_000 });
  await expect(page.getByTestId('confirmation-total')).toHaveText('$33.80');
  const number = Number((await page.getByTestId('order-number').textContent())!.replace(/\D/g, ''));
  await expect(page.getByTestId('cart-link')).toHaveText('Cart');

  // The tracking link.
  await page.getByTestId('tracking-link').click();
  await expect(page).toHaveURL(/\/orders\/[A-Za-z0-9_-]{43}$/);
  const trackingPath = new URL(page.url()).pathname;
  await expect(page.getByTestId('tracking-title')).toHaveText(`Order #${number}`);
  await expect(page.getByTestId('tracking-status')).toHaveText('Paid');
  await expect(page.getByTestId('timeline')).toContainText('Order placed');
  await expect(page.getByTestId('timeline')).toContainText('Payment received');

  // The order as the database holds it: paid once, the stock taken, the coupon counted.
  const alpha = await db.tenant.findUniqueOrThrow({ where: { slug: 'alpha' } });
  const order = await db.order.findFirstOrThrow({ where: { tenantId: alpha.id, number }, include: { events: true } });
  expect(order).toMatchObject({ status: 'PAID', buyerEmail: BUYER.email, totalAmount: 3380, discountAmount: 320, couponCode: 'WELCOME10' });
  expect(order.checkoutSessionId).toMatch(/^cs_test_/);
  expect(order.events.filter((e) => e.type === 'paid')).toHaveLength(1);
  expect((await db.productVariant.findFirstOrThrow({ where: { sku: big.sku } })).stock).toBe(stockBefore - 1);

  // Stripe's checkout.session.completed webhook arrives and is processed; it changes nothing more.
  await expect
    .poll(
      async () =>
        db.webhookEvent.count({
          where: { type: 'checkout.session.completed', processedAt: { not: null }, payload: { path: ['data', 'object', 'id'], equals: order.checkoutSessionId! } },
        }),
      { timeout: 30_000, message: 'the checkout.session.completed webhook processed' },
    )
    .toBe(1);
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } })).events.filter((e) => e.type === 'paid')).toHaveLength(1);

  // The confirmation email, once, in the store's name with the tracking link.
  await expect.poll(async () => (await confirmationEmails()).length, { timeout: 30_000, message: 'the order confirmation email' }).toBe(1);
  const [email] = await confirmationEmails();
  expect(email!.subject).toBe(`Alpha Teas: order #${number} confirmed`);
  expect(email!.text).toContain(trackingPath);

  // Another store's host does not know this order.
  const elsewhere = await page.goto(storeUrl('beta', trackingPath));
  expect(elsewhere!.status()).toBe(404);

  // The store's owner finds the order in the admin and marks it shipped with its tracking number.
  const admin = await (await browser.newContext()).newPage();
  await admin.goto('/login');
  await admin.getByLabel('Email').fill(OWNER.email);
  await admin.getByLabel('Password').fill(OWNER.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin).toHaveURL(/\/admin/, { timeout: 20_000 });
  await admin.goto(`/admin/orders?q=${encodeURIComponent(BUYER.email)}`);
  await admin.getByTestId('orders-table').getByRole('link', { name: `#${number}` }).click();
  const ship = admin.getByTestId('ship-form');
  await ship.getByLabel('Carrier').fill('UPS');
  await ship.getByLabel('Tracking number').fill('1Z999AA10123456784');
  await ship.getByRole('button', { name: 'Mark shipped' }).click();
  await ship.getByRole('button', { name: 'Yes, go ahead' }).click();
  await expect(admin.getByTestId('order-tracking')).toContainText('UPS · 1Z999AA10123456784');
  await admin.context().close();

  // The buyer's tracking page shows the shipment, and the shipped email arrives.
  await page.goto(storeUrl('alpha', trackingPath));
  await expect(page.getByTestId('tracking-status')).toHaveText('Shipped');
  await expect(page.getByTestId('carrier')).toHaveText('UPS');
  await expect(page.getByTestId('tracking-number')).toHaveText('1Z999AA10123456784');
  await expect
    .poll(async () => (await emails()).filter((m) => m.subject === `Alpha Teas: order #${number} has shipped`).length, { timeout: 30_000, message: 'the shipped email' })
    .toBe(1);
});
