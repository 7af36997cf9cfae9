import type { ScopedTransaction } from '@vitrine/db';
import { audit, memberActor } from '../../../audit.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../../errors.ts';
import type { TenantContext } from '../../../trpc.ts';
import { CATEGORY_NOT_FOUND } from './create.ts';
import type { UpdateCategoryInput } from './inputs.ts';

/** Refuses a parent that is the category itself or one of its descendants. */
async function assertParentAllowed(tx: ScopedTransaction, id: string, parentId: string) {
  let current: string | null = parentId;
  for (let depth = 0; current; depth++) {
    if (current === id || depth > 50) throw badRequest('A category cannot be placed inside itself or one of its subcategories.');
    const parent: { parentId: string | null } | null = await tx.category.findFirst({ where: { id: current }, select: { parentId: true } });
    if (!parent) throw notFound('The parent category does not exist in your store.');
    current = parent.parentId;
  }
}

export async function updateCategory(ctx: TenantContext, input: UpdateCategoryInput) {
  const { id, ...changes } = input;
  return ctx.tdb
    .$scoped(async (tx) => {
      const existing = await tx.category.findFirst({ where: { id } });
      if (!existing) throw notFound(CATEGORY_NOT_FOUND);
      if (changes.parentId) await assertParentAllowed(tx, id, changes.parentId);
      const category = await tx.category.update({ where: { id: existing.id }, data: changes });
      await audit(tx, memberActor(ctx), {
        tenantId: ctx.tenant.id,
        action: 'category.updated',
        targetType: 'category',
        targetId: id,
        data: { changed: Object.keys(changes), before: { name: existing.name, slug: existing.slug, parentId: existing.parentId } },
      });
      return category;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'slug')) throw conflict(`A category with the address "${changes.slug}" already exists.`);
      throw error;
    });
}
