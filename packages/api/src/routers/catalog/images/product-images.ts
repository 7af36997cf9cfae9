import type { ScopedTransaction } from '@vitrine/db';
import { deleteImage, isUploadKeyOf, readStoredImage } from '@vitrine/media/images';
import type { ObjectStorage } from '@vitrine/media/storage';
import { audit, memberActor } from '../../../audit.ts';
import { assertWithinLimit, storedImageBytes } from '../../../plans/index.ts';
import { badRequest, notFound, TRPCErrorWith } from '../../../errors.ts';
import type { TenantContext } from '../../../trpc.ts';
import { PRODUCT_NOT_FOUND } from '../products/summary.ts';
import { explainUniqueViolation } from '../products/write-helpers.ts';
import type { AddImageInput, ImageIdInput, ReorderImagesInput, UpdateImageInput } from './inputs.ts';

import { MAX_IMAGES_PER_PRODUCT } from './limits.ts';
const IMAGE_NOT_FOUND = 'We could not find this image in your store.';

function storageOf(ctx: TenantContext): ObjectStorage {
  if (!ctx.storage) throw TRPCErrorWith('PRECONDITION_FAILED', 'Image storage is not configured on this server.');
  return ctx.storage;
}

/** Checks that `key` is this store's product upload, complete in storage, and answers its size (and its bytes in storage). */
export async function readUpload(ctx: TenantContext, key: string) {
  const storage = storageOf(ctx);
  if (!isUploadKeyOf(key, ctx.tenant.id, 'product')) throw badRequest('This image was not uploaded to this store. Upload it again.');
  const stored = await readStoredImage(storage, key);
  if (!stored) throw badRequest('This upload is not available any more. Upload the image again.');
  return { ...stored, bytes: await storedImageBytes(storage, stored) };
}

/** Refuses a key already attached to one of the store's products (inside the attaching transaction). */
export async function assertNotAttached(tx: ScopedTransaction, key: string) {
  if (await tx.productImage.findFirst({ where: { storageKey: key }, select: { id: true } })) {
    throw badRequest('This image is already attached to a product.');
  }
}

/** Attaches an uploaded image (this store's, complete in storage) at the end of the product's images. */
export async function addProductImage(ctx: TenantContext, input: AddImageInput) {
  const stored = await readUpload(ctx, input.key);
  return ctx.tdb.$scoped(async (tx) => {
    const product = await tx.product.findFirst({ where: { id: input.productId }, select: { id: true } });
    if (!product) throw notFound(PRODUCT_NOT_FOUND);
    const count = await tx.productImage.count({ where: { productId: product.id } });
    if (count >= MAX_IMAGES_PER_PRODUCT) throw badRequest(`A product can have at most ${MAX_IMAGES_PER_PRODUCT} images. Delete one first.`);
    await assertNotAttached(tx, input.key);
    await assertWithinLimit(tx, ctx.tenant, 'storageMb', stored.bytes);
    const image = await tx.productImage.create({
      data: {
        tenantId: ctx.tenant.id,
        productId: product.id,
        storageKey: input.key,
        alt: input.alt,
        width: stored.width,
        height: stored.height,
        sizeBytes: stored.bytes,
        position: count,
      },
    });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'product.image.added',
      targetType: 'product',
      targetId: product.id,
      data: { imageId: image.id, key: input.key },
    });
    return image;
  }).catch(explainUniqueViolation);
}

export async function updateProductImage(ctx: TenantContext, input: UpdateImageInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const image = await tx.productImage.findFirst({ where: { id: input.id }, select: { id: true, productId: true, alt: true } });
    if (!image) throw notFound(IMAGE_NOT_FOUND);
    const updated = await tx.productImage.update({ where: { id: image.id }, data: { alt: input.alt } });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'product.image.updated',
      targetType: 'product',
      targetId: image.productId,
      data: { imageId: image.id, alt: { from: image.alt, to: input.alt } },
    });
    return updated;
  });
}

/** Puts the product's images in the given order; the list must name each of its images once. */
export async function reorderProductImages(ctx: TenantContext, input: ReorderImagesInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const product = await tx.product.findFirst({ where: { id: input.productId }, select: { id: true } });
    if (!product) throw notFound(PRODUCT_NOT_FOUND);
    const images = await tx.productImage.findMany({ where: { productId: product.id }, select: { id: true } });
    const current = new Set(images.map((i) => i.id));
    if (input.ids.length !== current.size || new Set(input.ids).size !== input.ids.length || !input.ids.every((id) => current.has(id))) {
      throw badRequest("The new order must list each of this product's images once. Reload the page and try again.");
    }
    for (const [position, id] of input.ids.entries()) await tx.productImage.update({ where: { id }, data: { position } });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'product.image.reordered',
      targetType: 'product',
      targetId: product.id,
      data: { ids: input.ids },
    });
    return tx.productImage.findMany({ where: { productId: product.id }, orderBy: { position: 'asc' } });
  });
}

/** Removes the image from the product, then its files (a file left behind by a crash is harmless, never the reverse). */
export async function deleteProductImage(ctx: TenantContext, input: ImageIdInput) {
  const storage = storageOf(ctx);
  const removed = await ctx.tdb.$scoped(async (tx) => {
    const image = await tx.productImage.findFirst({ where: { id: input.id } });
    if (!image) throw notFound(IMAGE_NOT_FOUND);
    await tx.productImage.delete({ where: { id: image.id } });
    const rest = await tx.productImage.findMany({ where: { productId: image.productId }, orderBy: { position: 'asc' }, select: { id: true } });
    for (const [position, { id }] of rest.entries()) await tx.productImage.update({ where: { id }, data: { position } });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'product.image.deleted',
      targetType: 'product',
      targetId: image.productId,
      data: { imageId: image.id, key: image.storageKey },
    });
    return image;
  });
  if (removed.width && isUploadKeyOf(removed.storageKey, ctx.tenant.id, 'product')) {
    await deleteImage(storage, removed.storageKey, removed.width).catch((error: unknown) =>
      ctx.log.warn({ err: error, key: removed.storageKey }, 'could not remove the files of a deleted image'),
    );
  }
  return { id: removed.id };
}
