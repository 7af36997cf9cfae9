import { z } from 'zod';
import { idSchema, itemSlugSchema } from '../../../lib/schemas.ts';

const name = z.string().trim().min(1, 'Give the category a name').max(80, 'Use at most 80 characters for the name');
const position = z.number().int('Position must be a whole number').min(0).max(100_000);

export const createCategoryInput = z.object({
  name,
  slug: itemSlugSchema.optional(),
  parentId: idSchema.nullable().optional(),
  position: position.optional(),
});

export const updateCategoryInput = z.object({
  id: idSchema,
  name: name.optional(),
  slug: itemSlugSchema.optional(),
  parentId: idSchema.nullable().optional(),
  position: position.optional(),
});

export const deleteCategoryInput = z.object({ id: idSchema });

export type CreateCategoryInput = z.infer<typeof createCategoryInput>;
export type UpdateCategoryInput = z.infer<typeof updateCategoryInput>;
export type DeleteCategoryInput = z.infer<typeof deleteCategoryInput>;
