import { expect, test } from '@playwright/test';
import { storeUrl } from './constants.ts';
import { OWNER } from './seed.ts';

test.describe('admin', () => {
  test('the admin requires signing in', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login/);
  });

  test('missing fields are named beside them, and a wrong password gets a clear message', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address')).toBeVisible();
    await expect(page.getByText('Enter your password')).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
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
    // The admin opens on the dashboard; the products have their own page.
    await page.goto('/admin/products');
    const table = page.getByTestId('admin-products');
    await expect(table).toContainText('Alpha Green Tea');
    await expect(table).not.toContainText('Beta Desk Lamp');

    await page.getByLabel('Title').fill('Alpha Rooibos');
    await page.getByLabel('SKU').fill('ALPHA-ROOIBOS');
    await page.getByLabel(/^Price/).fill('19.90');
    await page.getByLabel('Stock').fill('7');
    await page.getByRole('button', { name: 'Add product' }).click();
    await expect(table).toContainText('Alpha Rooibos');
    await expect(table).toContainText('$19.90');

    await page.getByLabel('Search').fill('rooibos');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(table.locator('tbody tr')).toHaveCount(1);

    await page.goto(storeUrl('alpha'));
    await expect(page.getByTestId('product-list')).toContainText('Alpha Rooibos');
    await page.goto(storeUrl('beta'));
    await expect(page.locator('body')).not.toContainText('Alpha Rooibos');

    // Unpublishing goes through the tRPC client (TanStack Query) and takes it off the store.
    await page.goto('/admin/products?q=rooibos');
    await page.getByRole('button', { name: 'Unpublish Alpha Rooibos' }).click();
    await expect(page.getByTestId('admin-products')).toContainText('draft');
    await page.goto(storeUrl('alpha'));
    await expect(page.getByTestId('product-list')).toContainText('Alpha Green Tea');
    await expect(page.getByTestId('product-list')).not.toContainText('Alpha Rooibos');
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

  test('repeated wrong passwords for an account are stopped with a clear message', async ({ page }) => {
    await page.goto('/login');
    const email = `guess-${Date.now()}@alpha.test`;
    const attempt = async () => {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('wrong-guess-password');
      const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
        signIn.click(),
      ]);
      // The answer is rendered (and the form reset) when the button reads "Sign in" again.
      await expect(signIn).toBeEnabled();
    };
    for (let i = 0; i < 10; i++) {
      await attempt();
      await expect(page.locator('.v-alert')).toHaveText('That email and password do not match an account.');
    }
    await attempt();
    await expect(page.locator('.v-alert')).toHaveText(/^Too many sign-in attempts\. Please wait 15 minutes and try again\.$/);
  });

  test('an owner with two stores switches between them and sees only the active store’s products', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin$/);

    await page.getByRole('link', { name: 'New store' }).click();
    await page.getByLabel('Store name').fill('Alpha Annex');
    await page.getByLabel(/^Address/).fill('alpha-annex');
    await page.getByRole('button', { name: 'Create store' }).click();
    await expect(page).toHaveURL(/\/admin\/setup\/identity$/);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Alpha Annex' })).toBeVisible();
    await page.goto('/admin/products');
    await expect(page.getByText('No products yet')).toBeVisible();

    await page.getByLabel('Store', { exact: true }).selectOption({ label: 'Alpha Teas' });
    await page.getByRole('button', { name: 'Switch' }).click();
    await expect(page.getByRole('heading', { name: 'Alpha Teas' })).toBeVisible();
    await page.goto('/admin/products');
    await expect(page.getByTestId('admin-products')).toContainText('Alpha Green Tea');

    await page.getByLabel('Store', { exact: true }).selectOption({ label: 'Alpha Annex' });
    await page.getByRole('button', { name: 'Switch' }).click();
    await expect(page.getByRole('heading', { name: 'Alpha Annex' })).toBeVisible();
    await page.goto('/admin/products');
    await expect(page.getByText('No products yet')).toBeVisible();
    await expect(page.locator('main')).not.toContainText('Alpha Green Tea');
  });
});

test.describe('signup', () => {
  test('a new person signs up, sees the empty state, opens a store and lands on its admin', async ({ page }) => {
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Dora Delta');
    await page.getByLabel('Email').fill('dora@delta.test');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Use at least 10 characters for your password')).toBeVisible();
    await page.getByLabel('Password').fill('delta-password-123');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/admin\/stores\/new$/);

    await page.goto('/admin');
    await expect(page.getByText('You have no store yet')).toBeVisible();
    await page.getByRole('link', { name: 'Open your store' }).click();

    await page.getByLabel('Store name').fill('Delta Plants');
    await page.getByLabel(/^Address/).fill('alpha');
    await page.getByRole('button', { name: 'Create store' }).click();
    await expect(page.locator('.v-alert')).toBeVisible();
    await page.getByLabel(/^Address/).fill('delta-plants');
    await page.getByRole('button', { name: 'Create store' }).click();
    // A new store goes straight into the guided setup (setup-wizard.spec.ts); its admin is one link away.
    await expect(page).toHaveURL(/\/admin\/setup\/identity$/);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Delta Plants' })).toBeVisible();
    await expect(page.getByText('Not published')).toBeVisible();
    await page.goto('/admin/products');
    await expect(page.getByText('No products yet')).toBeVisible();

    const comingSoon = await page.goto(storeUrl('delta-plants'));
    expect(comingSoon?.status()).toBe(404);
    await expect(page.getByTestId('store-message-title')).toHaveText('Coming soon');

    // Add a product, publish the store, and the product is on sale at the store's own host.
    await page.goto('/admin/products');
    await page.getByLabel('Title').fill('Delta Fern');
    await page.getByLabel('SKU').fill('DELTA-FERN');
    await page.getByLabel(/^Price/).fill('24,50');
    await page.getByLabel('Stock').fill('4');
    await page.getByRole('button', { name: 'Add product' }).click();
    await expect(page.getByTestId('admin-products')).toContainText('Delta Fern');
    await page.getByRole('button', { name: 'Publish store' }).click();
    await expect(page.getByText('Published', { exact: true })).toBeVisible();

    const open = await page.goto(storeUrl('delta-plants'));
    expect(open?.status()).toBe(200);
    await expect(page.getByTestId('store-name')).toHaveText('Delta Plants');
    await expect(page.getByTestId('product-list')).toContainText('Delta Fern');
    // A new store speaks and sells in its own locale and currency (pt-BR, BRL by default): 24,50 → R$ 24,50.
    await expect(page.getByTestId('product-list')).toContainText('Em estoque');
    await expect(page.getByTestId('product-list')).toContainText(/R\$\s24,50/);
    await expect(page.locator('body')).not.toContainText('Alpha');
    await page.getByRole('link', { name: 'Delta Fern' }).click();
    await expect(page.getByTestId('product-title')).toHaveText('Delta Fern');
  });
});
