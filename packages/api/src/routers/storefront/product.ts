import { notFound } from '../../errors.ts';
import type { StorefrontContext } from '../../trpc.ts';
import { figuresOf } from '../catalog/products/summary.ts';
import type { StorefrontProductInput } from './inputs.ts';

/** One published product by its address; drafts and archived products are not found. */
export async function storefrontProduct(ctx: StorefrontContext, input: StorefrontProductInput) {
  const product = await ctx.tdb.product.findFirst({
    where: { slug: input.slug, status: 'ACTIVE' },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      seoTitle: true,
      seoDescription: true,
      category: { select: { name: true, slug: true } },
      variants: {
        orderBy: { position: 'asc' },
        select: { id: true, sku: true, title: true, attributes: true, priceAmount: true, compareAtAmount: true, currency: true, stock: true },
      },
      images: { orderBy: { position: 'asc' }, select: { storageKey: true, alt: true, width: true, height: true } },
    },
  });
  if (!product) throw notFound('This product is not available in this store.');
  const { totalStock, priceMin, priceMax, currency } = figuresOf(product.variants);
  return {
    ...product,
    variants: product.variants.map((v) => ({ ...v, attributes: v.attributes as Record<string, string>, inStock: v.stock > 0 })),
    priceMin,
    priceMax,
    currency,
    inStock: totalStock > 0,
  };
}
