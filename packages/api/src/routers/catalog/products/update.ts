import type { Prisma } from '@vitrine/db';
import { audit, memberActor } from '../../../audit.ts';
import { badRequest, notFound } from '../../../errors.ts';
import type { TenantContext } from '../../../trpc.ts';
import { getProduct } from './get.ts';
import type { UpdateProductInput } from './inputs.ts';
import { PRODUCT_NOT_FOUND } from './summary.ts';
import { assertVariantsMatchOptions } from './variant-matrix.ts';
import { assertCategoryExists, assertSkusFree, explainUniqueViolation, freeRedirectedSlug, keepOldSlug, productSlug } from './write-helpers.ts';
import type { OptionsInput } from './inputs.ts';

/** Changes a product's fields and, when variants are given, makes its variants exactly those. */
export async function updateProduct(ctx: TenantContext, input: UpdateProductInput) {
  const { id, variants, options, ...fields } = input;
  const tenantId = ctx.tenant.id;
  await ctx.tdb
    .$scoped(async (tx) => {
      const product = await tx.product.findFirst({ where: { id }, select: { id: true, title: true, slug: true, status: true, options: true } });
      if (!product) throw notFound(PRODUCT_NOT_FOUND);
      if (options && !variants) throw badRequest('Send the variants together with the options.');
      if (variants) assertVariantsMatchOptions(options ?? (product.options as OptionsInput), variants);
      if (product.status === 'ARCHIVED' && fields.status) throw badRequest('Restore this product before changing its status.');
      if (fields.categoryId !== undefined) await assertCategoryExists(tx, fields.categoryId);

      const { slug: requestedSlug, ...rest } = fields;
      const data: Prisma.ProductUncheckedUpdateInput = { ...rest };
      let newSlug: string | null = null;
      if (options) data.options = options;
      if (requestedSlug !== undefined && requestedSlug !== product.slug) {
        newSlug = await productSlug(tx, fields.title ?? product.title, requestedSlug, id);
        data.slug = newSlug;
        await freeRedirectedSlug(tx, newSlug);
        await keepOldSlug(tx, tenantId, id, product.slug);
      }

      const variantChanges = { created: [] as string[], updated: [] as string[], removed: [] as string[] };
      if (variants) {
        await assertSkusFree(tx, variants.map((v) => v.sku), id);
        const existing = await tx.productVariant.findMany({ where: { productId: id }, select: { id: true, sku: true } });
        const existingIds = new Set(existing.map((v) => v.id));
        for (const v of variants) {
          if (v.id && !existingIds.has(v.id)) throw notFound(`Variant ${v.sku} does not belong to this product.`);
        }
        const kept = new Set(variants.flatMap((v) => (v.id ? [v.id] : [])));
        const removed = existing.filter((v) => !kept.has(v.id));
        if (removed.length) await tx.productVariant.deleteMany({ where: { productId: id, id: { in: removed.map((v) => v.id) } } });
        variantChanges.removed = removed.map((v) => v.sku);
        // Free the SKUs being renamed first, so two variants can swap SKUs.
        const renamed = variants.filter((v) => v.id && existing.find((e) => e.id === v.id)?.sku !== v.sku);
        for (const v of renamed) await tx.productVariant.update({ where: { id: v.id }, data: { sku: `~renaming~${v.id}` } });
        for (const [position, { id: variantId, ...v }] of variants.entries()) {
          const values = { ...v, compareAtAmount: v.compareAtAmount ?? null, currency: v.currency ?? ctx.tenant.currency, position };
          if (variantId) {
            await tx.productVariant.update({ where: { id: variantId }, data: values });
            variantChanges.updated.push(v.sku);
          } else {
            await tx.productVariant.create({ data: { ...values, tenantId, productId: id } });
            variantChanges.created.push(v.sku);
          }
        }
      }
      if (Object.keys(data).length > 0 || variants) await tx.product.update({ where: { id }, data });
      await audit(tx, memberActor(ctx), {
        tenantId,
        action: 'product.updated',
        targetType: 'product',
        targetId: id,
        data: {
          changed: [...Object.keys(fields), ...(options ? ['options'] : [])],
          ...(newSlug ? { slug: { from: product.slug, to: newSlug } } : {}),
          ...(variants ? { variants: variantChanges } : {}),
        },
      });
    })
    .catch(explainUniqueViolation);
  return getProduct(ctx, { id });
}
