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

  test('the first sync fills orders and questions; a new question arrives by notification and is answered once', async ({ page }) => {
    // A real sync, a notification and an answer, each through the worker.
    test.setTimeout(120_000);
    const sandbox = state().mlSandboxUrl;
    const sellers = (await (await fetch(`${sandbox}/__sandbox/sellers`)).json()) as { id: number; nickname: string }[];
    const sellerId = sellers.find((s) => s.nickname === SELLER)!.id;
    const counts = (await (await fetch(`${sandbox}/__sandbox/counts/${sellerId}`)).json()) as { orders: number; questions: number };

    // The worker runs the backfills queued at connection; the progress bars poll until they end.
    await signIn(page);
    await page.goto('/admin/mercadolivre');
    const account = page.getByTestId(`ml-account-${SELLER}`);
    for (const resource of ['ITEMS', 'ORDERS', 'QUESTIONS']) {
      await expect(account.getByTestId(`ml-run-${resource}`)).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 60_000 });
    }
    await page.goto('/admin/mercadolivre/orders');
    const orders = page.getByTestId('ml-orders');
    await expect(orders.locator('tbody tr')).toHaveCount(counts.orders);
    await orders.locator('tbody tr').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/admin\/mercadolivre\/orders\/[^/?]+$/);
    await expect(page.getByTestId('ml-order-items')).toBeVisible();

    // A buyer asks on Mercado Livre: the sandbox notifies our webhook, the worker reads the question.
    const text = `E2E: keeps it cold for how long? ${Date.now()}`;
    const asked = await fetch(`${sandbox}/__sandbox/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sellerId, text }),
    });
    expect(asked.status).toBe(201);
    const questionId = String(((await asked.json()) as { id: number }).id);
    await expect
      .poll(async () => {
        await page.goto(`/admin/mercadolivre/questions?q=${encodeURIComponent('keeps it cold')}`);
        // main is always there; the table only once the question has arrived (a locator would wait for it).
        return (await page.locator('main').textContent()) ?? '';
      }, { timeout: 30_000 })
      .toContain(text);

    // Answered from the queue: the worker posts it to ML once and the page shows it sent.
    const db = createPrismaClient(state().ownerUrl, { maxConnections: 1 });
    try {
      const question = await db.mlQuestion.findFirstOrThrow({ where: { mlQuestionId: BigInt(questionId) } });
      await page.goto(`/admin/mercadolivre/questions/queue?start=${question.id}`);
      await expect(page.getByTestId('ml-queue-question')).toHaveText(text);
      await page.getByLabel('Your answer').fill('Twelve hours, and cold drinks stay cold all day.');
      await page.getByRole('button', { name: 'Send answer' }).click();
      await expect(page.getByTestId('ml-answer-outcome')).toHaveText('Sent', { timeout: 30_000 });
      const answers = await db.mlAnswer.findMany({ where: { mlQuestionId: BigInt(questionId) } });
      expect(answers.map((a) => [a.text, a.status])).toEqual([['Twelve hours, and cold drinks stay cold all day.', 'SENT']]);
      const stats = (await (await fetch(`${sandbox}/__sandbox/stats`)).json()) as { calls: Record<string, number> };
      expect(stats.calls['POST /answers']).toBe(1);
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
