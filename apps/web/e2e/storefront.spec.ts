import { expect, test } from '@playwright/test';
import { BASE, storeUrl } from './constants.ts';

test.describe('storefront by host', () => {
  test("alpha's host shows alpha's products and never beta's", async ({ page }) => {
    const response = await page.goto(storeUrl('alpha'));
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId('store-name')).toHaveText('Alpha Teas');
    const list = page.getByTestId('product-list');
    await expect(list).toContainText('Alpha Green Tea');
    await expect(list).toContainText('$12.50');
    await expect(list).toContainText('Alpha Teapot');
    await expect(list).toContainText('Out of stock');
    await expect(page.locator('body')).not.toContainText('Beta');
  });

  test("beta's host shows beta's products and never alpha's", async ({ page }) => {
    await page.goto(storeUrl('beta'));
    await expect(page.getByTestId('store-name')).toHaveText('Beta Lamps');
    await expect(page.getByTestId('product-list')).toContainText('Beta Desk Lamp');
    await expect(page.getByTestId('product-list')).toContainText('$89.00');
    await expect(page.locator('body')).not.toContainText('Alpha');
  });

  test('a product page by slug, and another store’s slug is not found there', async ({ page }) => {
    await page.goto(storeUrl('alpha'));
    await page.getByRole('link', { name: 'Alpha Green Tea' }).click();
    await expect(page.getByTestId('product-title')).toHaveText('Alpha Green Tea');
    const other = await page.goto(storeUrl('alpha', '/products/beta-desk-lamp'));
    expect(other?.status()).toBe(404);
    await expect(page.locator('body')).not.toContainText('Beta Desk Lamp');
  });

  test('an unknown host answers 404 and a suspended store 403', async ({ page }) => {
    const unknown = await page.goto(storeUrl('nobody-here'));
    expect(unknown?.status()).toBe(404);
    await expect(page.getByTestId('store-message-title')).toHaveText('Store not found');
    const suspended = await page.goto(storeUrl('gamma'));
    expect(suspended?.status()).toBe(403);
    await expect(page.locator('body')).toContainText('This store is suspended.');
    await expect(page.locator('body')).not.toContainText('Gamma Thing');
  });

  test('a cancelled store answers 410 and an unpaid one 402, each with a clear sentence and no products', async ({ page }) => {
    const cancelled = await page.goto(storeUrl('omega'));
    expect(cancelled?.status()).toBe(410);
    await expect(page.getByTestId('store-message-title')).toHaveText('Store closed');
    await expect(page.locator('body')).toContainText('This store has closed.');
    await expect(page.locator('body')).not.toContainText('Omega Relic');

    const unpaid = await page.goto(storeUrl('sigma', '/products/sigma-gadget'));
    expect(unpaid?.status()).toBe(402);
    await expect(page.locator('body')).toContainText('This store is unavailable until its subscription is paid.');
    await expect(page.locator('body')).not.toContainText('Sigma Gadget');
  });

  test('a store page cannot post to the admin API with the admin cookies (Origin checked)', async ({ request }) => {
    const response = await request.post('/api/trpc/tenant.create', {
      headers: { origin: storeUrl('alpha').replace(/\/$/, ''), cookie: 'vitrine_tenant=x', 'content-type': 'application/json' },
      data: { name: 'Sneaky', slug: 'sneaky' },
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('came from another site');
    const sameOrigin = await request.post('/api/trpc/tenant.create', {
      headers: { origin: BASE, cookie: 'vitrine_tenant=x', 'content-type': 'application/json' },
      data: { name: 'Sneaky', slug: 'sneaky' },
    });
    expect(sameOrigin.status()).toBe(401);
  });

  test('internal store paths are not reachable on the platform host', async ({ request }) => {
    const response = await request.get('/store/alpha.localhost');
    expect(response.status()).toBe(404);
  });
});
