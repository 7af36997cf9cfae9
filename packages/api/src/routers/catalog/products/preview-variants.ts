import type { TenantContext } from '../../../trpc.ts';
import type { PreviewVariantsInput } from './inputs.ts';
import { buildMatrix, skuFor } from './variant-matrix.ts';

/**
 * The variant matrix for the options on the form, with generated SKUs that no other product of the store
 * uses; nothing is saved (the form sends the rows back with products.create or products.update).
 */
export async function previewVariants(ctx: TenantContext, input: PreviewVariantsInput) {
  // Only SKUs that could clash: those starting like the generated ones.
  const others = await ctx.tdb.productVariant.findMany({
    where: {
      sku: { startsWith: skuFor(input.slug, {}), mode: 'insensitive' },
      ...(input.productId ? { productId: { not: input.productId } } : {}),
    },
    select: { sku: true },
  });
  const rows = buildMatrix({
    slug: input.slug,
    options: input.options,
    current: input.current,
    priceAmount: input.priceAmount,
    takenSkus: new Set(others.map((v) => v.sku.toUpperCase())),
  });
  return { variants: rows };
}
