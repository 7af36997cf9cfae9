import { audit, memberActor } from '../../../audit.ts';
import type { TenantContext } from '../../../trpc.ts';
import type { CreateProductInput } from './inputs.ts';
import { assertVariantsMatchOptions } from './variant-matrix.ts';
import { assertCategoryExists, assertSkusFree, explainUniqueViolation, freeRedirectedSlug, productSlug } from './write-helpers.ts';
import { getProduct } from './get.ts';
import { assertNotAttached, readUpload } from '../images/product-images.ts';
import { assertWithinLimit } from '../../../plans/index.ts';

/** A product, its variants and its uploaded images in one transaction, with its audit row. */
export async function createProduct(ctx: TenantContext, input: CreateProductInput) {
  const tenantId = ctx.tenant.id;
  // Uploads are checked in storage before the transaction, so no database lock waits on the disk or the bucket.
  const images = await Promise.all(input.images.map(async (i) => ({ ...i, stored: await readUpload(ctx, i.key) })));
  const id = await ctx.tdb
    .$scoped(async (tx) => {
      assertVariantsMatchOptions(input.options, input.variants);
      await assertWithinLimit(tx, ctx.tenant, 'products');
      const bytes = images.reduce((sum, image) => sum + image.stored.bytes, 0);
      if (bytes > 0) await assertWithinLimit(tx, ctx.tenant, 'storageMb', bytes);
      await assertCategoryExists(tx, input.categoryId);
      await assertSkusFree(tx, input.variants.map((v) => v.sku));
      const slug = await productSlug(tx, input.title, input.slug);
      await freeRedirectedSlug(tx, slug);
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
          options: input.options,
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
      for (const image of images) await assertNotAttached(tx, image.key);
      await tx.productImage.createMany({
        data: images.map((image, position) => ({
          tenantId,
          productId: product.id,
          storageKey: image.key,
          alt: image.alt || product.title,
          width: image.stored.width,
          height: image.stored.height,
          sizeBytes: image.stored.bytes,
          position,
        })),
      });
      await audit(tx, memberActor(ctx), {
        tenantId,
        action: 'product.created',
        targetType: 'product',
        targetId: product.id,
        data: { title: product.title, status: product.status, skus: input.variants.map((v) => v.sku), images: images.length },
      });
      return product.id;
    })
    .catch(explainUniqueViolation);
  return getProduct(ctx, { id });
}
