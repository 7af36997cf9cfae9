import { expect, test } from '@playwright/test';
import { storeUrl } from './constants.ts';
import { OWNER } from './seed.ts';

test.describe('admin', () => {
  test('the admin requires signing in', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login/);
  });

  test('a wrong password gets a clear message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.v-alert')).toHaveText('That email and password do not match an account.');
  });

  test('the owner signs in, sees the products, adds one and finds it on the store', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    const table = page.getByTestId('admin-products');
    await expect(table).toContainText('Alpha Green Tea');
    await expect(table).not.toContainText('Beta Desk Lamp');

    await page.getByLabel('Title').fill('Alpha Oolong');
    await page.getByLabel('SKU').fill('ALPHA-OOLONG');
    await page.getByLabel(/^Price/).fill('19.90');
    await page.getByLabel('Stock').fill('7');
    await page.getByRole('button', { name: 'Add product' }).click();
    await expect(table).toContainText('Alpha Oolong');
    await expect(table).toContainText('$19.90');

    await page.getByLabel('Search').fill('oolong');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(table.locator('tbody tr')).toHaveCount(1);

    await page.goto(storeUrl('alpha'));
    await expect(page.getByTestId('product-list')).toContainText('Alpha Oolong');
    await page.goto(storeUrl('beta'));
    await expect(page.locator('body')).not.toContainText('Alpha Oolong');

    // Unpublishing goes through the tRPC client (TanStack Query) and takes it off the store.
    await page.goto('/admin?q=oolong');
    await page.getByRole('button', { name: 'Unpublish Alpha Oolong' }).click();
    await expect(page.getByTestId('admin-products')).toContainText('draft');
    await page.goto(storeUrl('alpha'));
    await expect(page.getByTestId('product-list')).toContainText('Alpha Green Tea');
    await expect(page.getByTestId('product-list')).not.toContainText('Alpha Oolong');
  });

  test('signing out revokes the session', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    const cookies = await page.context().cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    // The old session cookie no longer opens the admin: its session row is gone.
    await page.context().addCookies(cookies);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login/);
  });
});
