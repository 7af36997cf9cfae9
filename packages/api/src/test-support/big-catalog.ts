import type { PrismaClient } from '@vitrine/db';

/**
 * A store's catalog at scale, written with set-based SQL as the superuser (seconds, not the minutes of the API):
 * `products` products "Product <n>" with ids `<prefix><n, 6 digits>`, one variant each (SKU-<id>, stock n % 7),
 * 10% drafts and 4% archived, three products per second of created_at (so keyset ties occur), and a collection
 * `col-<prefix>` holding every 100th product. Shared by the catalog scale test and bench/products-list.
 */
export async function seedBigCatalog(owner: PrismaClient, tenantId: string, prefix: string, products: number): Promise<void> {
  await owner.$executeRawUnsafe(`
    INSERT INTO products (id, tenant_id, title, slug, status, created_at, updated_at)
    SELECT '${prefix}' || lpad(g::text, 6, '0'), '${tenantId}', 'Product ' || g, '${prefix}-' || g,
           (CASE WHEN g % 10 = 0 THEN 'DRAFT' WHEN g % 25 = 1 THEN 'ARCHIVED' ELSE 'ACTIVE' END)::"ProductStatus",
           timestamp '2026-01-01' + (g / 3) * interval '1 second', now()
      FROM generate_series(1, ${products}) AS g`);
  await owner.$executeRawUnsafe(`
    INSERT INTO product_variants (id, tenant_id, product_id, sku, price_amount, currency, stock, updated_at)
    SELECT 'v' || p.id, p.tenant_id, p.id, 'SKU-' || p.id, 1000 + (random() * 9000)::int, 'BRL', substr(p.id, 2)::int % 7, now()
      FROM products p WHERE p.tenant_id = '${tenantId}'`);
  await owner.$executeRawUnsafe(`
    INSERT INTO collections (id, tenant_id, title, slug, updated_at) VALUES ('col-${prefix}', '${tenantId}', 'Picks', 'picks', now())`);
  await owner.$executeRawUnsafe(`
    INSERT INTO collection_products (tenant_id, collection_id, product_id, position)
    SELECT '${tenantId}', 'col-${prefix}', id, substr(id, 2)::int FROM products
     WHERE tenant_id = '${tenantId}' AND substr(id, 2)::int % 100 = 0`);
  await owner.$executeRawUnsafe('ANALYZE products; ANALYZE product_variants; ANALYZE product_search_terms; ANALYZE collection_products');
}
