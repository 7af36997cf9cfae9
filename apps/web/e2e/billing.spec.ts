import { expect, test, type Page } from '@playwright/test';
import { SELLER } from './seed.ts';

/**
 * Plans and limits (issue 7) as a store owner sees them: Beta Lamps is on Free (one product of 100, its owner
 * alone in the team: the one seat is taken). The page reads plans and usage from the database; nothing is
 * hard-coded in it.
 */
async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(SELLER.email);
  await page.getByLabel('Password').fill(SELLER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
}

test.describe('plan and limits', () => {
  test('the owner sees a meter per limit, the limit reached with the plan that lifts it, and the plans to compare', async ({ page }) => {
    await signIn(page);
    await page.goto('/admin/billing');
    await expect(page.getByRole('heading', { name: 'Your plan: Free' })).toBeVisible();

    const products = page.getByTestId('usage-products');
    await expect(products).toContainText('1 of 100 (1%)');
    await expect(products).toHaveAttribute('data-reached', 'false');
    await expect(products.locator('meter')).toHaveAttribute('max', '100');

    const team = page.getByTestId('usage-staffUsers');
    await expect(team).toHaveAttribute('data-reached', 'true');
    await expect(team).toContainText('Limit reached');
    await expect(page.getByTestId('usage-staffUsers-upgrade')).toHaveText('New ones are refused until you free some or upgrade to Basic (3).');
    await expect(page.getByTestId('limits-reached')).toContainText('Your store has reached');
    await expect(page.getByTestId('usage-storageMb')).toContainText('of 500 MB');

    const comparison = page.getByTestId('plan-comparison');
    for (const code of ['free', 'basic', 'pro', 'enterprise']) await expect(comparison.getByTestId(`plan-column-${code}`)).toBeVisible();
    await expect(comparison.getByTestId('plan-column-free')).toContainText('Current plan');
    await expect(comparison.getByTestId('plan-column-e2e-alpha')).toHaveCount(0);
    await expect(comparison.getByRole('row', { name: /^Mercado Livre accounts/ })).toHaveText(/1\s*3\s*10\s*Unlimited/);

    // The action the page warns about is refused with the plan's sentence and data.limit (403), from the admin's own context.
    const refusal = await page.evaluate(async () => {
      const response = await fetch('/api/trpc/team.invite', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { email: 'helper@beta.test', role: 'STAFF', permissions: ['catalog'] } }),
      });
      const body = (await response.json()) as { error: { json: { message: string; data: { limit?: unknown } } } };
      return { status: response.status, message: body.error.json.message, limit: body.error.json.data.limit };
    });
    expect(refusal).toEqual({
      status: 403,
      message: 'Your Free plan allows 1 team member (pending invitations included). Upgrade to Basic to have up to 3.',
      limit: { key: 'staffUsers', limit: 1, used: 1, adding: 1, plan: 'free', upgradeTo: 'basic' },
    });

    // In Portuguese.
    await page.context().addCookies([{ name: 'vitrine_locale', value: 'pt-BR', url: page.url() }]);
    await page.goto('/admin/billing');
    await expect(page.getByRole('heading', { name: 'Seu plano: Free' })).toBeVisible();
    await expect(page.getByTestId('usage-staffUsers')).toContainText('Limite atingido');
    await expect(page.getByTestId('usage-products')).toContainText('1 de 100');
  });
});
