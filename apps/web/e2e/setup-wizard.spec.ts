import { deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { storeUrl } from './constants.ts';

/** A real PNG of one colour (for the logo and product photo uploads). */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([r, g, b]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** Turns on 2FA from the account page with a code computed from the shown secret; answers the recovery codes. */
async function turnOnTwoFactor(page: Page): Promise<string[]> {
  await page.goto('/admin/account/security');
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel('Code from your authenticator app').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  const list = page.getByRole('list', { name: 'Your recovery codes' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  return (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
}

test.describe('setup wizard', () => {
  test('a new person signs up, turns on 2FA, goes through the 8 steps and a buyer sees the published store', async ({ page }) => {
    test.setTimeout(120_000);
    const started = Date.now();
    const save = () => page.getByRole('button', { name: 'Save and continue' }).click();

    // Sign up and open a store: the store lands in the wizard.
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Lina Loft');
    await page.getByLabel('Email').fill('lina@loft.test');
    await page.getByLabel('Password').fill('loft-password-123');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/admin\/stores\/new$/);
    await page.getByLabel('Store name').fill('Lina Loft');
    await page.getByLabel(/^Address/).fill('lina-loft-draft');
    await page.getByRole('button', { name: 'Create store' }).click();
    await expect(page).toHaveURL(/\/admin\/setup\/identity$/);
    await expect(page.getByTestId('admin-not-ready')).toContainText('Not ready to sell');

    // Two-factor authentication on; signing in again needs the second step (a recovery code here, so no waiting
    // for the authenticator's next 30-second code), and the wizard resumes where it was.
    const recoveryCodes = await turnOnTwoFactor(page);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel('Email').fill('lina@loft.test');
    await page.getByLabel('Password').fill('loft-password-123');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/login\/two-factor$/);
    await page.getByLabel('Authentication or recovery code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page).toHaveURL(/\/admin/);
    await page.goto('/admin/setup');
    await expect(page).toHaveURL(/\/admin\/setup\/identity$/);

    // 1. Identity: the address is checked while typing; reserved words are refused.
    await page.getByLabel('Store name').fill('Linen Loft');
    const slug = page.getByLabel('Store address');
    await slug.fill('admin');
    await expect(page.getByTestId('slug-status')).toContainText('reserved');
    await slug.fill('linen-loft');
    await expect(page.getByTestId('slug-status')).toContainText('Available');
    await page.getByLabel('Logo (optional)').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: solidPng(320, 120, [122, 46, 79]) });
    await expect(page.locator('img[src^="/media/"]')).toHaveCount(1);
    await page.getByLabel('Main colour').fill('#7a2e4f');
    await page.getByLabel('Accent colour').fill('#e9b44c');
    await save();

    // 2. Theme, with the live preview of the store's own data in the chosen theme.
    await expect(page).toHaveURL(/\/admin\/setup\/theme$/);
    await page.getByLabel(/^Boutique/).check();
    await expect(page.getByTestId('store-preview')).toHaveAttribute('src', /theme=boutique/);
    const preview = page.frameLocator('[data-testid=store-preview]');
    await expect(preview.getByTestId('store-name')).toHaveText('Linen Loft');
    await expect(preview.locator('body.theme-boutique')).toHaveCount(1);
    await save();

    // 3. Market: the country brings its currency and language.
    await expect(page).toHaveURL(/\/admin\/setup\/market$/);
    await page.getByLabel('What the store sells').selectOption('fashion');
    await page.getByLabel('Country').selectOption('ES');
    await expect(page.getByLabel('Currency')).toHaveValue('EUR');
    await expect(page.getByLabel('Store language')).toHaveValue('es');
    await page.getByLabel('Country').selectOption('BR');
    await expect(page.getByLabel('Currency')).toHaveValue('BRL');
    await expect(page.getByLabel('Store language')).toHaveValue('pt-BR');
    await page.getByLabel('Country').selectOption('US');
    await expect(page.getByLabel('Currency')).toHaveValue('USD');
    await save();

    // 4. First product: size × colour make four variants; a bad price is named beside its field.
    await expect(page).toHaveURL(/\/admin\/setup\/product$/);
    await page.getByLabel('Title').fill('Linen Shirt');
    await page.getByLabel('Description').fill('Breathable washed linen.');
    await page.getByLabel(/^Price/).fill('forty');
    await page.getByLabel('Stock of each variant').fill('5');
    await page.getByLabel('Option 1 (e.g. Size)').fill('Size');
    await page.getByLabel(/^Values of option 1/).fill('S, M');
    await page.getByLabel('Option 2 (e.g. Colour)').fill('Colour');
    await page.getByLabel(/^Values of option 2/).fill('Sand, Sky');
    await page.getByLabel('Photos (optional)').setInputFiles({ name: 'shirt.png', mimeType: 'image/png', buffer: solidPng(400, 500, [214, 196, 160]) });
    await expect(page.locator('img[src^="/media/"]')).toHaveCount(1);
    await save();
    await expect(page.getByText('Enter the price like 19.90')).toBeVisible();
    await page.getByLabel(/^Price/).fill('49.90');
    await save();

    // 5. Payments skipped: the admin says the store is not ready to sell.
    await expect(page).toHaveURL(/\/admin\/setup\/payments$/);
    await expect(page.getByTestId('payments-not-ready')).toBeVisible();
    await page.getByRole('button', { name: 'Skip for now' }).click();

    // 6. Shipping: overlapping bands are refused beside the field; pickup offered.
    await expect(page).toHaveURL(/\/admin\/setup\/shipping$/);
    await expect(page.getByTestId('admin-not-ready')).toBeVisible();
    await page.getByLabel('Band 1 · Name').fill('Standard');
    await page.getByLabel('From').first().fill('0');
    await page.getByLabel('Up to (empty: no limit)').first().fill('100');
    await page.getByLabel(/^Price/).first().fill('5');
    await page.getByLabel('Band 2 · Name').fill('Free over 100');
    await page.getByLabel('From').nth(1).fill('80');
    await page.getByLabel(/^Price/).nth(1).fill('0');
    await page.getByLabel('Offer local pickup').check();
    await page.getByLabel('Pickup place').fill('Rua das Flores 10');
    await save();
    await expect(page.getByText('This band overlaps "Standard"')).toBeVisible();
    await page.getByLabel('From').nth(1).fill('100');
    await save();

    // 7. Domain: the subdomain works at once; a custom domain shows its DNS records and waits.
    await expect(page).toHaveURL(/\/admin\/setup\/domain$/);
    await expect(page.getByTestId('store-subdomain')).toHaveText('linen-loft.localhost');
    await page.getByLabel('Custom domain (optional)').fill('shop.linen-loft.example');
    await page.getByRole('button', { name: 'Add domain' }).click();
    const custom = page.getByTestId('custom-domain');
    await expect(custom).toContainText('Waiting for DNS');
    await expect(custom).toContainText('_vitrine-verify.shop.linen-loft.example');
    await expect(custom).toContainText('CNAME');
    await page.getByRole('button', { name: 'Continue' }).click();

    // 8. Publish.
    await expect(page).toHaveURL(/\/admin\/setup\/publish$/);
    await expect(page.getByTestId('publish-not-ready')).toBeVisible();
    await page.getByRole('button', { name: 'Publish store' }).click();
    await expect(page.getByTestId('publish-state')).toContainText('Your store is live');
    await expect(page.getByTestId('publish-state')).toContainText('Setup complete');

    // The buyer's page at the store's own host: name, theme and the first product, at once.
    const home = await page.goto(storeUrl('linen-loft'));
    expect(home?.status()).toBe(200);
    await expect(page.getByTestId('store-name')).toHaveText('Linen Loft');
    await expect(page.locator('body.theme-boutique')).toHaveCount(1);
    await expect(page.getByTestId('product-list')).toContainText('Linen Shirt');
    await expect(page.getByTestId('product-list')).toContainText('$49.90');
    // The photo uploaded in step 4 is the product's picture on the store.
    await expect(page.locator('[data-testid=product-card] img[src^="/media/"]')).toHaveCount(1);
    await page.getByRole('link', { name: 'Linen Shirt' }).click();
    await expect(page.getByTestId('product-title')).toHaveText('Linen Shirt');
    await expect(page.getByTestId('checkout-not-ready')).toContainText('Not ready to sell yet');
    // The old draft address no longer leads anywhere.
    const old = await page.goto(storeUrl('lina-loft-draft'));
    expect(old?.status()).toBe(404);

    const seconds = (Date.now() - started) / 1000;
    console.log(`setup wizard: sign-up and 2FA to published store in ${seconds.toFixed(1)} s (target under 60 s)`);
    expect(seconds).toBeLessThan(60);
  });
});
