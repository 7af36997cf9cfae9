import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createPrismaClient, type PrismaClient } from '@vitrine/db';
import { STATE_FILE } from './constants.ts';
import { BILLING_OWNER } from './seed.ts';

/**
 * Platform billing (issue 7) as Kappa Prints' owner sees it: they pick a paid plan on /admin/billing, the Stripe
 * sandbox charges the renewal (its control routes stand in for time passing), its signed events reach
 * /api/webhooks/stripe and the worker applies them; a renewal with a declined card then shows the past-due banner.
 */
const state = () => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { ownerUrl: string; stripeSandboxUrl: string };
let db: PrismaClient;

test.beforeAll(() => {
  db = createPrismaClient(state().ownerUrl, { maxConnections: 1 });
});
test.afterAll(async () => {
  await db?.$disconnect();
});

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(BILLING_OWNER.email);
  await page.getByLabel('Password').fill(BILLING_OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
}

async function advance(subscriptionId: string, card: string) {
  const response = await fetch(`${state().stripeSandboxUrl}/_sandbox/subscriptions/${subscriptionId}/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Reloads the billing page until the subscription shows `status` (the webhook and the worker take a moment). */
async function expectStatus(page: Page, status: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('subscription-status')).toHaveAttribute('data-status', status, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

test('the owner subscribes to a paid plan, pays the renewal, and a failed renewal shows the past-due banner', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto('/admin/billing');
  await expect(page.getByTestId('subscription-status')).toHaveAttribute('data-status', 'none');

  await page.getByTestId('plan-choice-vitrine_basic_monthly').getByRole('button', { name: 'Choose Basic (monthly)' }).click();
  await expect(page.getByTestId('subscription-status')).toHaveAttribute('data-status', 'trialing', { timeout: 20_000 });
  await expect(page.getByTestId('subscription-status')).toContainText('Trial: ends on');
  await expect(page.getByRole('heading', { name: 'Your plan: Basic' })).toBeVisible();
  await expect(page.getByTestId('plan-choice-vitrine_basic_monthly')).toContainText('Current plan');

  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: 'kappa' }, select: { id: true } });
  const row = await db.tenantSubscription.findUniqueOrThrow({ where: { tenantId: tenant.id } });

  // The trial ends and the card pays: active.
  await advance(row.stripeSubscriptionId!, '4242424242424242');
  await expectStatus(page, 'active');
  await expect(page.getByTestId('subscription-status')).toContainText('Active: renews on');
  await expect(page.getByTestId('invoice-row').first()).toHaveAttribute('data-status', 'paid');
  await expect(page.getByTestId('billing-past-due-banner')).toHaveCount(0);

  // The next renewal is declined: past due, with the banner on every admin page. The layout's banner and the
  // page read the store separately, so one reload can land between them and the worker: wait for both.
  await advance(row.stripeSubscriptionId!, '4000000000000002');
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('billing-past-due-banner')).toBeVisible({ timeout: 1_000 });
    await expect(page.getByTestId('billing-past-due')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('billing-past-due-banner')).toContainText('The payment for your plan failed');
  await page.goto('/admin');
  await expect(page.getByTestId('billing-past-due-banner')).toBeVisible();
  // In Portuguese.
  await page.context().addCookies([{ name: 'vitrine_locale', value: 'pt-BR', url: page.url() }]);
  await page.goto('/admin/billing');
  await expect(page.getByTestId('billing-past-due-banner')).toContainText('O pagamento do seu plano falhou');
  await expect(page.getByTestId('billing-past-due')).toContainText('Pagamento atrasado');
  // The owners were told by email.
  const emails = await db.outboxJob.findMany({ where: { queue: 'email', tenantId: tenant.id, payload: { path: ['kind'], equals: 'billing.past_due' } } });
  expect(emails.map((e) => (e.payload as { to: string }).to)).toEqual([BILLING_OWNER.email]);
});
