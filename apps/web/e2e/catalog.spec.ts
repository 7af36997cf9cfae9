import { deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { storeUrl } from './constants.ts';
import { OWNER } from './seed.ts';

/** A small RGB PNG made here (no image library): `width`×`height` of one colour. */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = table[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

test.describe('catalog', () => {
  test('a product with Size × Colour variants, a photo, archive and restore, bulk publish, search and the store page', async ({ page }) => {
    const word = `Zephyr${Date.now().toString(36)}`;
    const title = `${word} Tee`;
    const slug = `${word.toLowerCase()}-tee`;
    const sku = slug.toUpperCase();
    await signIn(page);

    // Create: options make the matrix, SKUs are generated.
    await page.goto('/admin/products');
    await page.getByRole('link', { name: 'New product' }).first().click();
    await expect(page).toHaveURL(/\/admin\/products\/new$/);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Add option' }).click();
    await page.getByLabel('Option 1 name').fill('Size');
    await page.getByLabel('Option 1 values (comma-separated)').fill('S, M, L');
    await page.getByRole('button', { name: 'Add option' }).click();
    await page.getByLabel('Option 2 name').fill('Colour');
    await page.getByLabel('Option 2 values (comma-separated)').fill('Black, White');
    await page.getByRole('button', { name: 'Generate variants' }).click();
    const matrix = page.getByTestId('variant-matrix');
    await expect(matrix.locator('tbody tr')).toHaveCount(6);
    await expect(page.getByLabel('SKU of S / Black')).toHaveValue(`${sku}-S-BLACK`);
    await expect(page.getByLabel('SKU of L / White')).toHaveValue(`${sku}-L-WHITE`);
    for (const size of ['S', 'M', 'L']) {
      for (const colour of ['Black', 'White']) {
        await page.getByLabel(`Price of ${size} / ${colour}`).fill(size === 'L' ? '59.90' : '49.90');
        await page.getByLabel(`Stock of ${size} / ${colour}`).fill('4');
      }
    }
    await page.getByLabel('Sell L / White').uncheck();
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page).toHaveURL(/\/admin\/products\/(?!new)[^/]+$/);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByLabel('SKU of M / White')).toHaveValue(`${sku}-M-WHITE`);
    await expect(page.getByLabel('Sell L / White')).not.toBeChecked();

    // A photo: uploaded, resized to WebP and served from /media.
    await page.getByLabel('Upload a photo').setInputFiles({ name: 'tee.png', mimeType: 'image/png', buffer: png(640, 480, [20, 90, 160]) });
    const images = page.getByTestId('product-images');
    await expect(images.locator('img')).toHaveCount(1);
    const src = await images.locator('img').first().getAttribute('src');
    expect(src).toMatch(/^\/media\/tenants\/[^/]+\/product\/[0-9a-f-]{36}\/160\.webp$/);
    const media = await page.request.get(src!);
    expect(media.status()).toBe(200);
    expect(media.headers()['content-type']).toBe('image/webp');
    expect(media.headers()['cache-control']).toContain('immutable');
    await page.getByLabel('Description of image 1').fill('Blue tee, front');
    await page.getByRole('button', { name: 'Save description' }).click();
    await expect(images.locator('img')).toHaveAttribute('alt', 'Blue tee, front');

    // A file that is not an image is refused with a sentence.
    await page.getByLabel('Upload a photo').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture, just text') });
    await expect(page.locator('.v-alert')).toHaveText('This file is not a JPEG, PNG, WebP, AVIF or GIF image.');

    // Archive and restore.
    await page.getByRole('button', { name: 'Archive product' }).click();
    await expect(page.getByText('Archived', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Restore product' }).click();
    await expect(page.getByText('Draft', { exact: true }).first()).toBeVisible();

    // Search finds it (accents and case do not matter), then bulk publish.
    await page.goto('/admin/products');
    await page.getByLabel('Search').fill(word.toUpperCase());
    await page.getByRole('button', { name: 'Filter' }).click();
    const table = page.getByTestId('admin-products');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table).toContainText(title);
    await expect(table).toContainText('draft');
    await page.getByLabel(`Select ${title}`).check();
    await page.getByLabel('Bulk actions').selectOption('publish');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('1 product changed.')).toBeVisible();
    await expect(table).toContainText('active');
    await page.goto(`/admin/products?q=${encodeURIComponent(`${sku}-M-BLACK`)}`);
    await expect(page.getByTestId('admin-products').locator('tbody tr')).toHaveCount(1);

    // The store shows it.
    await page.goto(storeUrl('alpha', `/products/${slug}`));
    await expect(page.locator('body')).toContainText(title);
  });

  test('the upload route refuses people who are not signed in', async ({ request }) => {
    const response = await request.post('/api/uploads/images', {
      multipart: { purpose: 'product', file: { name: 'a.png', mimeType: 'image/png', buffer: png(4, 4, [0, 0, 0]) } },
    });
    expect(response.status()).toBe(401);
    expect((await response.json()).error).toBe('Please sign in to continue.');
  });

  test('the media route answers 404 for missing and malformed keys', async ({ request }) => {
    expect((await request.get('/media/tenants/nobody/product/none/160.webp')).status()).toBe(404);
    expect((await request.get('/media/..%2F..%2Fpackage.json')).status()).toBe(404);
  });
});
