import { forbidden } from '../../errors.ts';
import { can } from '../../permissions.ts';
import type { TenantContext } from '../../trpc.ts';
import { createProduct } from '../catalog/products/create.ts';
import { createProductInput, previewVariantsInput } from '../catalog/products/inputs.ts';
import { previewVariants } from '../catalog/products/preview-variants.ts';
import { freeSku, skuFor } from '../catalog/products/variant-matrix.ts';
import type { FirstProductInput } from './inputs.ts';
import { markStep } from './progress.ts';

/**
 * Step 4: the first product, on sale at once. Option axes (Size × Colour) become the catalog's variant matrix
 * (its generated <TITLE>-<VALUE>-<VALUE> SKUs, free in the store), each variant with the same price and stock,
 * and its uploaded photos attached in the same transaction;
 * without options, one variant with a SKU from the title. The product is created by the catalog's own
 * createProduct (same checks, same audit row), then the step is recorded.
 */
export async function saveFirstProduct(ctx: TenantContext, input: FirstProductInput) {
  if (!can(ctx.membership, 'catalog:write')) throw forbidden('Your role in this store does not allow this (catalog:write).');
  let variants: { sku: string; title: string; attributes: Record<string, string>; priceAmount: number; stock: number }[];
  if (input.options.length > 0) {
    const matrix = await previewVariants(ctx, previewVariantsInput.parse({ slug: input.title, options: input.options, priceAmount: input.priceAmount }));
    variants = matrix.variants.map((v) => ({ sku: v.sku, title: v.title, attributes: v.attributes, priceAmount: input.priceAmount, stock: input.stock }));
  } else {
    const base = skuFor(input.title, {});
    const taken = await ctx.tdb.productVariant.findMany({ where: { sku: { startsWith: base, mode: 'insensitive' } }, select: { sku: true } });
    const sku = freeSku(base, new Set(taken.map((v) => v.sku.toUpperCase())));
    variants = [{ sku, title: '', attributes: {}, priceAmount: input.priceAmount, stock: input.stock }];
  }
  // Parsed by the catalog's own schema, so its defaults and checks apply as if it had been called directly.
  const product = await createProduct(
    ctx,
    createProductInput.parse({
      title: input.title,
      description: input.description,
      status: 'ACTIVE',
      options: input.options,
      variants,
      images: input.imageKeys.map((key) => ({ key, alt: input.title })),
    }),
  );
  await ctx.tdb.$scoped((tx) => markStep(tx, ctx.tenant.id, 'product'));
  return product;
}
