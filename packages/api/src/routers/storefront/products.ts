import { notFound } from '../../errors.ts';
import type { StorefrontContext } from '../../trpc.ts';
import { productPage } from '../catalog/products/list.ts';
import type { StorefrontProductsInput } from './inputs.ts';

/** A page of the store's published catalogue: Active products only, newest first. */
export async function storefrontProducts(ctx: StorefrontContext, input: StorefrontProductsInput) {
  let categoryId: string | undefined;
  if (input.categorySlug) {
    const category = await ctx.tdb.category.findFirst({ where: { slug: input.categorySlug }, select: { id: true } });
    if (!category) throw notFound('This category does not exist in this store.');
    categoryId = category.id;
  }
  const page = await productPage(ctx.tdb, { statuses: ['ACTIVE'], categoryId, limit: input.limit, cursor: input.cursor });
  return {
    items: page.items.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: p.title,
      image: p.image,
      priceMin: p.priceMin,
      priceMax: p.priceMax,
      currency: p.currency,
      inStock: p.totalStock > 0,
      totalStock: p.totalStock,
    })),
    nextCursor: page.nextCursor,
  };
}
