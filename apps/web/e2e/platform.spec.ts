import { expect, test, type Page } from '@playwright/test';
import { storeUrl } from './constants.ts';
import { OWNER, SUPER_ADMIN } from './seed.ts';
import { signInStaff } from './staff-sign-in.ts';

async function signIn(page: Page, who: { email: string; password: string }) {
  if (who === SUPER_ADMIN) return signInStaff(page); // staff sign in with 2FA
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

test.describe('platform stores', () => {
  test('a store owner cannot open the platform pages', async ({ page }) => {
    await signIn(page, OWNER);
    const response = await page.goto('/platform/tenants');
    expect(response?.status()).toBe(404);
  });

  test('staff suspend a store with a reason (403 on its host at once) and reactivate it', async ({ page }) => {
    await signIn(page, SUPER_ADMIN);
    await page.goto('/platform/tenants');
    await expect(page.getByRole('row', { name: /Beta Lamps/ })).toContainText('active');

    await page.getByLabel('Reason for Beta Lamps').fill('Chargeback investigation');
    await page.getByRole('row', { name: /Beta Lamps/ }).getByRole('button', { name: 'Suspend' }).click();
    await expect(page.getByRole('row', { name: /Beta Lamps/ })).toContainText('Chargeback investigation');
    const suspended = await page.goto(storeUrl('beta'));
    expect(suspended?.status()).toBe(403);

    await page.goto('/platform/tenants');
    await page.getByRole('row', { name: /Beta Lamps/ }).getByRole('button', { name: 'Reactivate' }).click();
    await expect(page.getByRole('row', { name: /Beta Lamps/ }).getByRole('button', { name: 'Suspend' })).toBeVisible();
    const reopened = await page.goto(storeUrl('beta'));
    expect(reopened?.status()).toBe(200);
    await expect(page.getByTestId('product-list')).toContainText('Beta Desk Lamp');
  });
});
