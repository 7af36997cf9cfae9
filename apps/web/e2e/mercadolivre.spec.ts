import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createPrismaClient } from '@vitrine/db';
import { STATE_FILE } from './constants.ts';
import { OWNER } from './seed.ts';

/**
 * The Mercado Livre admin pages against the sandbox: a seller who cancels on ML's consent page, a seller
 * who connects, then orders, questions and the answer queue over rows as the sync writes them.
 */
const state = () => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { ownerUrl: string; mlSandboxUrl: string };
const SELLER = 'E2E_LOJA';

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The first sign-in of a run also warms the server up (argon2, connections).
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
}

async function openConsent(page: Page) {
  await page.goto('/admin/mercadolivre');
  await page.getByRole('button', { name: 'Connect a Mercado Livre account' }).click();
  await expect(page.getByTestId('ml-authorize')).toBeVisible();
  await page.getByTestId('ml-seller').selectOption(SELLER);
}

test.describe.configure({ mode: 'serial' });

test.describe('mercado livre', () => {
  test.beforeAll(async () => {
    const response = await fetch(`${state().mlSandboxUrl}/__sandbox/sellers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: SELLER, items: 3, orders: 4, questions: 3, seed: 11 }),
    });
    expect(response.status).toBe(201);
  });

  test('a seller who cancels on Mercado Livre comes back to a readable message', async ({ page }) => {
    await signIn(page);
    await openConsent(page);
    await page.getByTestId('ml-deny').click();
    await expect(page).toHaveURL(/\/admin\/mercadolivre\?error=/);
    await expect(page.locator('.v-alert')).toHaveText('You cancelled the authorization on Mercado Livre, so no account was connected.');
  });

  test('a seller connects through the consent page and the account shows as active with its first syncs', async ({ page }) => {
    await signIn(page);
    await openConsent(page);
    await page.getByTestId('ml-authorize').click();
    await expect(page).toHaveURL(new RegExp(`/admin/mercadolivre\\?connected=${SELLER}$`));
    await expect(page.getByTestId('ml-connected')).toContainText(`Connected ${SELLER}`);
    const account = page.getByTestId(`ml-account-${SELLER}`);
    await expect(account.getByTestId('ml-account-status')).toHaveText('Active');
    await expect(account.getByTestId('ml-run-ORDERS')).toBeVisible();
    // The free plan holds one account: a second connection is refused with the plan's sentence.
    await page.getByRole('button', { name: 'Connect a Mercado Livre account' }).click();
    await expect(page.locator('.v-alert').filter({ hasText: 'plan allows 1' })).toBeVisible();
  });

  test('orders, an order, questions and the answer queue', async ({ page }) => {
    const db = createPrismaClient(state().ownerUrl, { maxConnections: 1 });
    try {
      const account = await db.mlAccount.findFirstOrThrow({ where: { nickname: SELLER } });
      const { tenantId, id: accountId } = account;
      await db.mlItem.upsert({
        where: { tenantId_accountId_mlItemId: { tenantId, accountId, mlItemId: 'MLB900001' } },
        update: {},
        create: { tenantId, accountId, mlItemId: 'MLB900001', title: 'E2E Garrafa Térmica', priceMinor: 8990n, currency: 'BRL', availableQuantity: 3, status: 'active' },
      });
      const order = await db.mlOrder.create({
        data: {
          tenantId, accountId, mlOrderId: 9_100_000_001n, status: 'paid', buyerId: 77_001n, buyerNickname: 'E2E_BUYER', totalMinor: 17_980n, currency: 'BRL',
          dateCreated: new Date(), items: { create: [{ mlItemId: 'MLB900001', title: 'E2E Garrafa Térmica', quantity: 2, unitPriceMinor: 8990n, currency: 'BRL' }] },
        },
      });
      await db.mlQuestion.create({
        data: { tenantId, accountId, mlQuestionId: 9_200_000_001n, mlItemId: 'MLB900001', buyerId: 77_001n, text: 'E2E: keeps it cold for how long?', status: 'UNANSWERED', dateCreated: new Date(Date.now() - 86_400_000 * 3650) },
      });

      await signIn(page);
      await page.goto('/admin/mercadolivre/orders?q=E2E_BUYER');
      const orders = page.getByTestId('ml-orders');
      await expect(orders).toContainText('#9100000001');
      await expect(orders).toContainText('2 × E2E Garrafa Térmica');
      await orders.getByRole('link', { name: '#9100000001' }).click();
      await expect(page).toHaveURL(new RegExp(`/admin/mercadolivre/orders/${order.id}$`));
      await expect(page.getByTestId('ml-order-items')).toContainText('E2E Garrafa Térmica');

      await page.goto('/admin/mercadolivre/questions?q=keeps');
      await expect(page.getByTestId('ml-questions')).toContainText('E2E Garrafa Térmica');

      // The oldest unanswered question comes first in the queue.
      await page.goto('/admin/mercadolivre/questions/queue');
      await expect(page.getByTestId('ml-queue-question')).toHaveText('E2E: keeps it cold for how long?');
      await expect(page.getByTestId('ml-queue-item')).toContainText('E2E Garrafa Térmica');
      await page.getByLabel('Your answer').fill('Twelve hours.');
      await page.getByRole('button', { name: 'Send answer' }).click();
      await expect(page.getByTestId('ml-answer-outcome')).toContainText(/Sending to Mercado Livre|Sent/);
      const answers = await db.mlAnswer.findMany({ where: { tenantId, mlQuestionId: 9_200_000_001n } });
      expect(answers.map((a) => a.text)).toEqual(['Twelve hours.']);
    } finally {
      await db.$disconnect();
    }
  });

  test('the failed notifications page lists none yet', async ({ page }) => {
    await signIn(page);
    await page.goto('/admin/mercadolivre/dead-letters');
    await expect(page.getByText('No failed notifications')).toBeVisible();
  });
});
