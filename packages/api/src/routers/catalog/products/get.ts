import { notFound } from '../../../errors.ts';
import type { TenantContext } from '../../../trpc.ts';
import type { ProductIdInput } from './inputs.ts';
import { PRODUCT_NOT_FOUND } from './summary.ts';

export async function getProduct(ctx: Pick<TenantContext, 'tdb'>, input: ProductIdInput) {
  const product = await ctx.tdb.product.findFirst({
    where: { id: input.id },
    include: {
      variants: { orderBy: { position: 'asc' } },
      images: { orderBy: { position: 'asc' } },
      category: { select: { id: true, name: true, slug: true } },
      collections: { select: { collectionId: true } },
    },
  });
  if (!product) throw notFound(PRODUCT_NOT_FOUND);
  return product;
}
