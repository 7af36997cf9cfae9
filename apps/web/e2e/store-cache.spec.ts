import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createPrismaClient } from '@vitrine/db';
import { STATE_FILE, storeUrl } from './constants.ts';

const state = () => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { ownerUrl: string };
const cacheOf = (response: { headers(): Record<string, string> } | null) => response?.headers()['x-vitrine-cache'] ?? 'miss';

/** Store pages come from memory once rendered, and a store's change is on its pages at once, that store's only. */
test('a store page is answered from the cache until its store changes; other stores keep theirs', async ({ page }) => {
  const lamp = storeUrl('beta', '/products/beta-desk-lamp');
  const teas = storeUrl('alpha');
  await page.goto(lamp);
  await page.goto(teas);
  expect(cacheOf(await page.goto(lamp))).toBe('hit');
  expect(cacheOf(await page.goto(teas))).toBe('hit');

  const db = createPrismaClient(state().ownerUrl, { maxConnections: 1 });
  try {
    const product = await db.product.findFirstOrThrow({ where: { slug: 'beta-desk-lamp' } });
    await db.product.update({ where: { id: product.id }, data: { title: 'Beta Desk Lamp II' } });
    // The change is announced at commit; the next request renders the page again.
    await expect
      .poll(async () => {
        const response = await page.goto(lamp);
        return `${cacheOf(response)} ${await page.getByTestId('product-title').textContent()}`;
      })
      .toBe('miss Beta Desk Lamp II');
    expect(cacheOf(await page.goto(lamp))).toBe('hit');
    expect(cacheOf(await page.goto(teas))).toBe('hit');
    await db.product.update({ where: { id: product.id }, data: { title: product.title } });
  } finally {
    await db.$disconnect();
  }
});

test('a visitor with a cart or an account cookie gets a page rendered for them, never a stored one', async ({ page, context }) => {
  const url = storeUrl('alpha', '/products/alpha-green-tea');
  await page.goto(url);
  expect(cacheOf(await page.goto(url))).toBe('hit');
  await context.addCookies([{ name: 'vitrine_cart', value: 'personal', url: storeUrl('alpha') }]);
  expect(cacheOf(await page.goto(url))).toBe('miss');
});
