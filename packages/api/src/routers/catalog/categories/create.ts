import { audit, memberActor } from '../../../audit.ts';
import { conflict, isUniqueViolation, notFound } from '../../../errors.ts';
import { slugify } from '../../../lib/slugify.ts';
import type { TenantContext } from '../../../trpc.ts';
import type { CreateCategoryInput } from './inputs.ts';

export const CATEGORY_NOT_FOUND = 'We could not find this category in your store.';

export async function createCategory(ctx: TenantContext, input: CreateCategoryInput) {
  const slug = input.slug ?? slugify(input.name);
  return ctx.tdb
    .$scoped(async (tx) => {
      if (input.parentId && !(await tx.category.findFirst({ where: { id: input.parentId }, select: { id: true } }))) {
        throw notFound('The parent category does not exist in your store.');
      }
      const category = await tx.category.create({
        data: { tenantId: ctx.tenant.id, name: input.name, slug, parentId: input.parentId ?? null, position: input.position ?? 0 },
      });
      await audit(tx, memberActor(ctx), {
        tenantId: ctx.tenant.id,
        action: 'category.created',
        targetType: 'category',
        targetId: category.id,
        data: { name: category.name, slug: category.slug, parentId: category.parentId },
      });
      return category;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'slug')) throw conflict(`A category with the address "${slug}" already exists.`);
      throw error;
    });
}
