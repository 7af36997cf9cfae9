import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_PORT } from './constants.ts';
import { PARTNER_ADMIN, SUPER_ADMIN } from './seed.ts';
import { signInStaff } from './staff-sign-in.ts';
import { inbox } from './mail-inbox.ts';

/** The partner's admin domain: a *.localhost host, which the browser resolves to this machine. */
const PARTNER_HOST = 'partner-one.localhost';
const partnerUrl = (path: string) => `http://${PARTNER_HOST}:${E2E_PORT}${path}`;

async function signIn(browser: Browser, who: { email: string; password: string }, loginUrl = '/login'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (who === SUPER_ADMIN) return signInStaff(page, loginUrl).then(() => page); // staff sign in with 2FA
  await page.goto(loginUrl);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

test('staff create a partner with an admin domain; its admin signs in under its brand and runs only its own clients', async ({ browser }) => {
  // Platform staff create the partner, allow two plans and add its administrator.
  const staff = await signIn(browser, SUPER_ADMIN);
  await expect(staff).toHaveURL(/\/admin$/);
  await staff.goto('/platform/partners');
  await expect(staff.getByTestId('partners-list')).toContainText('Other Reseller');
  await staff.getByRole('button', { name: 'Create partner' }).click();
  await expect(staff.getByText('Give the partner a name of at least 2 characters')).toBeVisible();

  await staff.getByLabel('Partner name').fill('Partner One');
  await staff.getByLabel('Short name').fill('partner-one');
  await staff.getByLabel('Product name (shown instead of Vitrine)').fill('OneShop Cloud');
  await staff.getByLabel('Support email').fill('help@partner-one.test');
  await staff.getByLabel('Main colour', { exact: true }).fill('#aa3300');
  await staff.getByLabel('Accent colour', { exact: true }).fill('#003366');
  await staff.getByLabel('Admin domain').fill(PARTNER_HOST);
  await staff.getByLabel('Basic (basic)').check();
  await staff.getByLabel('Pro (pro)').check();
  await staff.getByLabel('New stores’ main colour').fill('#aa3300');
  await staff.getByLabel('New stores’ accent colour').fill('#003366');
  await staff.getByRole('button', { name: 'Create partner' }).click();
  await expect(staff).toHaveURL(/\/platform\/partners\/[a-z0-9]+$/);
  await expect(staff.getByRole('heading', { name: 'Partner One' })).toBeVisible();

  await staff.getByLabel('Email of an existing account').fill(PARTNER_ADMIN.email);
  await staff.getByLabel('Role').selectOption('PARTNER_ADMIN');
  await staff.getByRole('button', { name: 'Add to the team' }).click();
  await expect(staff.getByTestId('partner-members')).toContainText(PARTNER_ADMIN.email);

  // The sign-in page on the partner's domain wears the partner's name, colours and support email.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(partnerUrl('/'));
  await expect(visitor).toHaveURL(/\/login/);
  const brand = visitor.getByTestId('white-label');
  await expect(brand).toContainText('OneShop Cloud');
  await expect(brand).toContainText('help@partner-one.test');
  await expect(visitor).toHaveTitle(/OneShop Cloud/);
  await expect(visitor.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', 'rgb(170, 51, 0)');
  // The platform's own sign-in page stays Vitrine's.
  const plain = await (await browser.newContext()).newPage();
  await plain.goto('/login');
  await expect(plain.getByTestId('white-label')).toHaveCount(0);

  // The partner's admin signs in there and opens a store for a client, on one of the allowed plans only.
  const partner = await signIn(browser, PARTNER_ADMIN, partnerUrl('/login?next=/partner'));
  await expect(partner).toHaveURL(partnerUrl('/partner'));
  await expect(partner.getByTestId('white-label')).toContainText('OneShop Cloud');
  await expect(partner.getByText('No client stores found')).toBeVisible();
  await partner.getByRole('link', { name: 'New client store' }).first().click();
  await expect(partner).toHaveURL(partnerUrl('/partner/clients/new'));
  const planOptions = await partner.getByLabel('Plan').locator('option').allTextContents();
  expect(planOptions).toEqual(['Basic (basic)', 'Pro (pro)']);
  await partner.getByLabel('Store name').fill('Client Bakery');
  await partner.getByLabel('Store address').fill('client-bakery');
  await partner.getByLabel('Owner’s email').fill('owner@client-bakery.test');
  await partner.getByLabel('Plan').selectOption('pro');
  await partner.getByRole('button', { name: 'Create store' }).click();
  await expect(partner).toHaveURL(/\/partner\/clients\/[a-z0-9]+$/);
  await expect(partner.getByTestId('client-plan')).toHaveText('Pro');

  // It sees only its own clients: not the other reseller's, not Vitrine's direct stores.
  await partner.getByRole('link', { name: 'Back to clients' }).click();
  const clients = partner.getByTestId('partner-clients');
  await expect(clients).toContainText('Client Bakery');
  await expect(clients).toContainText('client-bakery.localhost');
  await expect(clients).not.toContainText('Sigma Unpaid');
  await expect(clients).not.toContainText('Alpha Teas');
  await expect(clients.locator('tbody tr')).toHaveCount(1);

  // The client's owner is invited by email under the partner's name, with a link on the partner's domain.
  await expect
    .poll(
      async () => {
        const list = (await (await fetch(`${inbox()}/messages?to=${encodeURIComponent('owner@client-bakery.test')}`)).json()) as { subject: string; links?: string[] }[];
        return list.find((m) => m.subject.includes('OneShop Cloud'))?.links?.some((l) => l.startsWith(partnerUrl('/invitations/'))) ?? false;
      },
      { timeout: 30_000, message: 'the owner invitation email under the partner brand' },
    )
    .toBe(true);

  // A store owner is not a partner: the console is not there for them.
  const stranger = await signIn(browser, { email: 'owner@alpha.test', password: 'alpha-owner-password-1' });
  await expect(stranger).toHaveURL(/\/admin$/);
  const response = await stranger.goto('/partner');
  expect(response?.status()).toBe(404);
});
