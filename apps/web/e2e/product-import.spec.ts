import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createPrismaClient } from '@vitrine/db';
import { STATE_FILE } from './constants.ts';
import { OWNER } from './seed.ts';

/** Importing a product sheet: a bad file shows its errors by row and column and imports nothing; a good one imports through the worker. */
const state = () => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { ownerUrl: string };

async function signIn(page: Page) {
  await page.goto('/login?next=/admin/products/import');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/products\/import$/, { timeout: 20_000 });
}

async function productCount() {
  const db = createPrismaClient(state().ownerUrl, { maxConnections: 1 });
  try {
    return await db.product.count({ where: { tenant: { slug: 'alpha' } } });
  } finally {
    await db.$disconnect();
  }
}

const upload = (page: Page, name: string, text: string) =>
  page.getByLabel('CSV or Excel file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('a bad CSV shows its errors by row and column and imports nothing; a good one is imported by the worker and exported back', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page);
  const before = await productCount();

  await upload(page, 'bad.csv', 'handle,title,sku,price,stock\nchai-box,Chai Box,CHAI-1,12.50,4\nchai-box,,CHAI-2,twelve,4\n,Nameless,NM-1,3,1\n');
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('2 problems found. Nothing was imported.');
  await expect(page.getByTestId('import-error')).toHaveText([/^3\s*price\s*"twelve" is not a price/, /^4\s*handle\s*Give every row the handle/]);
  await expect(page.getByRole('button', { name: 'Import now' })).toHaveCount(0);
  expect(await productCount()).toBe(before);

  await upload(page, 'good.csv', 'handle,title,status,option1_name,option1_value,sku,price,stock\nchai-box,Chai Box,active,Size,Small,CHAI-S,12.50,4\nchai-box,,,Size,Large,CHAI-L,19.90,2\n');
  await expect(page.getByTestId('import-ready')).toContainText('New: 1 products, 2 variants');
  await page.getByRole('button', { name: 'Import now' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 30_000 });
  expect(await productCount()).toBe(before + 1);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const file = await download;
  const exported = readFileSync((await file.path())!, 'utf8');
  expect(exported).toContain('chai-box,Chai Box,,active,,,,Size,Small,,,,,CHAI-S,12.50,,4');
});
