import type { ProductStatus } from '@vitrine/db';
import { audit, memberActor } from '../../../audit.ts';
import { notFound } from '../../../errors.ts';
import { assertWithinLimit } from '../../../plans/index.ts';
import type { TenantContext } from '../../../trpc.ts';
import type { ProductIdInput } from './inputs.ts';
import { PRODUCT_NOT_FOUND } from './summary.ts';

async function setArchived(ctx: TenantContext, input: ProductIdInput, archived: boolean) {
  return ctx.tdb.$scoped(async (tx) => {
    const product = await tx.product.findFirst({ where: { id: input.id }, select: { id: true, status: true } });
    if (!product) throw notFound(PRODUCT_NOT_FOUND);
    const select = { id: true, status: true, archivedAt: true } as const;
    if ((product.status === 'ARCHIVED') === archived) return tx.product.findFirstOrThrow({ where: { id: product.id }, select });
    if (!archived) await assertWithinLimit(tx, ctx.tenant, 'products');
    // Restored products come back as drafts: publishing again is a deliberate step.
    const status: ProductStatus = archived ? 'ARCHIVED' : 'DRAFT';
    const updated = await tx.product.update({
      where: { id: product.id },
      data: { status, archivedAt: archived ? new Date() : null },
      select,
    });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: archived ? 'product.archived' : 'product.restored',
      targetType: 'product',
      targetId: product.id,
      data: { from: product.status, to: status },
    });
    return updated;
  });
}

/** Takes a product off the store and out of the default list; nothing is deleted. */
export const archiveProduct = (ctx: TenantContext, input: ProductIdInput) => setArchived(ctx, input, true);
/** Brings an archived product back as a draft. */
export const restoreProduct = (ctx: TenantContext, input: ProductIdInput) => setArchived(ctx, input, false);
