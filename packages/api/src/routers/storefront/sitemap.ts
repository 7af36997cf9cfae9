import type { StorefrontContext } from '../../trpc.ts';

/** At most this many products in the sitemap (one sitemap file holds 50,000 addresses). */
export const SITEMAP_PRODUCTS = 45_000;

/**
 * Every public address of the store with its last change, for /sitemap.xml: published products, categories,
 * collections and published institutional pages (the home page is added by the web app).
 */
export async function storefrontSitemap(ctx: StorefrontContext) {
  const [products, categories, collections, pages] = await Promise.all([
    ctx.tdb.product.findMany({
      where: { status: 'ACTIVE', archivedAt: null },
      select: { slug: true, updatedAt: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: SITEMAP_PRODUCTS,
    }),
    ctx.tdb.category.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } }),
    ctx.tdb.collection.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } }),
    ctx.tdb.storePage.findMany({ where: { published: true }, select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } }),
  ]);
  return { products, categories, collections, pages };
}
