import { readFileSync } from 'node:fs';
import { hash } from '@node-rs/argon2';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createPrismaClient, type PrismaClient } from '@vitrine/db';
import { STATE_FILE } from './constants.ts';
import { OWNER, SELLER } from './seed.ts';
import { ALPHA_BUYERS } from './seed-orders.ts';

/**
 * Running orders in the admin (issue 4): alpha's owner lists the orders seeded through the real checkout, filters
 * them, opens the paid one, marks it shipped with a tracking number (a missing carrier is refused beside the
 * field), sees it on the timeline, downloads the packing slip as a PDF (another store's owner gets a 404), creates a
 * coupon and sees a bad one refused beside the field. A STAFF member without the orders permission has no Orders
 * link, and the page and the packing slip refuse him.
 */
const state = () => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { ownerUrl: string };
const CLERK = { email: `clerk-${Date.now()}@alpha.test`, password: 'alpha-clerk-password-1' };

let db: PrismaClient;
let paidOrderPath = '';

test.describe.configure({ mode: 'serial' });

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin/, { timeout: 20_000 });
  return page;
}

test.beforeAll(async () => {
  db = createPrismaClient(state().ownerUrl, { maxConnections: 1 });
  const alpha = await db.tenant.findUniqueOrThrow({ where: { slug: 'alpha' } });
  const clerk = await db.user.create({ data: { email: CLERK.email, name: 'Alpha Clerk', passwordHash: await hash(CLERK.password) } });
  await db.membership.create({ data: { tenantId: alpha.id, userId: clerk.id, role: 'STAFF', permissions: ['catalog'] } });
});
test.afterAll(async () => {
  await db?.$disconnect();
});

test('the owner lists and filters the orders', async ({ browser }) => {
  const page = await signedIn(browser, OWNER);
  await page.getByRole('link', { name: 'Orders', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/orders$/);
  const table = page.getByTestId('orders-table');
  await expect(table).toContainText(ALPHA_BUYERS.paid.email);
  await expect(table).toContainText(ALPHA_BUYERS.unpaid.email);
  await expect(table.getByRole('row', { name: new RegExp(ALPHA_BUYERS.paid.name) })).toContainText('Paid');
  await expect(table.getByRole('row', { name: new RegExp(ALPHA_BUYERS.unpaid.name) })).toContainText('Awaiting payment');

  await page.getByLabel('Status').selectOption('PAID');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=PAID/);
  await expect(table).toContainText(ALPHA_BUYERS.paid.email);
  await expect(table).not.toContainText(ALPHA_BUYERS.unpaid.email);

  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Buyer or order number').fill('davi');
  await page.getByLabel('Total up to (USD)').fill('20');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(table).toContainText(ALPHA_BUYERS.unpaid.email);
  await expect(table).not.toContainText(ALPHA_BUYERS.paid.email);

  await page.getByLabel('Buyer or order number').fill('');
  await page.getByLabel('Total up to (USD)').fill('20');
  await page.getByLabel('Total from (USD)').fill('25');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The lowest total must not be above the highest' })).toBeVisible();
});

test('the owner ships the paid order with a tracking number and sees it on the timeline', async ({ browser }) => {
  const page = await signedIn(browser, OWNER);
  await page.goto(`/admin/orders?q=${encodeURIComponent(ALPHA_BUYERS.paid.email)}`);
  await page.getByTestId('orders-table').getByRole('link', { name: /^#\d+$/ }).click();
  await expect(page).toHaveURL(/\/admin\/orders\/[^/]+$/);
  paidOrderPath = new URL(page.url()).pathname;
  await expect(page.getByTestId('order-items')).toContainText('ALPHA-ALPHA-GREEN-TEA');
  await expect(page.getByTestId('order-address')).toContainText('500 Market Street');
  await expect(page.getByTestId('order-totals')).toContainText('$30.00');

  const ship = page.getByTestId('ship-form');
  await ship.getByLabel('Tracking number').fill('1Z999AA10123456784');
  await ship.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(ship.getByRole('alertdialog')).toContainText('Mark this order as shipped with this tracking number?');
  await ship.getByRole('button', { name: 'Yes, go ahead' }).click();
  await expect(page.locator('#ship-carrier-error')).toHaveText('Name the carrier');
  await expect(ship.getByLabel('Tracking number')).toHaveValue('1Z999AA10123456784');

  await ship.getByLabel('Carrier').fill('UPS');
  await ship.getByRole('button', { name: 'Mark shipped' }).click();
  await ship.getByRole('button', { name: 'Yes, go ahead' }).click();
  await expect(page.getByTestId('order-tracking')).toContainText('UPS · 1Z999AA10123456784');
  await expect(page.getByTestId('order-timeline')).toContainText('Marked shipped');
  await expect(page.getByTestId('order-timeline')).toContainText('UPS 1Z999AA10123456784');
  await expect(page.getByTestId('deliver-form')).toBeVisible();
  await expect(page.getByTestId('ship-form')).toHaveCount(0);
});

test('the owner downloads the packing slip as a PDF; another store gets a 404', async ({ browser }) => {
  expect(paidOrderPath).not.toBe('');
  const page = await signedIn(browser, OWNER);
  await page.goto(paidOrderPath);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('packing-slip').click()]);
  expect(download.suggestedFilename()).toMatch(/^packing-slip-\d+\.pdf$/);
  const response = await page.request.get(`${paidOrderPath}/packing-slip`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const seller = await signedIn(browser, SELLER);
  expect((await seller.request.get(`${paidOrderPath}/packing-slip`)).status()).toBe(404);
  await seller.goto(paidOrderPath);
  await expect(seller.getByTestId('page-refused')).toHaveText('There is no such order in this store.');
});

test('the owner creates a coupon and sees a bad one refused beside the field', async ({ browser }) => {
  const page = await signedIn(browser, OWNER);
  await page.goto('/admin/coupons');
  await page.getByLabel('Code').fill('spring15');
  await page.getByLabel('Discount (%)').fill('15');
  await page.getByLabel('Uses per buyer').fill('1');
  await page.getByRole('button', { name: 'Create a coupon' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The coupon was created.' })).toBeVisible();
  const row = page.getByTestId('coupons-table').getByRole('row', { name: /SPRING15/ });
  await expect(row).toContainText('15%');
  await expect(row).toContainText('On');

  await page.getByLabel('Code').fill('HALFPCT');
  await page.getByLabel('Discount (%)').fill('0.5');
  await page.getByRole('button', { name: 'Create a coupon' }).click();
  await expect(page.locator('#coupon-value-error')).toHaveText('A percentage discount must be between 1% and 100% (100 to 10000 basis points)');
  await expect(page.getByLabel('Code')).toHaveValue('HALFPCT');
  await expect(page.getByTestId('coupons-table')).not.toContainText('HALFPCT');
});

test('the owner keeps shipping as it is after an overlapping band is refused beside its field', async ({ browser }) => {
  const page = await signedIn(browser, OWNER);
  await page.getByRole('link', { name: 'Shipping', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/shipping$/);
  await expect(page.locator('#field-band0Name')).toHaveValue('Standard');
  await expect(page.locator('#field-band0Price')).toHaveValue('5.00');
  await expect(page.getByLabel('Offer local pickup')).toBeChecked();
  await expect(page.locator('#field-pickupName')).toHaveValue('Alpha tea room, weekdays 9–17');

  await page.locator('#field-band1Name').fill('Heavy');
  await page.locator('#field-band1From').fill('0');
  await page.locator('#field-band1Price').fill('9.00');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#field-band1From-error')).toHaveText('This band overlaps "Standard"');

  for (const column of ['Name', 'From', 'Price']) await page.locator(`#field-band1${column}`).fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.locator('#field-band0Name')).toHaveValue('Standard');
  await expect(page.locator('#field-band1Name')).toHaveValue('');
});

test('the owner adds a tax rule, sees a rate above 100 % refused beside the field, and deletes the rule', async ({ browser }) => {
  const page = await signedIn(browser, OWNER);
  await page.goto('/admin/settings/tax');
  await page.getByLabel('Tax name').fill('IVA');
  await page.getByLabel('Country (2 letters)').fill('pt');
  await page.getByLabel('Rate (%)').fill('23');
  await page.getByLabel('Also on shipping').check();
  await page.getByRole('button', { name: 'Add a rule' }).click();
  const row = page.getByTestId('tax-rules').getByRole('row', { name: /IVA/ });
  await expect(row).toContainText('PT · Whole country');
  await expect(row).toContainText('23%');
  await expect(row).toContainText('Yes');

  await page.getByLabel('Tax name').fill('Too much');
  await page.getByLabel('Country (2 letters)').fill('ES');
  await page.getByLabel('Rate (%)').fill('150');
  await page.getByRole('button', { name: 'Add a rule' }).click();
  await expect(page.locator('#tax-rate-error')).toHaveText('A tax rate cannot be above 100%');

  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('button', { name: 'Yes, go ahead' }).click();
  await expect(page.getByRole('cell', { name: 'IVA', exact: true })).toHaveCount(0);
});

test('the orders pages speak Portuguese to an admin who chose it', async ({ browser }) => {
  const page = await signedIn(browser, OWNER);
  await page.context().addCookies([{ name: 'vitrine_locale', value: 'pt-BR', url: page.url() }]);
  await page.goto(`/admin/orders?q=${encodeURIComponent(ALPHA_BUYERS.unpaid.email)}`);
  await expect(page.getByRole('heading', { name: 'Pedidos', level: 1 })).toBeVisible();
  await expect(page.getByTestId('orders-table')).toContainText('Aguardando pagamento');
  await page.getByTestId('orders-table').getByRole('link', { name: /^#\d+$/ }).click();
  await expect(page.getByRole('heading', { name: 'Histórico' })).toBeVisible();
  await expect(page.getByTestId('cancel-form').getByRole('button', { name: 'Cancelar o pedido' })).toBeVisible();
});

test('a STAFF member without the orders permission has no Orders link, and the page and the slip refuse him', async ({ browser }) => {
  const page = await signedIn(browser, CLERK);
  await page.goto('/admin/coupons');
  await expect(page.getByTestId('coupons-table')).toContainText('SPRING15');
  await expect(page.getByRole('link', { name: 'Orders', exact: true })).toHaveCount(0);
  await page.goto('/admin/orders');
  await expect(page.getByTestId('page-refused')).toHaveText('Your role in this store does not include orders. Ask an owner or admin to add it.');
  await expect(page.getByTestId('orders-table')).toHaveCount(0);
  expect((await page.request.get(`${paidOrderPath}/packing-slip`)).status()).toBe(403);
});
