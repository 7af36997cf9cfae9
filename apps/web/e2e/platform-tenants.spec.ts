import { expect, test } from '@playwright/test';
import { signInStaff } from './staff-sign-in.ts';

test.describe('platform stores: detail, trial and impersonation', () => {
  test('staff filter the stores, extend alpha’s trial, enter its admin read-only, are refused a save, leave; all audited', async ({ page }) => {
    test.setTimeout(150_000);
    await signInStaff(page);

    await test.step('filter the stores by status and plan', async () => {
      await page.goto('/platform/tenants');
      await page.getByLabel('Status', { exact: true }).selectOption('ACTIVE');
      await page.getByLabel('Plan', { exact: true }).selectOption({ label: 'Alpha Custom' });
      await page.getByRole('button', { name: 'Filter' }).click();
      await expect(page).toHaveURL(/status=ACTIVE/);
      await expect(page.getByRole('row', { name: /Alpha Teas/ })).toBeVisible();
      await expect(page.getByRole('row', { name: /Beta Lamps/ })).toHaveCount(0);
      await page.getByRole('link', { name: 'Alpha Teas' }).click();
    });

    await test.step('alpha’s detail: plan, members, usage', async () => {
      await expect(page.getByRole('heading', { name: 'Alpha Teas', level: 1 })).toBeVisible();
      await expect(page.getByTestId('tenant-overview')).toContainText('Alpha Custom');
      await expect(page.getByRole('region', { name: 'Members' })).toContainText('owner@alpha.test');
      await expect(page.getByRole('region', { name: 'Usage' })).toContainText('Products');
      await expect(page.getByTestId('trial-ends')).toHaveText('No trial');
    });

    await test.step('extend the trial: the reason is required, then it is saved', async () => {
      const trial = page.getByRole('region', { name: 'Extend trial' });
      await trial.getByLabel('Days').fill('10');
      await trial.getByRole('button', { name: 'Extend trial' }).click();
      await expect(trial.getByText(/Say why the trial is extended/)).toBeVisible();
      await trial.getByLabel('Reason').fill('Onboarding call moved to next week');
      await trial.getByRole('button', { name: 'Extend trial' }).click();
      await expect(trial.getByText('The trial was extended.')).toBeVisible();
      await page.reload();
      await expect(page.getByTestId('trial-ends')).not.toHaveText('No trial');
    });

    await test.step('enter alpha’s admin read-only for 15 minutes', async () => {
      const enter = page.getByRole('region', { name: 'Enter the store’s admin' });
      await enter.getByLabel('Reason').fill('Owner reports missing products');
      await enter.getByLabel('Access').selectOption('READ_ONLY');
      await enter.getByLabel('Minutes (15–60)').fill('15');
      await enter.getByRole('button', { name: 'Enter admin' }).click();
      await expect(page).toHaveURL(/\/admin$/);
      await page.goto('/admin/products');
      await expect(page.getByTestId('impersonation-banner')).toContainText(/You are viewing Alpha Teas as platform staff \(read-only, ends at \d\d:\d\d UTC\)/);
      await expect(page.getByTestId('admin-products')).toContainText('Alpha Green Tea');
    });

    await test.step('a save is refused with a sentence', async () => {
      await page.getByRole('link', { name: 'Edit Alpha Green Tea' }).click();
      await expect(page).toHaveURL(/\/admin\/products\/[^/]+$/);
      await page.getByRole('button', { name: 'Save product' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'read-only as platform staff' })).toBeVisible();
    });

    await test.step('leave: back on alpha’s platform page, the session and the actions are in the audit logs', async () => {
      await page.getByTestId('impersonation-banner').getByRole('button', { name: 'Leave' }).click();
      await expect(page).toHaveURL(/\/platform\/tenants\/[^/]+$/);
      const platformLog = page.getByTestId('platform-entries');
      await expect(platformLog).toContainText('impersonation.ended');
      await expect(platformLog).toContainText('impersonation.started');
      await expect(platformLog).toContainText('tenant.trial_extended');
      await expect(page.getByTestId('store-audit-entries').getByRole('row', { name: /impersonation\.started/ })).toContainText('staff@vitrine.test (platform staff)');
      await expect(page.getByRole('region', { name: 'Impersonation sessions' })).toContainText('Owner reports missing products');
      await page.goto('/admin/products');
      await expect(page.getByTestId('impersonation-banner')).toHaveCount(0);
    });
  });
});
