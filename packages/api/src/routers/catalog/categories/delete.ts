import { audit, memberActor } from '../../../audit.ts';
import { notFound, TRPCErrorWith } from '../../../errors.ts';
import type { TenantContext } from '../../../trpc.ts';
import { CATEGORY_NOT_FOUND } from './create.ts';
import type { DeleteCategoryInput } from './inputs.ts';

/** Deletes an empty category; one that still holds products or subcategories is refused. */
export async function deleteCategory(ctx: TenantContext, input: DeleteCategoryInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const category = await tx.category.findFirst({ where: { id: input.id }, select: { id: true, name: true, slug: true } });
    if (!category) throw notFound(CATEGORY_NOT_FOUND);
    const products = await tx.product.count({ where: { categoryId: category.id } });
    if (products > 0) {
      const noun = products === 1 ? '1 product' : `${products} products`;
      throw TRPCErrorWith('PRECONDITION_FAILED', `"${category.name}" still has ${noun}. Move them to another category before deleting it.`);
    }
    const children = await tx.category.count({ where: { parentId: category.id } });
    if (children > 0) {
      throw TRPCErrorWith('PRECONDITION_FAILED', `"${category.name}" has subcategories. Move or delete them before deleting it.`);
    }
    await tx.category.delete({ where: { id: category.id } });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'category.deleted',
      targetType: 'category',
      targetId: category.id,
      data: { name: category.name, slug: category.slug },
    });
    return { id: category.id };
  });
}
