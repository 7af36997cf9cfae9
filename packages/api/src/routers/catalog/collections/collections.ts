import { audit, memberActor } from '../../../audit.ts';
import { conflict, isUniqueViolation, notFound } from '../../../errors.ts';
import { slugify } from '../../../lib/slugify.ts';
import type { TenantContext } from '../../../trpc.ts';
import type { CollectionIdInput, CreateCollectionInput, SetCollectionProductsInput, UpdateCollectionInput } from './inputs.ts';

export const COLLECTION_NOT_FOUND = 'We could not find this collection in your store.';

const slugTaken = (slug: string | undefined) => (error: unknown) => {
  if (isUniqueViolation(error, 'slug')) throw conflict(`A collection with the address "${slug}" already exists.`);
  throw error;
};

/** Every collection of the store, newest first, with how many products each holds. */
export async function listCollections(ctx: TenantContext) {
  const rows = await ctx.tdb.collection.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, title: true, slug: true, createdAt: true, _count: { select: { products: true } } },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, productCount: _count.products }));
}

/** One collection with its products in their order. */
export async function getCollection(ctx: TenantContext, input: CollectionIdInput) {
  const collection = await ctx.tdb.collection.findFirst({
    where: { id: input.id },
    include: {
      products: {
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
        select: { product: { select: { id: true, title: true, slug: true, status: true } } },
      },
    },
  });
  if (!collection) throw notFound(COLLECTION_NOT_FOUND);
  const { products, ...rest } = collection;
  return { ...rest, products: products.map((p) => p.product) };
}

export async function createCollection(ctx: TenantContext, input: CreateCollectionInput) {
  const slug = input.slug ?? slugify(input.title);
  return ctx.tdb
    .$scoped(async (tx) => {
      const collection = await tx.collection.create({
        data: {
          tenantId: ctx.tenant.id,
          title: input.title,
          slug,
          description: input.description,
          seoTitle: input.seoTitle ?? null,
          seoDescription: input.seoDescription ?? null,
        },
      });
      await audit(tx, memberActor(ctx), {
        tenantId: ctx.tenant.id,
        action: 'collection.created',
        targetType: 'collection',
        targetId: collection.id,
        data: { title: collection.title, slug },
      });
      return collection;
    })
    .catch(slugTaken(slug));
}

export async function updateCollection(ctx: TenantContext, input: UpdateCollectionInput) {
  const { id, ...changes } = input;
  return ctx.tdb
    .$scoped(async (tx) => {
      const existing = await tx.collection.findFirst({ where: { id }, select: { id: true, title: true, slug: true } });
      if (!existing) throw notFound(COLLECTION_NOT_FOUND);
      const collection = await tx.collection.update({ where: { id: existing.id }, data: changes });
      await audit(tx, memberActor(ctx), {
        tenantId: ctx.tenant.id,
        action: 'collection.updated',
        targetType: 'collection',
        targetId: id,
        data: { changed: Object.keys(changes), before: existing },
      });
      return collection;
    })
    .catch(slugTaken(changes.slug));
}

/** Deletes the collection; its products stay in the catalogue. */
export async function deleteCollection(ctx: TenantContext, input: CollectionIdInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const existing = await tx.collection.findFirst({ where: { id: input.id }, select: { id: true, title: true, slug: true } });
    if (!existing) throw notFound(COLLECTION_NOT_FOUND);
    await tx.collection.delete({ where: { id: existing.id } });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'collection.deleted',
      targetType: 'collection',
      targetId: existing.id,
      data: { title: existing.title, slug: existing.slug },
    });
    return { id: existing.id };
  });
}

/** The collection holds exactly these products, in this order (add, remove and reorder in one call). */
export async function setCollectionProducts(ctx: TenantContext, input: SetCollectionProductsInput) {
  const tenantId = ctx.tenant.id;
  await ctx.tdb.$scoped(async (tx) => {
    const collection = await tx.collection.findFirst({ where: { id: input.id }, select: { id: true } });
    if (!collection) throw notFound(COLLECTION_NOT_FOUND);
    const found = await tx.product.count({ where: { id: { in: input.productIds } } });
    if (found !== input.productIds.length) throw notFound('Some of these products are not in your store. Reload the page and try again.');
    await tx.collectionProduct.deleteMany({ where: { collectionId: collection.id } });
    await tx.collectionProduct.createMany({
      data: input.productIds.map((productId, position) => ({ tenantId, collectionId: collection.id, productId, position })),
    });
    await audit(tx, memberActor(ctx), {
      tenantId,
      action: 'collection.products_set',
      targetType: 'collection',
      targetId: collection.id,
      data: { productIds: input.productIds },
    });
  });
  return getCollection(ctx, { id: input.id });
}
