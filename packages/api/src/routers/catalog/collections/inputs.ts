import { z } from 'zod';
import { idSchema, itemSlugSchema } from '../../../lib/schemas.ts';

const title = z.string().trim().min(1, 'Give the collection a name').max(120, 'Use at most 120 characters for the name');
const description = z.string().max(5_000, 'The description is too long (5,000 characters at most)');
const seoTitle = z.string().trim().max(70, 'Keep the search title under 70 characters').nullable();
const seoDescription = z.string().trim().max(160, 'Keep the search description under 160 characters').nullable();

export const createCollectionInput = z.object({
  title,
  slug: itemSlugSchema.optional(),
  description: description.default(''),
  seoTitle: seoTitle.optional(),
  seoDescription: seoDescription.optional(),
});
export const updateCollectionInput = z.object({
  id: idSchema,
  title: title.optional(),
  slug: itemSlugSchema.optional(),
  description: description.optional(),
  seoTitle: seoTitle.optional(),
  seoDescription: seoDescription.optional(),
});
export const collectionIdInput = z.object({ id: idSchema });
/** The collection's products become exactly these, in this order. */
export const setCollectionProductsInput = z.object({
  id: idSchema,
  productIds: z
    .array(idSchema)
    .max(1_000, 'A collection can hold at most 1,000 products')
    .refine((ids) => new Set(ids).size === ids.length, 'A product can be in a collection only once'),
});

export type CreateCollectionInput = z.infer<typeof createCollectionInput>;
export type UpdateCollectionInput = z.infer<typeof updateCollectionInput>;
export type CollectionIdInput = z.infer<typeof collectionIdInput>;
export type SetCollectionProductsInput = z.infer<typeof setCollectionProductsInput>;
