import type { Prisma } from '@vitrine/db';
import { audit, memberActor } from '../../../audit.ts';
import { notFound } from '../../../errors.ts';
import { assertWithinLimit } from '../../../plans/index.ts';
import type { TenantContext } from '../../../trpc.ts';
import type { BulkActionInput } from './inputs.ts';
import { assertCategoryExists } from './write-helpers.ts';

/**
 * One action on the selected products, all in one transaction with one audit row. Every id must be a product
 * of this store: an id of another store (or a deleted one) refuses the whole request and changes nothing.
 * Archived products are left out of publish/unpublish (restore them first) and restore touches only archived ones.
 */
export async function bulkProducts(ctx: TenantContext, input: BulkActionInput) {
  const ids = [...new Set(input.ids)];
  const tenantId = ctx.tenant.id;
  return ctx.tdb.$scoped(async (tx) => {
    const found = await tx.product.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    if (found.length !== ids.length) {
      const missing = ids.length - found.length;
      throw notFound(
        missing === 1
          ? 'One of the selected products is not in your store any more. Reload the list and try again.'
          : `${missing} of the selected products are not in your store any more. Reload the list and try again.`,
      );
    }
    const where = (extra: Prisma.ProductWhereInput = {}): Prisma.ProductWhereInput => ({ id: { in: ids }, ...extra });
    let changed: number;
    switch (input.action) {
      case 'archive':
        changed = (await tx.product.updateMany({ where: where({ status: { not: 'ARCHIVED' } }), data: { status: 'ARCHIVED', archivedAt: new Date() } })).count;
        break;
      case 'restore':
        if (found.some((p) => p.status === 'ARCHIVED')) await assertWithinLimit(tx, ctx.tenant, 'products', found.filter((p) => p.status === 'ARCHIVED').length);
        changed = (await tx.product.updateMany({ where: where({ status: 'ARCHIVED' }), data: { status: 'DRAFT', archivedAt: null } })).count;
        break;
      case 'publish':
        changed = (await tx.product.updateMany({ where: where({ status: 'DRAFT' }), data: { status: 'ACTIVE' } })).count;
        break;
      case 'unpublish':
        changed = (await tx.product.updateMany({ where: where({ status: 'ACTIVE' }), data: { status: 'DRAFT' } })).count;
        break;
      case 'setCategory':
        await assertCategoryExists(tx, input.categoryId);
        changed = (await tx.product.updateMany({ where: where(), data: { categoryId: input.categoryId } })).count;
        break;
      case 'addToCollection': {
        const collection = await tx.collection.findFirst({ where: { id: input.collectionId }, select: { id: true } });
        if (!collection) throw notFound('That collection does not exist in your store.');
        const last = await tx.collectionProduct.aggregate({ where: { collectionId: collection.id }, _max: { position: true } });
        const start = (last._max.position ?? -1) + 1;
        changed = (
          await tx.collectionProduct.createMany({
            data: ids.map((productId, i) => ({ tenantId, collectionId: collection.id, productId, position: start + i })),
            skipDuplicates: true,
          })
        ).count;
        break;
      }
    }
    await audit(tx, memberActor(ctx), {
      tenantId,
      action: `product.bulk.${input.action}`,
      targetType: 'product',
      data: {
        ids,
        changed,
        ...(input.action === 'setCategory' ? { categoryId: input.categoryId } : {}),
        ...(input.action === 'addToCollection' ? { collectionId: input.collectionId } : {}),
      },
    });
    return { selected: ids.length, changed };
  });
}
