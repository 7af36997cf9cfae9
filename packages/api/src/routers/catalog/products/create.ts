import { audit, memberActor } from '../../../audit.ts';
import type { TenantContext } from '../../../trpc.ts';
import type { CreateProductInput } from './inputs.ts';
import { assertCategoryExists, assertSkusFree, explainUniqueViolation, productSlug } from './write-helpers.ts';
import { getProduct } from './get.ts';

/** A product and its variants in one transaction, with its audit row. */
export async function createProduct(ctx: TenantContext, input: CreateProductInput) {
  const tenantId = ctx.tenant.id;
  const id = await ctx.tdb
    .$scoped(async (tx) => {
      await assertCategoryExists(tx, input.categoryId);
      await assertSkusFree(tx, input.variants.map((v) => v.sku));
      const slug = await productSlug(tx, input.title, input.slug);
      const product = await tx.product.create({
        data: {
          tenantId,
          title: input.title,
          slug,
          description: input.description,
          categoryId: input.categoryId ?? null,
          status: input.status,
          seoTitle: input.seoTitle ?? null,
          seoDescription: input.seoDescription ?? null,
        },
      });
      await tx.productVariant.createMany({
        data: input.variants.map((v, position) => ({
          ...v,
          compareAtAmount: v.compareAtAmount ?? null,
          currency: v.currency ?? ctx.tenant.currency,
          tenantId,
          productId: product.id,
          position,
        })),
      });
      await audit(tx, memberActor(ctx), {
        tenantId,
        action: 'product.created',
        targetType: 'product',
        targetId: product.id,
        data: { title: product.title, status: product.status, skus: input.variants.map((v) => v.sku) },
      });
      return product.id;
    })
    .catch(explainUniqueViolation);
  return getProduct(ctx, { id });
}
