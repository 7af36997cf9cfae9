import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { ACCOUNT_BUYER } from './buyer-account-seed.ts';
import { E2E_PORT, storeUrl } from './constants.ts';
import { emailTo } from './mail-inbox.ts';


const PASSWORD = 'rita-buyer-password-1';

/** A form POST to the e2e server under a store's Host header (Node cannot resolve *.localhost names); the status. */
function postAsBrowser(host: string, path: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: E2E_PORT, path, method: 'POST', headers: { host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test.describe('buyer accounts', () => {
  test('a buyer signs up at alpha, verifies by email, keeps an address, sees their order, downloads and deletes their data; beta knows nothing of it', async ({ page }) => {
    test.setTimeout(120_000);
    const since = Date.now() - 1_000;

    // From the store's header to the sign-up form.
    await page.goto(storeUrl('alpha'));
    await page.getByTestId('account-link').click();
    await expect(page).toHaveURL(/\/account\/sign-in$/);
    await page.getByRole('link', { name: 'Create an account' }).click();

    // A refused form keeps what was typed and says why beside the field.
    await page.getByLabel('Your name').fill(ACCOUNT_BUYER.name);
    await page.getByLabel('Email').fill(ACCOUNT_BUYER.email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByTestId('field-error-password')).toHaveText('Use at least 10 characters for your password');
    await expect(page.getByLabel('Email')).toHaveValue(ACCOUNT_BUYER.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId('account-notice')).toContainText(`We sent a link to ${ACCOUNT_BUYER.email}`);
    await expect(page.getByTestId('verify-banner')).toBeVisible();
    await expect(page.getByTestId('order-history')).toHaveCount(0);

    // The session cookie belongs to alpha's host only: beta's account pages do not know this buyer.
    const cookies = await page.context().cookies(storeUrl('alpha'));
    const session = cookies.find((c) => c.name === 'vitrine_buyer');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', domain: 'alpha.localhost' });
    await page.goto(storeUrl('beta', '/account'));
    await expect(page).toHaveURL(/beta\.localhost:\d+\/account\/sign-in$/);

    // The verification email, in the store's name, confirms the email: the seeded order shows up.
    const mail = await emailTo(ACCOUNT_BUYER.email, 'Confirm your email for Alpha Teas', since);
    const link = mail.links.find((l) => l.includes('/account/verify?token='));
    expect(link).toMatch(/^http:\/\/alpha\.localhost:\d+\/account\/verify\?token=/);
    await page.goto(link!);
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await expect(page).toHaveURL(/alpha\.localhost:\d+\/account$/);
    await expect(page.getByTestId('account-notice')).toHaveText('Your email is confirmed.');
    await expect(page.getByTestId('verify-banner')).toHaveCount(0);
    const rows = page.getByTestId('order-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByTestId('order-status')).toHaveText('Waiting for payment');
    await expect(rows.first().getByRole('link', { name: /Track order #\d+/ })).toHaveAttribute('href', /^\/orders\/[A-Za-z0-9_-]{43}$/);

    // Addresses: a missing city is refused beside the field; the first saved address is the default.
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'My addresses' }).click();
    await expect(page.getByTestId('no-addresses')).toBeVisible();
    const form = page.getByTestId('address-form');
    await form.getByLabel('Recipient').fill('Rita Registrada');
    await form.getByLabel('Street and number').fill('12 Leaf Lane');
    await form.getByLabel('Postal code').fill('97201');
    await form.getByLabel('Country').fill('US');
    await form.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByTestId('field-error-city')).toHaveText('Fill in the city');
    await expect(form.getByLabel('Street and number')).toHaveValue('12 Leaf Lane');
    await form.getByLabel('City').fill('Portland');
    await form.getByRole('button', { name: 'Save address' }).click();
    await expect(page.getByTestId('account-notice')).toHaveText('Address saved.');
    await expect(page.getByTestId('address')).toHaveCount(1);
    await expect(page.getByTestId('address').first()).toContainText('12 Leaf Lane');
    await expect(page.getByTestId('default-address')).toHaveText('Default');

    // My data: the JSON holds the account, the address and the order.
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'My data' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-data').click()]);
    expect(download.suggestedFilename()).toMatch(/^my-data-alpha-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      format: string;
      account: { email: string; name: string; emailVerified: boolean };
      addresses: { line1: string; isDefault: boolean }[];
      orders: { buyerEmail: string; items: { title: string; quantity: number }[] }[];
    };
    expect(data.format).toBe('vitrine.buyer-data');
    expect(data.account).toMatchObject({ email: ACCOUNT_BUYER.email, name: ACCOUNT_BUYER.name, emailVerified: true });
    expect(data.addresses).toEqual([expect.objectContaining({ line1: '12 Leaf Lane', isDefault: true })]);
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0]).toMatchObject({ buyerEmail: ACCOUNT_BUYER.email, items: [expect.objectContaining({ title: 'Alpha Green Tea', quantity: 1 })] });
    expect(JSON.stringify(data)).not.toMatch(/argon2|password/i);

    // Deleting needs the password and the ticked confirmation.
    const deleteForm = page.getByTestId('delete-form');
    await deleteForm.getByLabel('Your password').fill('not-my-password-1');
    await deleteForm.getByLabel('I understand that my account is deleted for good.').check();
    await deleteForm.getByRole('button', { name: 'Delete my account and data' }).click();
    await expect(page.getByTestId('field-error-password')).toHaveText('The password is not correct. Your account was not deleted.');
    await deleteForm.getByLabel('Your password').fill(PASSWORD);
    await deleteForm.getByLabel('I understand that my account is deleted for good.').check();
    await deleteForm.getByRole('button', { name: 'Delete my account and data' }).click();
    await expect(page).toHaveURL(/alpha\.localhost:\d+\/account\/sign-in$/);
    await expect(page.getByTestId('account-notice')).toHaveText('Your account and your data were deleted.');
    expect((await page.context().cookies(storeUrl('alpha'))).find((c) => c.name === 'vitrine_buyer')).toBeUndefined();

    // The account is gone at alpha, and the same email never had one at beta.
    for (const slug of ['alpha', 'beta']) {
      await page.goto(storeUrl(slug, '/account/sign-in'));
      await page.getByLabel('Email').fill(ACCOUNT_BUYER.email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).last().click();
      await expect(page.getByTestId('account-error')).toHaveText('The email or password is not correct.');
      await expect(page).toHaveURL(new RegExp(`${slug}\\.localhost:\\d+/account/sign-in$`));
    }
  });

  test('an account form posted from another site is refused, with or without cookies', async () => {
    const alphaHost = new URL(storeUrl('alpha')).host;
    const betaOrigin = storeUrl('beta').replace(/\/$/, '');
    const signOut = await postAsBrowser(alphaHost, '/account/sign-out', { origin: betaOrigin, cookie: 'vitrine_buyer=x' }, '');
    expect(signOut).toBe(403);
    // Without cookies too: another site cannot sign a visitor in to an account of its choosing.
    const signIn = await postAsBrowser(alphaHost, '/account/sign-in', { origin: betaOrigin }, 'email=someone%40buyer.test&password=whatever-password');
    expect(signIn).toBe(403);
    // The same form from the store's own page is answered (303 back to the form with the refusal).
    expect(await postAsBrowser(alphaHost, '/account/sign-in', { origin: `http://${alphaHost}` }, 'email=someone%40buyer.test&password=whatever-password')).toBe(303);
  });
});
