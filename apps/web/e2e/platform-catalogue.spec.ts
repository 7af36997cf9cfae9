import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { OWNER, SUPER_ADMIN } from './seed.ts';
import { signInStaff } from './staff-sign-in.ts';

/**
 * The platform's catalogue: staff switch a module off for one store (its owner loses the pages at once), read the
 * platform's stats, and edit a plan's limits.
 */
/** Staff sign in once (with 2FA: a TOTP code is accepted once per 30-second step); each test reuses the session. */
let staffSession: Awaited<ReturnType<BrowserContext['storageState']>>;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await signInStaff(await context.newPage());
  staffSession = await context.storageState();
  await context.close();
});

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  if (who === SUPER_ADMIN) return (await browser.newContext({ storageState: staffSession })).newPage();
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

async function setAlphaModule(staff: Page, state: 'Off' | 'As the plan says', reason: string) {
  await staff.goto('/platform/modules?store=alpha');
  const form = staff.getByTestId('module-form-coupons');
  await form.getByLabel('Set to (Coupons)').selectOption({ label: state });
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
}

test('staff switch coupons off for alpha: its owner loses the link and the page says it is not available', async ({ browser }) => {
  const owner = await signedIn(browser, OWNER);
  const adminNav = owner.getByRole('navigation', { name: 'Admin' });
  await expect(adminNav.getByRole('link', { name: 'Coupons', exact: true })).toBeVisible();

  const staff = await signedIn(browser, SUPER_ADMIN);
  await setAlphaModule(staff, 'Off', 'Paused while we review discount abuse');
  await staff.reload();
  await expect(staff.locator('tr[data-module="coupons"]')).toContainText('Off: Paused while we review discount abuse');

  await owner.goto('/admin');
  await expect(adminNav.getByRole('link', { name: 'Products', exact: true })).toBeVisible();
  await expect(adminNav.getByRole('link', { name: 'Coupons', exact: true })).toHaveCount(0);
  await owner.goto('/admin/coupons');
  await expect(owner.getByRole('heading', { name: 'Not available on your plan' })).toBeVisible();
  await expect(owner.getByTestId('module-unavailable')).toContainText('switched off for your store');
  await expect(owner.getByTestId('coupons-table')).toHaveCount(0);

  // Back to what the plan says: the link and the page return.
  await setAlphaModule(staff, 'As the plan says', 'Review done');
  await owner.goto('/admin');
  await expect(adminNav.getByRole('link', { name: 'Coupons', exact: true })).toBeVisible();
  await owner.goto('/admin/coupons');
  await expect(owner.getByTestId('module-unavailable')).toHaveCount(0);
});

test('staff read the platform stats: stores, sign-ups and sales charts with their numbers', async ({ browser }) => {
  const staff = await signedIn(browser, SUPER_ADMIN);
  await staff.goto('/platform/stats');
  await expect(staff.getByRole('heading', { name: 'Stats', exact: true })).toBeVisible();
  const stores = Number(await staff.getByTestId('kpi-stores').textContent());
  expect(stores).toBeGreaterThanOrEqual(5);
  await expect(staff.getByTestId('signups-chart')).toBeVisible();
  await expect(staff.getByTestId('signups-chart').locator('rect')).toHaveCount(30);
  // Alpha's seeded orders are in US dollars.
  await expect(staff.getByTestId('kpi-gmv-USD')).toHaveText(/\$\d/);
  await expect(staff.getByTestId('kpi-paid-USD')).toHaveText(/^\d+$/);
  await expect(staff.getByTestId('currency-USD')).toBeVisible();
  await expect(staff.getByTestId('sales-chart').first()).toBeVisible();
  await expect(staff.getByTestId('stores-by-plan')).toContainText('Free');
  await expect(staff.getByTestId('stores-by-status')).toContainText('Suspended');
});

test('staff create a plan and edit one of its limits; a bad value is named beside its field', async ({ browser }) => {
  const staff = await signedIn(browser, SUPER_ADMIN);
  await staff.goto('/platform/plans');
  await expect(staff.getByTestId('plans-table')).toContainText('Free');
  await staff.getByLabel('Code').fill('e2e-catalogue');
  await staff.getByLabel('Name').fill('Catalogue Test');
  await staff.getByLabel('Products', { exact: true }).fill('10');
  await staff.getByRole('button', { name: 'Create the plan' }).click();
  await expect(staff).toHaveURL(/\/platform\/plans\/e2e-catalogue$/);
  await expect(staff.getByLabel('Products', { exact: true })).toHaveValue('10');

  await staff.getByLabel('Products', { exact: true }).fill('-1');
  await staff.getByRole('button', { name: 'Save the plan' }).click();
  await expect(staff.locator('#plan-limits-products-error')).toHaveText('A limit cannot be negative');

  await staff.getByLabel('Products', { exact: true }).fill('42');
  await staff.getByRole('button', { name: 'Save the plan' }).click();
  await expect(staff.getByRole('status')).toHaveText('Saved.');
  await staff.reload();
  await expect(staff.getByLabel('Products', { exact: true })).toHaveValue('42');

  // Nobody uses it: it can be retired.
  await staff.getByRole('button', { name: 'Retire the plan' }).click();
  await expect(staff).toHaveURL(/\/platform\/plans$/);
  await expect(staff.getByTestId('plans-table')).not.toContainText('Catalogue Test');
});
