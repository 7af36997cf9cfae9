import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createPrismaClient } from '@vitrine/db';
import { STATE_FILE, storeUrl } from './constants.ts';

/**
 * A Brazilian store's search, listings and what search engines read: a typo found, a facet applied, a product with
 * its canonical address and JSON-LD, the sitemap and robots.txt of its own host, 404s for unknown addresses, and
 * the switch between Portuguese and Spanish.
 */
const state = () => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { ownerUrl: string };
const SLUG = 'delta-moda';

test.beforeAll(async () => {
  const db = createPrismaClient(state().ownerUrl, { maxConnections: 1 });
  try {
    if (await db.tenant.findUnique({ where: { slug: SLUG } })) return;
    const tenant = await db.tenant.create({
      data: { slug: SLUG, name: 'Delta Moda', status: 'ACTIVE', locale: 'pt-BR', currency: 'BRL', country: 'BR', branding: { primaryColor: '#7a2e8c' } },
    });
    const tenantId = tenant.id;
    await db.domain.create({ data: { tenantId, hostname: `${SLUG}.localhost`, kind: 'SUBDOMAIN', verification: 'VERIFIED', isPrimary: true } });
    await db.storefrontConfig.create({ data: { tenantId, publishedAt: new Date(), enabledLocales: ['es'], seoDescription: 'Roupas e canecas com estilo.' } });
    const tops = await db.category.create({ data: { tenantId, name: 'Camisetas', slug: 'camisetas' } });
    const mugs = await db.category.create({ data: { tenantId, name: 'Canecas', slug: 'canecas' } });
    const product = async (title: string, slug: string, categoryId: string, variants: { sku: string; price: number; stock: number; attributes: Record<string, string> }[], description = '') => {
      const p = await db.product.create({ data: { tenantId, title, slug, description, categoryId, status: 'ACTIVE' } });
      for (const [position, v] of variants.entries()) {
        await db.productVariant.create({
          data: { tenantId, productId: p.id, sku: v.sku, priceAmount: v.price, currency: 'BRL', stock: v.stock, attributes: v.attributes, position },
        });
      }
      return p;
    };
    const basic = await product(
      'Camiseta Básica',
      'camiseta-basica',
      tops.id,
      [
        { sku: 'DM-CB-P-BRANCO', price: 4990, stock: 4, attributes: { Tamanho: 'P', Cor: 'Branco' } },
        { sku: 'DM-CB-M-PRETO', price: 4990, stock: 2, attributes: { Tamanho: 'M', Cor: 'Preto' } },
      ],
      'Malha leve de algodão.',
    );
    await product('Camiseta Listrada', 'camiseta-listrada', tops.id, [{ sku: 'DM-CL-M-PRETO', price: 6990, stock: 1, attributes: { Tamanho: 'M', Cor: 'Preto' } }]);
    await product('Caneca Esmaltada', 'caneca-esmaltada', mugs.id, [{ sku: 'DM-CE', price: 3500, stock: 0, attributes: {} }]);
    const summer = await db.collection.create({ data: { tenantId, title: 'Verão', slug: 'verao', description: 'Leve e fresco.' } });
    await db.collectionProduct.create({ data: { tenantId, collectionId: summer.id, productId: basic.id } });
    await db.storePage.create({ data: { tenantId, slug: 'sobre', title: 'Sobre nós', body: 'Uma loja pequena.' } });
  } finally {
    await db.$disconnect();
  }
});

const results = (page: Page) => page.getByTestId('product-list');

test.describe('storefront search, listings and SEO', () => {
  test('a typo in the header search box still finds the product, a facet narrows it, the product page has its SEO', async ({ page }) => {
    await page.goto(storeUrl(SLUG));
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await page.getByRole('searchbox', { name: 'Buscar nesta loja' }).fill('camista');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=camista$/);
    await expect(page.getByTestId('result-summary')).toHaveText('2 resultados para “camista”');
    await expect(results(page)).toContainText('Camiseta Básica');
    await expect(results(page)).toContainText('Camiseta Listrada');
    await expect(results(page)).not.toContainText('Caneca');
    await expect(results(page)).toContainText(/R\$\s49,90/);

    // A facet: colour "Branco" (1) among the results, applied with the filter form.
    const colour = page.getByTestId('facet-option').filter({ hasText: 'Cor' });
    await expect(colour).toContainText('Branco (1)');
    await expect(colour).toContainText('Preto (2)');
    await colour.getByLabel(/Branco/).check();
    await page.getByRole('button', { name: 'Aplicar' }).click();
    await expect(page).toHaveURL(/o=Cor%3ABranco/);
    await expect(page.getByTestId('result-summary')).toHaveText('1 resultado para “camista”');
    await expect(results(page)).not.toContainText('Camiseta Listrada');

    await results(page).getByRole('link', { name: 'Camiseta Básica' }).click();
    await expect(page.getByTestId('product-title')).toHaveText('Camiseta Básica');
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', storeUrl(SLUG, '/products/camiseta-basica'));
    await expect(page.locator('meta[name=description]')).toHaveAttribute('content', 'Malha leve de algodão.');
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'product');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'Product', name: 'Camiseta Básica', url: storeUrl(SLUG, '/products/camiseta-basica') });
    expect(jsonLd.offers).toEqual([
      expect.objectContaining({ '@type': 'Offer', price: '49.90', priceCurrency: 'BRL', availability: 'https://schema.org/InStock' }),
      expect.objectContaining({ '@type': 'Offer', price: '49.90', priceCurrency: 'BRL', availability: 'https://schema.org/InStock' }),
    ]);
    // The product page leads to its category, whose listing has the same facets.
    await page.getByTestId('product-category').getByRole('link', { name: 'Camisetas' }).click();
    await expect(page).toHaveURL(storeUrl(SLUG, '/categories/camisetas'));
    await expect(page.getByTestId('listing-title')).toHaveText('Camisetas');
    await expect(page.getByTestId('result-summary')).toHaveText('2 produtos');
    await expect(page.getByTestId('facet-option').filter({ hasText: 'Tamanho' })).toContainText('M (2)');
  });

  test('the home page links categories and collections; a search with no results offers a suggestion', async ({ page }) => {
    await page.goto(storeUrl(SLUG));
    await page.getByTestId('store-collections').getByRole('link', { name: 'Verão' }).click();
    await expect(page.getByTestId('listing-title')).toHaveText('Verão');
    await expect(results(page)).toContainText('Camiseta Básica');
    await expect(results(page)).not.toContainText('Listrada');

    await page.goto(storeUrl(SLUG, '/search?q=camista+vermelha'));
    await expect(page.getByTestId('no-results')).toContainText('Nenhum resultado');
    await page.getByTestId('did-you-mean').getByRole('link').click();
    await expect(page).toHaveURL(/q=camiseta\+vermelha/);
    await expect(page.getByTestId('no-results')).toContainText('Camisetas');
  });

  test('sitemap.xml and robots.txt are generated for the host they are asked on', async ({ page, request }) => {
    const sitemap = await page.goto(storeUrl(SLUG, '/sitemap.xml'));
    expect(sitemap?.status()).toBe(200);
    expect(sitemap?.headers()['content-type']).toContain('application/xml');
    const xml = await sitemap!.text();
    for (const path of ['/', '/products/camiseta-basica', '/products/caneca-esmaltada', '/categories/camisetas', '/collections/verao', '/pages/sobre']) {
      expect(xml).toContain(`<loc>${storeUrl(SLUG, path)}</loc>`);
    }
    expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);
    expect(xml).not.toContain('alpha');

    const alpha = await (await page.goto(storeUrl('alpha', '/sitemap.xml')))!.text();
    expect(alpha).toContain(`<loc>${storeUrl('alpha', '/products/alpha-green-tea')}</loc>`);
    expect(alpha).not.toContain('camiseta');

    const robots = await page.goto(storeUrl(SLUG, '/robots.txt'));
    expect(robots?.headers()['content-type']).toContain('text/plain');
    const text = await robots!.text();
    expect(text).toContain('User-agent: *\nAllow: /');
    for (const path of ['/cart', '/checkout', '/account']) expect(text).toContain(`Disallow: ${path}`);
    expect(text).toContain(`Sitemap: ${storeUrl(SLUG, '/sitemap.xml')}`);

    // The platform host keeps its own (no store's sitemap is served there).
    const platform = await request.get('/robots.txt');
    expect(await platform.text()).not.toContain('Sitemap: http://');
    const platformSitemap = await request.get('/sitemap.xml');
    expect(await platformSitemap.text()).not.toContain('<urlset');
  });

  test('unknown products, categories, collections and pages answer 404 in the store\'s look', async ({ page }) => {
    for (const [path, sentence] of [
      ['/products/nao-existe', 'Este produto não está disponível nesta loja.'],
      ['/categories/nao-existe', 'Esta categoria não existe nesta loja.'],
      ['/collections/nao-existe', 'Esta coleção não existe nesta loja.'],
      ['/pages/nao-existe', 'Esta página não existe nesta loja.'],
      ['/qualquer/coisa', 'Este endereço não leva a uma página desta loja.'],
    ] as const) {
      const response = await page.goto(storeUrl(SLUG, path));
      expect(response?.status(), path).toBe(404);
      await expect(page.getByTestId('store-message-title')).toHaveText('Página não encontrada');
      await expect(page.locator('main')).toContainText(sentence);
      await expect(page.getByTestId('store-name')).toHaveText('Delta Moda');
      await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex,follow');
    }
  });

  test('the store speaks Portuguese by default and Spanish once chosen, for the rest of the visit', async ({ page }) => {
    await page.goto(storeUrl(SLUG, '/products/camiseta-basica'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page.locator('main')).toContainText('Em estoque');
    await expect(page.locator('link[rel=alternate][hreflang=es]')).toHaveAttribute('href', storeUrl(SLUG, '/products/camiseta-basica?lang=es'));

    await page.getByTestId('language-links').getByRole('link', { name: 'Español' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('main')).toContainText('En stock');
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', storeUrl(SLUG, '/products/camiseta-basica?lang=es'));
    // Remembered: the next page is in Spanish too, prices still in reais.
    await page.goto(storeUrl(SLUG, '/search?q=caneca'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByTestId('result-summary')).toHaveText('1 resultado para “caneca”');
    await expect(results(page)).toContainText('Agotado');
    await expect(results(page)).toContainText(/35,00\s*R\$|R\$\s*35,00/);

    await page.getByTestId('language-links').getByRole('link', { name: 'Português' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page.getByTestId('result-summary')).toHaveText('1 resultado para “caneca”');
    await expect(results(page)).toContainText('Esgotado');
    // A language the store does not offer is ignored.
    await page.goto(storeUrl(SLUG, '/?lang=en'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  });
});

