import { renditionKey, renditionWidths } from '@vitrine/media/images';
import type { ObjectStorage } from '@vitrine/media/storage';
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
        where: { enabled: true },
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
    images: product.images.map((image) => ({ ...image, ...imageSources(ctx.storage, image) })),
    variants: product.variants.map((v) => ({ ...v, attributes: v.attributes as Record<string, string>, inStock: v.stock > 0 })),
    priceMin,
    priceMax,
    currency,
    inStock: totalStock > 0,
  };
}

/**
 * Where the browser loads an image from: `src` (the 960 px rendition or the largest below it) and a `srcset` of
 * every stored width. Null without storage or a width (images are always stored with one).
 */
function imageSources(storage: ObjectStorage | null, image: { storageKey: string; width: number | null }) {
  if (!storage || !image.width) return { src: null, srcset: null };
  const widths = renditionWidths(image.width);
  const main = widths.filter((w) => w <= 960).pop() ?? widths[0]!;
  return {
    src: storage.publicUrl(renditionKey(image.storageKey, main)),
    srcset: widths.map((w) => `${storage.publicUrl(renditionKey(image.storageKey, w))} ${w}w`).join(', '),
  };
}
